// Where an interaction's time goes at national scale (issue 15): not a test,
// a tool, beside profile-load.mjs.
//
//   node tests/e2e/profile-interact.mjs DIR FILE [ACTION] [TAB]
//
// Serves DIR (a built www/; wasm functions have names only in a build whose
// wasm keeps its name section: `wasm-bindgen` without
// --remove-name-section), opens its index.html at 1280 px with FILE as the
// data, opens TAB (default evaluation), then takes a V8 CPU profile
// (sampling every 100 µs) of ACTION done RUNS times (default 5), each
// until the widget's zone-monitor:ready: `weight` (a weight slider moved a
// step), `year` (the year slider moved back a year), `zone` (a zone chosen
// with the element's selectZone), `exited` (the keep-exited box ticked or
// cleared), `method` (the next weighting method), `page` (TAB's first
// paged table, the data tab's with TAB data, turned to its next page and
// back in turn; it says no ready: timed until the frame after it is
// painted), `tab` (TAB's button clicked
// on a fresh page opened on the overview, until data-ready again and a
// frame: a tab is computed once a page, so each run is a page of its own),
// `load` (a fresh page opened on TAB with FILE as its data, from navigation
// to the widget's zone-monitor:ready; prints the time of each of its marks;
// with SERVED=1, DIR's own data/zones.json as the server sends it instead
// of FILE through a route, whose body crosses the DevTools protocol: 7 MB
// in some 500 ms). An action's time is until its first zone-monitor:ready
// (with a file of 2 MB or more a change draws the other cards after the
// frame: the next run waits for them, and the profile has them).
// WIDTH and DPR set the screen (default 1280 and 1). Prints the wall time of
// each, and the functions by inclusive and by self time; with
// PROFILE_OUT=FILE, writes the profile there too (a .cpuprofile DevTools
// opens; the tab action's runs to FILE-1, FILE-2, ...).

import { readFileSync, writeFileSync } from "node:fs";
import { launch, openPage, startServer } from "./harness.mjs";

const [dir, file, action = "weight", tab = "evaluation"] = process.argv.slice(2);
const RUNS = Number(process.env.RUNS || 5);
const server = await startServer(dir);
const browser = await launch();
try {
  // SERVED=1: DIR's own data/zones.json, from the server as a portal
  // sends it (a route's body crosses the DevTools protocol, 7 MB in some
  // 500 ms); else FILE's bytes through a route.
  const body = process.env.SERVED ? null : readFileSync(file);
  const serve = (p) => body && p.route("**/data/zones.json", (r) => r.fulfill({ contentType: "application/json", body }));
  const screen = { width: Number(process.env.WIDTH || 1280), height: 900, dpr: Number(process.env.DPR || 1) };
  // A CPU profiler on `page`, sampling every 100 µs (not started).
  const profiler = async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    return cdp;
  };
  const open = async (hashTab) => {
    const opened = await openPage(browser, `${server.url}#view=${hashTab}`, { ...screen, beforeGoto: serve });
    await opened.page.waitForFunction(() => document.querySelector("zone-monitor")?.dataset.ready === "true", null, { timeout: 120000 });
    return { ...opened, cdp: await profiler(opened.page) };
  };
  const profiles = [];
  let times;
  if (action === "load") {
    // The profiler starts before navigation, so the load is in it whole.
    times = [];
    for (let i = 0; i < RUNS; i++) {
      let cdp;
      const { page, context } = await openPage(browser, `${server.url}#view=${tab}`, {
        ...screen,
        beforeGoto: async (p) => {
          await serve(p);
          cdp = await profiler(p);
          await cdp.send("Profiler.start");
        },
      });
      await page.waitForFunction(() => performance.getEntriesByName("zone-monitor:ready").length > 0, null, { timeout: 120000 });
      const marks = await page.evaluate(() => performance.getEntriesByType("mark").filter((m) => m.name.startsWith("zone-monitor:")).map((m) => `${m.name.slice(13)} ${m.startTime.toFixed(0)}`));
      console.log(`  marks (ms from navigation): ${marks.join(", ")}`);
      times.push(await page.evaluate(() => performance.getEntriesByName("zone-monitor:ready")[0].startTime));
      profiles.push((await cdp.send("Profiler.stop")).profile);
      await context.close();
    }
  } else if (action === "tab") {
    // A fresh page per run (a tab is computed once a page): opened on the
    // overview, then TAB clicked, until data-ready again and a frame.
    times = [];
    for (let i = 0; i < RUNS; i++) {
      const { page, context, cdp } = await open("overview");
      await cdp.send("Profiler.start");
      times.push(
        await page.evaluate(async (tab) => {
          const host = document.querySelector("zone-monitor");
          const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          await frame();
          const t0 = performance.now();
          host.shadowRoot.querySelector(`.zm-tab[data-tab="${tab}"]`).click();
          while (host.dataset.ready !== "true") await frame();
          await frame();
          return performance.now() - t0;
        }, tab),
      );
      profiles.push((await cdp.send("Profiler.stop")).profile);
      await context.close();
    }
  } else {
    const { page, context, cdp } = await open(tab);
    await cdp.send("Profiler.start");
    times = await page.evaluate(async ({ action, runs }) => {
      const host = document.querySelector("zone-monitor");
      const root = host.shadowRoot;
      const zones = host.widget.zones().filter((z) => !z.parent);
      const acts = {
        weight: (i) => {
          const slider = root.querySelector(".zm-weight input");
          slider.value = String(Number(slider.value) + (i % 2 ? -1 : 1));
          slider.dispatchEvent(new Event("input"));
        },
        year: (i) => {
          const years = root.querySelector(".zm-year");
          years.value = String(Number(years.value) - (i % 2 ? -1 : 1));
          years.dispatchEvent(new Event("input", { bubbles: true }));
        },
        zone: (i) => host.selectZone(zones[(i * 7) % zones.length].id),
        exited: () => root.querySelector("input[id$=-keep-exited]").click(),
        page: (i) => root.querySelector(`.zm-rows-${i % 2 ? "prev" : "next"}`).click(),
        method: (i) => {
          const method = root.querySelector(".zm-method select, select.zm-method");
          method.selectedIndex = (method.selectedIndex + 1) % method.options.length;
          method.dispatchEvent(new Event("change", { bubbles: true }));
        },
      };
      const out = [];
      for (let i = 0; i < runs; i++) {
        await new Promise(requestAnimationFrame);
        const ready = action === "page"
          ? new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
          : new Promise((resolve) => host.addEventListener("zone-monitor:ready", resolve, { once: true }));
        const t0 = performance.now();
        acts[action](i);
        await ready;
        out.push(performance.now() - t0);
        // A large file's later cards, drawn after the frame, before the
        // next run (data-ready again after the last).
        while (host.dataset.ready !== "true") await new Promise((resolve) => setTimeout(resolve, 1));
      }
      return out;
    }, { action, runs: RUNS });
    profiles.push((await cdp.send("Profiler.stop")).profile);
    await context.close();
  }
  console.log(`${action} on ${tab}, ${file}: ${times.map((t) => t.toFixed(1)).join(", ")} ms`);
  const out = process.env.PROFILE_OUT;
  if (out && profiles.length === 1) writeFileSync(out, JSON.stringify(profiles[0]));
  else if (out) profiles.forEach((p, i) => writeFileSync(out.replace(/(\.cpuprofile)?$/, `-${i + 1}$1`), JSON.stringify(p)));
  const label = (n) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop()}`;
  const self = new Map();
  const inclusive = new Map();
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
    profile.samples.forEach((id, i) => {
      const dt = profile.timeDeltas[i] || 0;
      self.set(label(nodes.get(id)), (self.get(label(nodes.get(id))) || 0) + dt);
      const names = new Set();
      for (let n = id; n !== undefined; n = parent.get(n)) names.add(label(nodes.get(n)));
      for (const name of names) inclusive.set(name, (inclusive.get(name) || 0) + dt);
    });
  }
  const filter = new RegExp(process.env.PROFILE_FILTER || "zone_monitor::|Widget|zone-monitor.js");
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log("inclusive (all runs):");
  for (const [name, us] of top(new Map([...inclusive].filter(([n]) => filter.test(n))), 60)) {
    if (us >= 1000) console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${name.slice(0, 150)}`);
  }
  console.log("self:");
  for (const [name, us] of top(self, 40)) console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${name.slice(0, 150)}`);
} finally {
  await browser.close();
  server.stop();
}
