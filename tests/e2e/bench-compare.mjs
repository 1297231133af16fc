// The widget side by side with ECharts, run by `./build.sh bench` after
// bench.mjs (not a test: it measures and prints a table; issue 15).
//
// Four pages on the same server (tools/serve.py, precompressed files as a
// portal serves them when `./build.sh bench` has written them):
//   widget overview     index.html: the widget's first visit (the shares chart)
//   widget evaluation   index.html#view=evaluation: its ranking of the zones by
//                       composite score (the chart ECharts draws), with the
//                       tab's profile and stability charts
//   ECharts full        bench-echarts-full.html: echarts.min.js 6.1.0
//   ECharts minimal     bench-echarts-min.html: core + bar + grid + tooltip +
//                       canvas renderer, tree-shaken by esbuild
// and, when `BENCH_BEFORE=DIR ./build.sh bench` copied an earlier build's
// www/ there (www/bench-before/, with its COMMIT file), that build's two
// widget pages too: before and after measured in one run, interleaved.
// ECharts draws the same ranked scores, with names and a tooltip per bar,
// from bench-echarts/ranking.json, which build.sh writes from the widget's own
// analysis (`zone-monitor report --json` on www/data/zones.json).
//
// Loads are interleaved (run 1 of every page, then run 2, ...), RUNS of each,
// in a fresh browser context each (nothing cached), at 1280 px DPR 1 and
// 360 px DPR 2. Per load: navigation → first chart painted (the page's own
// "drawn" signal — the widget's zone-monitor:ready, ECharts' return from its
// first setOption — then the next animation frame and a task after it, i.e.
// the frame with the chart has been produced), and the same from the HTML's
// last byte (navigation → the HTML received is a floor every page shares: a
// fresh context, the request, the response; the ratio of the rest is what
// the pages' own code makes of it); navigation → whole tab drawn
// (the widget draws the tab's other cards after its first chart, each in a
// task of its own: until it sets data-ready="true", then a frame; for
// ECharts the same as the first chart); and the longest main-thread task of
// the load, up to the whole tab drawn, not only to the first chart
// (PerformanceObserver longtask: only tasks ≥ 50 ms are reported, so "—"
// means none that long). Bytes: every response's body
// gzip -9 and brotli 11, summed (the first visit's transfer with either).
// Interactions (1280 px, after load): a weight change (the widget's slider →
// evaluation tab redrawn, timed until the widget's zone-monitor:ready after
// the change, one change per frame since the widget redraws at most once a
// frame; ECharts: one setOption with the ranking at changed weights, which
// draws on its canvas before it returns (zrender's flush). Both are the
// work until the canvas holds the new drawing; the browser's paint of it
// follows in the next frame, which the key press row below includes), hover → tooltip (a pointermove on a bar until the tooltip holds
// its text), and an INP-like measure: the longest Event Timing entry of ten
// real key presses (ArrowRight on the weight slider; on ECharts' page on a
// button whose handler calls the same setOption). Event Timing reports only
// events of 16 ms or more (rounded to 8 ms): "< 16" means none was. The
// longest entry is split into its handlers' time (the synchronous work of
// the press: the widget's weight change and redraw) and what follows until
// the frame is presented (the wait for the next frame, style, layout and
// paint), so a figure that is mostly the frame's wait can be told from work.

import { existsSync, readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { launch, openPage, startServer, waitReady } from "./harness.mjs";

const RUNS = Number(process.env.RUNS || 15);
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

const BEFORE = new URL("../../www/bench-before/COMMIT", import.meta.url);
const before = existsSync(BEFORE) ? readFileSync(BEFORE, "utf8").trim() : null;
const PAGES = [
  ...(before
    ? [
        { key: "before-overview", name: `widget overview at ${before}`, path: "bench-before/index.html", widget: true },
        { key: "before-evaluation", name: `widget evaluation at ${before}`, path: "bench-before/index.html#view=evaluation", widget: true },
      ]
    : []),
  { key: "overview", name: "widget overview", path: "" , widget: true },
  { key: "evaluation", name: "widget evaluation", path: "#view=evaluation", widget: true },
  { key: "full", name: "ECharts full", path: "bench-echarts-full.html" },
  { key: "min", name: "ECharts minimal", path: "bench-echarts-min.html" },
];
const SCREENS = [
  { key: "1280", width: 1280, height: 900, dpr: 1 },
  { key: "360", width: 360, height: 740, dpr: 2 },
];

// Runs in every page before its scripts: the long tasks of the load, and the
// "painted" mark one frame after the page's drawn signal.
function instrument() {
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  const after = (mark) => () => requestAnimationFrame(() => setTimeout(() => {
    if (!performance.getEntriesByName(mark).length) performance.mark(mark);
  }, 0));
  document.addEventListener("zone-monitor:ready", after("bench:painted"), { once: true });
  document.addEventListener("bench:drawn", after("bench:painted"), { once: true });
  // The whole tab: the widget's ready event once it has set data-ready.
  const complete = after("bench:complete");
  document.addEventListener("zone-monitor:ready", (event) => event.target.dataset?.ready === "true" && complete());
  document.addEventListener("bench:drawn", complete, { once: true });
}

async function load(browser, url, screen, recordBytes) {
  const bodies = [];
  const record = async (page) => {
    await page.addInitScript(instrument);
    if (recordBytes) page.on("response", async (r) => bodies.push({ url: r.url(), body: await r.body().catch(() => Buffer.alloc(0)) }));
  };
  const { page, context, log } = await openPage(browser, url, { width: screen.width, height: screen.height, dpr: screen.dpr, beforeGoto: record });
  await page.waitForFunction(() => performance.getEntriesByName("bench:complete").length > 0, null, { timeout: 30000 });
  // Long tasks are reported after they end; a moment for the last one.
  await page.waitForTimeout(100);
  const result = await page.evaluate(() => {
    const painted = performance.getEntriesByName("bench:painted")[0].startTime;
    const complete = performance.getEntriesByName("bench:complete")[0].startTime;
    const tasks = window.__longtasks.filter((t) => t.start < complete);
    // The floor every page shares: navigation → the HTML's last byte (a
    // fresh context's start, the request, the response), before any of the
    // page's own code can run.
    const html = performance.getEntriesByType("navigation")[0].responseEnd;
    return { painted, complete, document: html, longest: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0 };
  });
  if (recordBytes) {
    await page.waitForTimeout(200);
    result.bytes = bodies.map(({ url, body }) => ({
      path: new URL(url).pathname,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    }));
    result.problems = [...log.errors, ...log.csp];
  }
  await context.close();
  return result;
}

// The interactions, in one page of each kind at 1280 px.
async function interactions(browser, base, p) {
  const { page, context } = await openPage(browser, base + p.path, { width: 1280, height: 900 });
  if (p.widget) await waitReady(page);
  else await page.waitForFunction(() => document.body.dataset.ready === "true");
  const out = {};
  if (p.key.endsWith("evaluation")) {
    out.weight = await page.evaluate(async () => {
      const host = document.querySelector("zone-monitor");
      const input = host.shadowRoot.querySelector(".zm-weight input");
      const times = [];
      for (let i = 0; i < 21; i++) {
        // A frame between changes: the widget redraws at most once a frame
        // (later moves of a frame wait for the next), so each change is
        // timed until its redraw, whenever that comes.
        await new Promise(requestAnimationFrame);
        let drawn = 0;
        const ready = new Promise((resolve) => host.addEventListener("zone-monitor:ready", () => resolve((drawn = performance.now())), { once: true }));
        input.value = String(10 + (i % 20));
        const t0 = performance.now();
        input.dispatchEvent(new Event("input"));
        times.push((drawn || (await ready)) - t0);
      }
      return times.sort((a, b) => a - b)[10];
    });
  }
  if (!p.widget) {
    out.weight = await page.evaluate(() => {
      const times = [];
      for (let i = 0; i < 21; i++) {
        const t0 = performance.now();
        window.benchChart.reweigh();
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[10];
    });
  }
  // Hover → tooltip on the page's ranked bars (the widget's shares chart on
  // the overview).
  out.hover = await page.evaluate((key) => {
    const times = [];
    if (key.endsWith("overview") || key.endsWith("evaluation")) {
      const host = document.querySelector("zone-monitor");
      const chart = key.endsWith("overview") ? "shares" : "ranking";
      const card = host.cards.get(chart);
      const box = card.canvas.getBoundingClientRect();
      // A BENCH_BEFORE build predates mark_count/mark: it has marks().
      const w = host.widget;
      const marks = w.mark_count ? Array.from({ length: w.mark_count(chart) }, (_, i) => w.mark(chart, i)) : w.marks(chart);
      for (let i = 0; i < 51; i++) {
        const m = marks[i % marks.length];
        const t0 = performance.now();
        card.canvas.dispatchEvent(new PointerEvent("pointermove", { clientX: box.left + (m.x0 + m.x1) / 2, clientY: box.top + (m.y0 + m.y1) / 2, bubbles: true }));
        if (card.tooltip.textContent !== m.label) throw new Error(`the widget's tooltip did not follow: ${card.tooltip.textContent} ≠ ${m.label}`);
        times.push(performance.now() - t0);
      }
    } else {
      const dom = document.querySelector("#chart > div");
      const box = dom.getBoundingClientRect();
      const bars = window.benchChart.bars();
      for (let i = 0; i < 51; i++) {
        const b = bars[i % bars.length];
        const init = { clientX: box.left + b.x, clientY: box.top + b.y, bubbles: true };
        const t0 = performance.now();
        dom.dispatchEvent(new MouseEvent("mousemove", init));
        const tip = [...document.querySelectorAll("#chart > div")].find((d) => d.textContent.includes(b.label));
        if (!tip) throw new Error(`ECharts' tooltip did not show ${b.label}`);
        times.push(performance.now() - t0);
      }
    }
    return times.sort((a, b) => a - b)[25];
  }, p.key);
  // INP-like: real key presses, the longest Event Timing entry.
  if (!p.key.endsWith("overview")) {
    await page.evaluate(() => {
      window.__events = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          // Where the entry's time went: its handlers (the work the key
          // press caused, run synchronously) and, after them, until the
          // next frame was presented (waiting for the frame, style, layout,
          // paint).
          const handlers = e.processingEnd - e.processingStart;
          window.__events.push({ name: e.name, duration: e.duration, handlers, painted: e.startTime + e.duration - e.processingEnd });
        }
      }).observe({ type: "event", durationThreshold: 16, buffered: false });
    });
    if (p.widget) {
      const handle = await page.evaluateHandle(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-weight input"));
      await handle.focus();
    } else {
      await page.focus("#reweigh");
    }
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("ArrowRight");
      await page.waitForTimeout(60);
    }
    await page.waitForTimeout(300);
    const longest = await page.evaluate(() => window.__events.reduce((a, e) => (e.duration > (a?.duration ?? 0) ? e : a), null));
    out.inp = longest?.duration ?? 0;
    out.inpParts = longest && `${longest.handlers.toFixed(0)} + ${longest.painted.toFixed(0)}`;
  }
  await context.close();
  return out;
}

const server = await startServer();
const browser = await launch();
try {
  const results = {};
  for (const s of SCREENS) for (const p of PAGES) results[`${p.key}@${s.key}`] = { painted: [], complete: [], document: [], afterDocument: [], longest: [] };
  const bytes = {};
  for (let run = 0; run < RUNS; run++) {
    for (const s of SCREENS) {
      for (const p of PAGES) {
        const r = await load(browser, server.url + p.path, s, run === 0 && s.key === "1280");
        results[`${p.key}@${s.key}`].painted.push(r.painted);
        results[`${p.key}@${s.key}`].complete.push(r.complete);
        results[`${p.key}@${s.key}`].document.push(r.document);
        results[`${p.key}@${s.key}`].afterDocument.push(r.painted - r.document);
        results[`${p.key}@${s.key}`].longest.push(r.longest);
        if (r.bytes) {
          bytes[p.key] = r.bytes;
          if (r.problems.length) console.log(`${p.name}: ${r.problems.join("; ")}`);
        }
      }
    }
  }
  const inter = {};
  for (const p of PAGES) inter[p.key] = await interactions(browser, server.url, p);

  console.log(`\nbytes per response (first visit, 1280 px): raw, gzip -9, brotli 11`);
  const sums = {};
  for (const p of PAGES) {
    let gz = 0, br = 0, data = 0;
    for (const b of bytes[p.key]) {
      console.log(`  ${p.name.padEnd(18)} ${b.path.padEnd(40)} ${String(b.raw).padStart(8)} ${String(b.gzip).padStart(8)} ${String(b.brotli).padStart(8)}`);
      gz += b.gzip;
      br += b.brotli;
      if (b.path.endsWith(".json")) data += b.gzip;
    }
    sums[p.key] = { gz, br, data };
  }

  const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : "—");
  const kb = (x) => `${(x / 1000).toFixed(1)} KB`;
  const m = (k, what) => median(results[k][what]);
  const row = (label, cells) => console.log(`| ${label} | ${cells.join(" | ")} |`);
  console.log(`\nside by side: medians of ${RUNS} interleaved loads each; ratio = widget evaluation ÷ ECharts minimal`);
  row("measure", [...PAGES.map((p) => p.name), "ratio"]);
  row("---", [...PAGES.map(() => "---:"), "---:"]);
  row("first visit, gzip -9 (data)", [...PAGES.map((p) => `${kb(sums[p.key].gz)} (${kb(sums[p.key].data)})`), fmt(sums.evaluation.gz / sums.min.gz, 2)]);
  row("first visit, brotli 11", [...PAGES.map((p) => kb(sums[p.key].br)), fmt(sums.evaluation.br / sums.min.br, 2)]);
  for (const s of SCREENS) {
    row(`navigation → first chart painted, ${s.width} px DPR ${s.dpr} (ms)`, [
      ...PAGES.map((p) => fmt(m(`${p.key}@${s.key}`, "painted"))),
      fmt(m(`evaluation@${s.key}`, "painted") / m(`min@${s.key}`, "painted"), 2),
    ]);
    row(`navigation → the HTML received, ${s.width} px DPR ${s.dpr} (ms; the floor every page shares)`, [...PAGES.map((p) => fmt(m(`${p.key}@${s.key}`, "document"))), ""]);
    row(`HTML received → first chart painted, ${s.width} px DPR ${s.dpr} (ms; median of each load's difference)`, [
      ...PAGES.map((p) => fmt(m(`${p.key}@${s.key}`, "afterDocument"))),
      fmt(m(`evaluation@${s.key}`, "afterDocument") / m(`min@${s.key}`, "afterDocument"), 2),
    ]);
    row(`navigation → whole tab drawn, ${s.width} px DPR ${s.dpr} (ms)`, [...PAGES.map((p) => fmt(m(`${p.key}@${s.key}`, "complete"))), ""]);
    row(`longest task during load, ${s.width} px DPR ${s.dpr} (ms; — none ≥ 50)`, [
      ...PAGES.map((p) => { const v = m(`${p.key}@${s.key}`, "longest"); return v ? fmt(v) : "—"; }),
      "",
    ]);
  }
  row("weight change → redrawn tab / one setOption, until drawn on the canvas (ms)", [...PAGES.map((p) => fmt(inter[p.key].weight, 2)), fmt(inter.evaluation.weight / inter.min.weight, 2)]);
  row("hover → tooltip (ms)", [...PAGES.map((p) => fmt(inter[p.key].hover, 2)), fmt(inter.evaluation.hover / inter.min.hover, 2)]);
  row("INP-like, key press: longest event (ms; < 16 none reported)", [...PAGES.map((p) => (inter[p.key].inp === undefined ? "" : inter[p.key].inp ? fmt(inter[p.key].inp) : "< 16")), ""]);
  row("  of which its handlers + after them until painted (ms)", [...PAGES.map((p) => inter[p.key].inpParts || ""), ""]);
} finally {
  await browser.close();
  server.stop();
}
