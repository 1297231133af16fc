// The split build (opt-in, SPLIT=1; build.sh split_wasm, src/web/js/split.js):
// the primary holds every first load the profile saw, the secondary comes
// after the first chart, and its late or failed arrival is said to the
// reader in their language, under the dev server's strict CSP. Run by
// `SPLIT=1 ./build.sh test` only (not in tests/e2e/*.test.mjs: the default
// build has no secondary to test).

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, browser, inWidget, openPage, problems, server, useServerAndBrowser, waitReady } from "../harness.mjs";

if (!existsSync(join(ROOT, "www/pkg/zone_monitor_bg.2.wasm"))) throw new Error("not a split build: run SPLIT=1 ./build.sh build first");

useServerAndBrowser();

/** Before the page loads: the secondary's requests answered by `hold`
 * (counted in `requests`): each of the first `fail` is refused, the others
 * wait for `release()`. */
function holdSecondary({ fail = 0, held = false } = {}) {
  const hold = { requests: 0, fail };
  let release;
  const released = held ? new Promise((resolve) => (release = resolve)) : Promise.resolve();
  hold.release = () => release();
  hold.beforeGoto = (page) =>
    page.route("**/pkg/zone_monitor_bg.2.wasm", async (route) => {
      hold.requests++;
      if (hold.requests <= hold.fail) return route.abort("connectionreset");
      await released;
      await route.continue();
    });
  return hold;
}

/** The page's problems but the refused requests of the secondary (a test's own). */
const otherProblems = (log) => problems(log).filter((p) => !/zone_monitor_bg\.2\.wasm|ERR_CONNECTION_RESET/.test(p));

/** `file` (under the repository) served in place of the bundled data. */
const serveData = (page, file) => page.route("**/data/zones.json", (route) => route.fulfill({ contentType: "application/json", body: readFileSync(join(ROOT, file)) }));

/** How many times the load parsed the file: 2 when it was made again
 * because it needed the secondary before it came (split.js showSplit). */
const parses = (page) => page.evaluate(() => performance.getEntriesByName("zone-monitor:parse").length);

/** Until the first chart is drawn (the User Timing mark). */
const firstChart = (page) => page.waitForFunction(() => performance.getEntriesByName("zone-monitor:ready").length > 0);

const state = (page) =>
  inWidget(page, (root) => {
    const host = root.host;
    return {
      busy: host.getAttribute("aria-busy"),
      ready: host.dataset.ready ?? null,
      message: root.querySelector(".zm-message-text")?.textContent ?? null,
      skeleton: Boolean(root.querySelector(".zm-skeleton")),
      status: root.querySelector(".zm-skeleton .zm-status")?.textContent ?? null,
    };
  });

// First loads the profile holds (build.sh split_wasm's pages, some in
// other combinations): none needs the secondary before its first chart,
// which comes after that chart.
const FIRST_LOADS = [
  ["1280 px, zh", "", {}],
  ["360 px DPR 2, en, a finger, elder mode, dark", "?lang=en#mode=elder", { width: 360, dpr: 2, colorScheme: "dark", touch: true }],
  ["360 px DPR 2, zh, a finger", "", { width: 360, dpr: 2, touch: true }],
  ["1280 px, dark, elder mode", "#mode=elder", { colorScheme: "dark" }],
  ["1280 px, en, forced colours", "?lang=en", { forced: true }],
  ["1280 px, loaded again from the link it wrote", "", { reload: true }],
  ["1280 px, a share link of the overview with a zone and another year", "#zone=z03&year=2019", {}],
  ["1280 px, a portal's file in rows (tests/datasets/good/minimal.json)", "", { data: "tests/datasets/good/minimal.json" }],
];

for (const [name, address, options] of FIRST_LOADS) {
  test(`a first load in the primary (${name}): made once, the secondary after the first chart, no CSP violation`, async () => {
    const { forced, reload, data, ...rest } = options;
    const beforeGoto = async (page) => {
      if (forced) await page.emulateMedia({ forcedColors: "active" });
      if (data) await serveData(page, data);
    };
    const { page, context, log } = await openPage(browser, `${server.url}${address}`, { ...rest, beforeGoto });
    try {
      await waitReady(page);
      if (reload) {
        await page.waitForFunction(() => location.hash.includes("view="));
        await page.reload();
        await waitReady(page);
      }
      assert.equal(await page.evaluate(() => matchMedia("(pointer: coarse)").matches), Boolean(options.touch), "a finger");
      assert.equal(await parses(page), 1, "the load was made again: the profile misses this first load");
      const [chart, secondary] = await page.evaluate(() => [
        performance.getEntriesByName("zone-monitor:ready")[0].startTime,
        performance.getEntriesByType("resource").find((r) => r.name.endsWith("zone_monitor_bg.2.wasm"))?.startTime,
      ]);
      assert.ok(secondary !== undefined, "the secondary was fetched");
      assert.ok(secondary >= chart, `the secondary asked for at ${secondary} ms, before the first chart at ${chart} ms`);
      assert.deepEqual(problems(log), []);
    } finally {
      await context.close();
    }
  });
}

// First loads beyond the profile's (split.js `beyondProfile`): the
// secondary fetched with the primary, before the first chart.
for (const address of ["#view=evaluation", "#view=overview&level=national&year=2019"]) {
  test(`a link beyond the profile's first loads (${address}): the secondary before the first chart, the load made once`, async () => {
    const { page, context, log } = await openPage(browser, `${server.url}${address}`);
    try {
      await waitReady(page);
      assert.equal(await parses(page), 1);
      const [parse, secondary] = await page.evaluate(() => [
        performance.getEntriesByName("zone-monitor:parse")[0].startTime,
        performance.getEntriesByType("resource").find((r) => r.name.endsWith("zone_monitor_bg.2.wasm"))?.startTime,
      ]);
      assert.ok(secondary < parse, `the secondary asked for at ${secondary} ms, the file parsed at ${parse} ms`);
      assert.deepEqual(problems(log), []);
    } finally {
      await context.close();
    }
  });
}

test("a first load that needs the secondary before it is in: the skeleton says so, busy, and the load is made again; never ready without its cards", async () => {
  // A file with problems: listing them needs the secondary (the profile's
  // files have none).
  const data = JSON.parse(readFileSync(join(ROOT, "www/data/zones.json"), "utf8"));
  data.zones[7].land_km2 = "n/a";
  const hold = holdSecondary({ held: true });
  const { page, context } = await openPage(browser, server.url, {
    beforeGoto: async (page) => {
      await hold.beforeGoto(page);
      await page.route("**/data/zones.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(data) }));
    },
  });
  try {
    await page.waitForFunction(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-skeleton .zm-status")?.textContent === "正在加载组件的其余部分…");
    const waiting = await state(page);
    assert.deepEqual({ busy: waiting.busy, ready: waiting.ready }, { busy: "true", ready: null });
    assert.equal(await inWidget(page, (root) => root.querySelector(".zm-panel, .zm-header")), null, "nothing of the load cut short left on the page");
    hold.release();
    const box = await page.waitForFunction(() => document.querySelector("zone-monitor").shadowRoot.querySelector('[role="alert"]')?.textContent);
    assert.match(await box.jsonValue(), /zones\[7\]\.land_km2/);
    assert.equal(await parses(page), 2);
  } finally {
    await context.close();
  }
});
