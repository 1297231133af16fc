// A control redraws only what shows it (issue 15: "not redrawing what did
// not change"): after a change, the charts whose registry line lists the
// control (src/registry.rs) get their drawing and texts again, and the other
// cards of the tab are left untouched — no draw, no texts asked for, the
// same pixels. The expected charts are read off the registry's lines by hand:
//
//   Lorenz [Year, Level, Zone, Area]   Scatter [Year, Zone, LogScale]
//   Theil  [Year, Level, Area]         Areas   [Year]
//   Innovation [Year, Level, Zone, Area]   Trends [Zone, Indicator]

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { browser, inWidget, openPage, problems, server, twoFrames, useServerAndBrowser, waitReady } from "./harness.mjs";

useServerAndBrowser();

/** Counts, per chart, the widget's draws and card texts from now on, and
 * notes each canvas's pixels and summary (in the page). */
function watch(page) {
  return inWidget(page, (root) => {
    const widget = root.host.widget;
    const counts = (window.__counts = { draw: {}, card: {} });
    for (const name of ["draw", "card"]) {
      const original = widget[name];
      widget[name] = function (chart, ...rest) {
        counts[name][chart] = (counts[name][chart] || 0) + 1;
        return original.call(this, chart, ...rest);
      };
    }
    window.__before = Object.fromEntries(
      [...root.querySelectorAll(".zm-card")].map((card) => [card.id.replace(/.*-chart-/, ""), { pixels: card.querySelector("canvas").toDataURL(), summary: card.querySelector(".zm-summary").textContent }]),
    );
  });
}

/** After a change: per chart of the tab, how often it was drawn and its
 * texts asked for, and whether its pixels and its summary changed. */
function seen(page) {
  return inWidget(page, (root) => {
    const out = {};
    for (const card of root.querySelectorAll(".zm-card")) {
      const chart = card.id.replace(/.*-chart-/, "");
      const before = window.__before[chart];
      out[chart] = {
        draws: window.__counts.draw[chart] || 0,
        cards: window.__counts.card[chart] || 0,
        pixels: card.querySelector("canvas").toDataURL() !== before.pixels ? "changed" : "same",
        summary: card.querySelector(".zm-summary").textContent !== before.summary ? "changed" : "same",
      };
    }
    return out;
  });
}

// A redrawn chart's summary may read the same (a zone marked on the
// chart is not in its summary): only an untouched one's is checked.
const redrawn = { draws: 1, cards: 1, pixels: "changed" };
const untouched = { draws: 0, cards: 0, pixels: "same", summary: "same" };

/** Makes the change `act` (run in the page) and says what it did to each
 * chart of the tab, as `redrawn` or `untouched` would say it. */
async function change(page, act) {
  await watch(page);
  await inWidget(page, act);
  await twoFrames(page);
  const result = await seen(page);
  for (const s of Object.values(result)) if (s.draws) delete s.summary;
  return result;
}

test("a control redraws the charts that list it and leaves the others untouched", async () => {
  const { page, context, log } = await openPage(browser, `${server.url}#view=imbalance`);
  try {
    await waitReady(page);
    // Log scale: the scatter only.
    const logScale = await change(page, (root) => {
      const box = root.querySelector("#" + root.host.uid + "-log");
      box.checked = true;
      box.dispatchEvent(new Event("change"));
    });
    assert.deepEqual(logScale, { lorenz: untouched, scatter: redrawn, theil: untouched, areas: untouched });
    // A zone: Lorenz and the scatter mark it; Theil and the areas do not show zones.
    const zone = await change(page, (root) => root.host.selectZone("z07"));
    assert.deepEqual(zone, { lorenz: redrawn, scatter: redrawn, theil: untouched, areas: untouched });
    // A year: every chart of the tab.
    const year = await change(page, (root) => {
      const slider = root.querySelector(".zm-year");
      slider.value = String(Number(slider.value) - 1);
      slider.dispatchEvent(new Event("input"));
    });
    assert.deepEqual(year, { lorenz: redrawn, scatter: redrawn, theil: redrawn, areas: redrawn });

    // The innovation tab: the indicator changes the trends only.
    await inWidget(page, (root) => root.querySelector('.zm-tab[data-tab="innovation"]').click());
    await waitReady(page);
    const indicator = await change(page, (root) => {
      const select = root.querySelector(".zm-indicator");
      select.value = [...select.options].map((o) => o.value).find((v) => v && v !== select.value);
      select.dispatchEvent(new Event("change"));
    });
    assert.deepEqual(indicator, { innovation: untouched, trends: redrawn });
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("a redrawn chart answers the pointer for its new drawing, an untouched one for its old", async () => {
  const { page, context } = await openPage(browser, `${server.url}#view=innovation`);
  try {
    await waitReady(page);
    const marks = (chart) => inWidget(page, (root, chart) => Array.from({ length: root.host.widget.mark_count(chart) }, (_, i) => root.host.widget.mark(chart, i).label), chart);
    const before = { innovation: await marks("innovation"), trends: await marks("trends") };
    await inWidget(page, (root) => {
      const select = root.querySelector(".zm-indicator");
      select.value = [...select.options].map((o) => o.value).find((v) => v && v !== select.value);
      select.dispatchEvent(new Event("change"));
    });
    await twoFrames(page);
    assert.deepEqual(await marks("innovation"), before.innovation);
    assert.notDeepEqual(await marks("trends"), before.trends);
  } finally {
    await context.close();
  }
});

test("a new colour scheme still redraws every chart", async () => {
  const { page, context } = await openPage(browser, `${server.url}#view=imbalance`);
  try {
    await waitReady(page);
    await watch(page);
    await page.evaluate(() => document.querySelector("zone-monitor").setAttribute("theme", "dark"));
    await twoFrames(page);
    const dark = await seen(page);
    for (const [chart, s] of Object.entries(dark)) {
      assert.equal(s.draws, 1, `${chart} drawn dark`);
      assert.equal(s.pixels, "changed", `${chart} drawn dark`);
    }
  } finally {
    await context.close();
  }
});

test("a chart whose own width changes is drawn again at that width, and a later change keeps it", async () => {
  // The widget's width stays: only one card's box narrows (as a folded
  // panel or a page's own style may do). Expected by hand: its canvas is
  // 420 px wide at DPR 1, the other charts are not drawn.
  const { page, context, log } = await openPage(browser, `${server.url}#view=imbalance`);
  try {
    await waitReady(page);
    const widths = () => inWidget(page, (root) => Object.fromEntries([...root.querySelectorAll(".zm-card")].map((card) => [card.id.replace(/.*-chart-/, ""), card.querySelector("canvas").width])));
    const before = await widths();
    await watch(page);
    await inWidget(page, (root) => root.querySelector('[id$="-chart-theil"] .zm-plot').style.setProperty("width", "420px"));
    await twoFrames(page);
    const drawn = await seen(page);
    assert.deepEqual(Object.fromEntries(Object.entries(drawn).map(([chart, s]) => [chart, s.draws])), { lorenz: 0, scatter: 0, theil: 1, areas: 0 });
    assert.deepEqual(await widths(), { ...before, theil: 420 });
    // A year redraws every chart, each at the width it has now.
    await inWidget(page, (root) => {
      const slider = root.querySelector(".zm-year");
      slider.value = String(Number(slider.value) - 1);
      slider.dispatchEvent(new Event("input"));
    });
    await twoFrames(page);
    assert.deepEqual(await widths(), { ...before, theil: 420 });
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("a font that arrives after the charts are drawn: every chart measured and drawn again in it, as if it had been there from the start", async () => {
  // The charts name "PingFang SC" first (charts::style::FONT_FAMILY); this
  // machine has no such font, so it draws in a fallback. A page can bring
  // one (a portal's web font): here a monospace TTF of this machine, given
  // that name. Without a redraw when it arrives, the charts stay in the
  // fallback until the reader changes something. On the late page the font is fetched (the
  // browser's loading events, as a portal's @font-face gives them), on the
  // early one made from its bytes before the page's scripts run.
  // Expected: the late page's ranking, drawn again when its font came, is
  // pixel for pixel the early page's.
  const file = execFileSync("fc-list", [":", "file"], { encoding: "utf8" })
    .split("\n")
    .map((line) => line.replace(/:\s*$/, "").trim())
    .find((path) => /mono.*\.ttf$/i.test(path) || /Mono-Regular\.ttf$/.test(path));
  assert.ok(file, "a monospace TTF on this machine (fonts-dejavu-core or fonts-liberation)");
  const bytes = readFileSync(file);
  const ranking = (page) => inWidget(page, (root) => root.querySelector("[id$=-chart-ranking] canvas").toDataURL());

  const late = await openPage(browser, `${server.url}#lang=en&view=evaluation`, {
    beforeGoto: (page) => page.route("**/late-font.ttf", (route) => route.fulfill({ contentType: "font/ttf", body: bytes })),
  });
  const early = await openPage(browser, `${server.url}#lang=en&view=evaluation`, {
    beforeGoto: (page) => page.addInitScript((base64) => {
      const face = new FontFace("PingFang SC", Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer);
      document.fonts.add(face);
    }, bytes.toString("base64")),
  });
  try {
    await waitReady(late.page);
    const before = await ranking(late.page);
    await late.page.evaluate(async () => {
      const face = new FontFace("PingFang SC", "url(late-font.ttf)");
      document.fonts.add(face);
      await face.load();
    });
    await late.page.waitForFunction((before) => document.querySelector("zone-monitor").shadowRoot.querySelector("[id$=-chart-ranking] canvas").toDataURL() !== before, before);
    await waitReady(early.page);
    assert.equal(await ranking(late.page), await ranking(early.page), "drawn as with the font from the start");
    assert.notEqual(await ranking(early.page), before, "the font changes the drawing (else this test shows nothing)");
    assert.deepEqual(problems(late.log), []);
    assert.deepEqual(problems(early.log), []);
  } finally {
    await late.context.close();
    await early.context.close();
  }
});
