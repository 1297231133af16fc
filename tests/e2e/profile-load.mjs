// Where a first load's time goes (issue 15): not a test, a tool.
//
//   node tests/e2e/profile-load.mjs [DIR] [HASH]    (DIR default www, HASH e.g. "#view=evaluation")
//
// Loads DIR/index.html HASH in a fresh context at 1280 px DPR 1 and 360 px
// DPR 2 with a Chromium trace (DevTools' timeline categories and V8's wasm
// compilation), and prints, from navigation: every main-thread task of 5 ms
// or more with what it spent its time on (script evaluation, wasm
// compilation, function calls, style, layout, paint), the page's User Timing
// marks and measures (the widget's zone-monitor:* ones), and the
// network requests' start and end, and the wasm functions V8 compiled on
// the main thread at their first call (how many, how long). WIDTH=1280 or 360: that screen only. With PROFILE=1 it takes a V8 CPU profile
// instead (sampling every 100 µs) and prints the functions by self time:
// wasm functions have names only in a build whose wasm keeps its name
// section (`wasm-bindgen` without --remove-name-section).

import { launch, openPage, startServer } from "./harness.mjs";

const dir = process.argv[2] || "www";
const hash = process.argv[3] || "";
const SCREENS = [
  { width: 1280, height: 900, dpr: 1 },
  { width: 360, height: 740, dpr: 2 },
].filter((s) => !process.env.WIDTH || s.width === Number(process.env.WIDTH));
const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8",
  "v8.wasm",
  "v8.execute",
  "blink.user_timing",
  "loading",
  "toplevel",
].join(",");

const server = await startServer(dir);
const browser = await launch();
try {
  for (const screen of SCREENS) {
    console.log(`\n== ${dir}/index.html${hash} at ${screen.width} px DPR ${screen.dpr}`);
    if (process.env.PROFILE) await profile(screen);
    else if (process.env.TRACE) await trace(screen);
    else await measures(screen);
  }
} finally {
  await browser.close();
  server.stop();
}

async function ready(page) {
  await page.waitForSelector('zone-monitor[data-ready="true"]', { timeout: 30000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
}

// The widget's User Timing measures (zone-monitor:*) and the long tasks,
// median of RUNS loads (default 5) without a profiler attached.
async function measures(screen) {
  const runs = [];
  for (let i = 0; i < Number(process.env.RUNS || 5); i++) {
    const { page, context } = await openPage(browser, server.url + hash, {
      ...screen,
      beforeGoto: (page) => page.addInitScript(() => {
        window.__longtasks = [];
        new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longtasks.push([e.startTime, e.duration]))).observe({ type: "longtask", buffered: true });
      }),
    });
    await ready(page);
    runs.push(await page.evaluate(() => ({
      entries: performance.getEntriesByType("measure").concat(performance.getEntriesByType("mark"))
        .filter((e) => e.name.startsWith("zone-monitor:")).map((e) => [e.name, e.startTime, e.duration]),
      longtasks: window.__longtasks,
      resources: performance.getEntriesByType("resource").map((r) => [r.name.split("/").pop(), r.startTime, r.responseEnd]),
    })));
    await context.close();
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const names = [...new Set(runs.flatMap((r) => r.entries.map((e) => e[0])))];
  for (const name of names) {
    const starts = [], durations = [];
    for (const r of runs) {
      const es = r.entries.filter((e) => e[0] === name);
      if (!es.length) continue;
      starts.push(es[0][1]);
      durations.push(es.reduce((a, e) => a + e[2], 0));
    }
    console.log(`  ${name.padEnd(40)} at ${median(starts).toFixed(0).padStart(5)} ms  ${median(durations).toFixed(1).padStart(6)} ms${es(name)}`);
  }
  // Each step: from its mark to the next one's (marks in load order).
  const marks = runs[0].entries.filter((e) => e[2] === 0).sort((a, b) => a[1] - b[1]).map((e) => e[0]);
  for (let i = 0; i + 1 < marks.length; i++) {
    const deltas = runs.map((r) => {
      const at = (name) => r.entries.find((e) => e[0] === name)?.[1];
      return at(marks[i + 1]) - at(marks[i]);
    }).filter(Number.isFinite);
    console.log(`  step ${marks[i].replace("zone-monitor:", "")} → ${marks[i + 1].replace("zone-monitor:", "")}: ${median(deltas).toFixed(1)} ms (median of ${deltas.length})`);
  }
  function es(name) { return runs[0].entries.filter((e) => e[0] === name).length > 1 ? ` (${runs[0].entries.filter((e) => e[0] === name).length}×, summed)` : ""; }
  for (const file of ["zone_monitor_bg.wasm", "zones.json", "zone-monitor.js"]) {
    const ends = runs.map((r) => r.resources.find((x) => x[0] === file)?.[2]).filter(Number.isFinite);
    console.log(`  fetched ${file.padEnd(30)} by ${median(ends).toFixed(0)} ms`);
  }
  runs.forEach((r, i) => console.log(`  run ${i + 1} long tasks: ${r.longtasks.map(([s, d]) => `${d.toFixed(0)} ms at ${s.toFixed(0)}`).join(", ") || "none"}`));
}

async function trace(screen) {
  let cdp;
  const events = [];
  const { page, context } = await openPage(browser, server.url + hash, {
    ...screen,
    beforeGoto: async (page) => {
      cdp = await page.context().newCDPSession(page);
      cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
      await cdp.send("Tracing.start", { traceConfig: { includedCategories: CATEGORIES.split(",") }, transferMode: "ReportEvents" });
    },
  });
  await ready(page);
  const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.end");
  await done;
  await context.close();

  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" &&
    events.some((x) => x.pid === e.pid && x.name === "navigationStart" && x.args?.data?.isLoadingMainFrame));
  const nav = events.find((e) => e.pid === main.pid && e.name === "navigationStart" && e.args?.data?.isLoadingMainFrame);
  const t0 = nav.ts;
  const ms = (ts) => ((ts - t0) / 1000).toFixed(1);
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ts >= t0);
  const tasks = onMain.filter((e) => e.name === "RunTask" && e.ph === "X" && e.dur >= 5000);
  for (const task of tasks) {
    const inside = onMain.filter((e) => e.ph === "X" && e !== task && e.ts >= task.ts && e.ts + (e.dur || 0) <= task.ts + task.dur);
    // What the task spent its time on: the longest events inside it, by name.
    const by = new Map();
    for (const e of inside) {
      const key = e.name === "FunctionCall" || e.name === "EvaluateScript" || e.name === "v8.compile" ? `${e.name}` : e.name;
      by.set(key, (by.get(key) || 0) + e.dur);
    }
    const top = [...by].filter(([, d]) => d >= 1000).sort((a, b) => b[1] - a[1]).slice(0, 10)
      .map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`).join(", ");
    console.log(`task at ${ms(task.ts)} ms: ${(task.dur / 1000).toFixed(1)} ms  [${top}]`);
  }
  const marks = events.filter((e) => e.pid === main.pid && e.cat?.includes("blink.user_timing") && e.ts >= t0 && /zone-monitor/.test(e.name));
  const seen = new Set();
  for (const m of marks.sort((a, b) => a.ts - b.ts)) {
    if (m.ph === "e" || m.ph === "E") continue;
    const key = `${m.name}@${m.ts}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const end = marks.find((x) => x.name === m.name && x.id === m.id && (x.ph === "e" || x.ph === "E") && x.ts >= m.ts);
    console.log(`  ${m.name} at ${ms(m.ts)}${end ? ` for ${((end.ts - m.ts) / 1000).toFixed(1)} ms` : ""}`);
  }
  const requests = new Map();
  for (const e of events.filter((e) => e.ts >= t0)) {
    const d = e.args?.data;
    if (e.name === "ResourceSendRequest") requests.set(d.requestId, { url: d.url, start: e.ts });
    if (e.name === "ResourceFinish" && requests.has(d.requestId)) requests.get(d.requestId).end = e.ts;
  }
  for (const r of requests.values()) console.log(`  fetch ${new URL(r.url).pathname}: ${ms(r.start)} → ${r.end ? ms(r.end) : "?"} ms`);
  const wasm = onMain.concat(events.filter((e) => e.pid === main.pid && e.tid !== main.tid))
    .filter((e) => /wasm/i.test(e.name) && e.ph === "X" && e.dur >= 1000);
  for (const e of wasm) console.log(`  ${e.name} (${e.tid === main.tid ? "main" : "worker"}) at ${ms(e.ts)}: ${(e.dur / 1000).toFixed(1)} ms`);
  // V8 compiles a wasm function on the main thread when it is first called
  // (lazy compilation): each is short, but a first load calls over a
  // thousand, and together they are a share of every step above.
  const lazy = onMain.filter((e) => e.name === "wasm.CompileLazy" && e.ph === "X");
  const lazyMs = lazy.reduce((sum, e) => sum + e.dur, 0) / 1000;
  console.log(`  wasm functions compiled lazily on the main thread by the whole tab drawn: ${lazy.length}, ${lazyMs.toFixed(1)} ms in all`);
}

async function profile(screen) {
  let cdp;
  const { page, context } = await openPage(browser, server.url + hash, {
    ...screen,
    beforeGoto: async (page) => {
      cdp = await page.context().newCDPSession(page);
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
      await cdp.send("Profiler.start");
    },
  });
  await ready(page);
  const { profile } = await cdp.send("Profiler.stop");
  await context.close();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const n = nodes.get(id);
    const name = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop()}`;
    self.set(name, (self.get(name) || 0) + (profile.timeDeltas[i] || 0));
  });
  // Inclusive time: each sample counted once for every distinct function on its stack.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const label = (n) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop()}`;
  const inclusive = new Map();
  profile.samples.forEach((id, i) => {
    const names = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) names.add(label(nodes.get(n)));
    for (const name of names) inclusive.set(name, (inclusive.get(name) || 0) + (profile.timeDeltas[i] || 0));
  });
  const filter = new RegExp(process.env.PROFILE_FILTER || "zone_monitor::|Widget|zone-monitor.js");
  console.log("inclusive:");
  for (const [name, us] of [...inclusive].filter(([n, us]) => filter.test(n) && us >= 2000).sort((a, b) => b[1] - a[1]).slice(0, 70)) {
    console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${name.slice(0, 150)}`);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`sampled ${(total / 1000).toFixed(0)} ms`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`);
  }
}
