// Browser benchmarks, run by `./build.sh bench` (not a test: it measures and
// prints). For each measure: the median of RUNS fresh page loads or draws.
//
//   time to first chart   navigation start → the widget's ready event (1024 px
//                         at DPR 1, and 360 px at DPR 2 like a phone)
//   redraw                one Widget.draw of the current chart (wasm + canvas)
//   hover to tooltip      a pointermove over a bar → the tooltip shows its value
//   slider to redraw      a weight slider's input → the evaluation tab redrawn
//   rule to redraw        a rule stepper's change (warn the bottom 3 ↔ 4) →
//                         the rules recomputed and the evaluation tab, then
//                         the dynamic tab, redrawn
//   draw per chart        bench.html: every chart, and the big synthetic ones,
//                         at DPR 1 and 2
//   bytes                 what a first visit transfers (gzip where the server
//                         would compress: measured by gzipping each response)

import { gzipSync } from "node:zlib";
import { launch, openPage, startServer, waitReady } from "./harness.mjs";

const RUNS = Number(process.env.RUNS || 15);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer();
const browser = await launch();
try {
  const firstChart = [];
  let bytes = null;
  for (let run = 0; run < RUNS; run++) {
    const bodies = [];
    const record = (page) => page.on("response", async (r) => bodies.push({ url: r.url(), body: await r.body().catch(() => Buffer.alloc(0)) }));
    const { page, context } = await openPage(browser, server.url, { width: 1024, height: 800, beforeGoto: run === 0 ? record : undefined });
    await waitReady(page);
    firstChart.push(await page.evaluate(() => {
      const ready = performance.getEntriesByName("zone-monitor:ready")[0];
      return ready ? ready.startTime : NaN;
    }));
    if (run === 0) {
      await page.waitForTimeout(200);
      bytes = bodies.map(({ url, body }) => ({ path: new URL(url).pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }));
      const redraw = await page.evaluate(() => {
        const host = document.querySelector("zone-monitor");
        const times = [];
        for (let i = 0; i < 50; i++) {
          const t0 = performance.now();
          host.draw();
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        return times[25];
      });
      console.log(`redraw (shares chart, 1024 px): median ${redraw.toFixed(2)} ms of 50`);
      // Hover to tooltip: a pointermove over a bar until the tooltip holds
      // its label (the handler is synchronous: hit-test in wasm, then DOM).
      const hover = await page.evaluate(() => {
        const host = document.querySelector("zone-monitor");
        const canvas = host.shadowRoot.querySelector(".zm-canvas");
        const tip = host.shadowRoot.querySelector(".zm-tooltip");
        const box = canvas.getBoundingClientRect();
        const marks = Array.from({ length: host.widget.mark_count("shares") }, (_, i) => host.widget.mark("shares", i));
        const times = [];
        for (let i = 0; i < 50; i++) {
          const m = marks[i % marks.length];
          const t0 = performance.now();
          canvas.dispatchEvent(new PointerEvent("pointermove", { clientX: box.left + (m.x0 + m.x1) / 2, clientY: box.top + (m.y0 + m.y1) / 2, bubbles: true }));
          if (tip.textContent !== m.label) throw new Error("the tooltip did not follow");
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        return times[25];
      });
      console.log(`hover to tooltip: median ${hover.toFixed(2)} ms of 50`);
    }
    await context.close();
  }
  console.log(`time to first chart: median ${median(firstChart).toFixed(1)} ms of ${RUNS} loads`);
  // The same on a phone: 360 px wide at DPR 2 (four times the pixels a
  // canvas of that size has at DPR 1).
  const phoneFirstChart = [];
  for (let run = 0; run < RUNS; run++) {
    const { page, context } = await openPage(browser, server.url, { width: 360, height: 740, dpr: 2 });
    await waitReady(page);
    phoneFirstChart.push(await page.evaluate(() => performance.getEntriesByName("zone-monitor:ready")[0]?.startTime ?? NaN));
    await context.close();
  }
  console.log(`time to first chart, 360 px at DPR 2: median ${median(phoneFirstChart).toFixed(1)} ms of ${RUNS} loads`);
  let total = 0;
  let code = 0;
  for (const { path, raw, gzip } of bytes) {
    console.log(`  ${path.padEnd(36)} ${String(raw).padStart(8)} B raw ${String(gzip).padStart(8)} B gzip`);
    total += gzip;
    if (!/\.json$/.test(path) && !path.endsWith("/")) code += gzip;
  }
  console.log(`first visit: ${total} B gzip in all; wasm + JS + CSS: ${code} B gzip`);

  // Slider to redraw: one weight slider's input event until the evaluation
  // tab's charts (ranking, profile, stability with its 1,000 Monte Carlo
  // draws) are redrawn and their summaries and tables refreshed.
  {
    const { page, context } = await openPage(browser, `${server.url}#view=evaluation`, { width: 1024, height: 800 });
    await waitReady(page);
    const slider = await page.evaluate(() => {
      const root = document.querySelector("zone-monitor").shadowRoot;
      const input = root.querySelector(".zm-weight input");
      const times = [];
      for (let i = 0; i < 20; i++) {
        input.value = String(10 + (i % 20));
        const t0 = performance.now();
        input.dispatchEvent(new Event("input"));
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return times[10];
    });
    console.log(`weight slider to redrawn evaluation tab: median ${slider.toFixed(2)} ms of 20`);
    await context.close();
  }

  // Rule to redraw: one stepper's change event (the bottom-k rule, 3 ↔ 4)
  // until the tiers are recomputed, the effect line rewritten and the tab's
  // charts redrawn with their summaries and tables: on the evaluation tab
  // (ranking, profile, stability) and on the dynamic tab (the bump chart).
  for (const view of ["evaluation", "dynamic"]) {
    const { page, context } = await openPage(browser, `${server.url}#view=${view}`, { width: 1024, height: 800 });
    await waitReady(page);
    const rule = await page.evaluate(() => {
      const root = document.querySelector("zone-monitor").shadowRoot;
      const input = root.querySelectorAll(".zm-rule input[type=number]")[2];
      const times = [];
      for (let i = 0; i < 21; i++) {
        input.value = String(3 + (i % 2));
        const t0 = performance.now();
        input.dispatchEvent(new Event("change"));
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return times[10];
    });
    console.log(`rule stepper to redrawn ${view} tab: median ${rule.toFixed(2)} ms of 21`);
    await context.close();
  }

  // Drawing time of each chart, from the benchmark page.
  const { page, context } = await openPage(browser, `${server.url}bench.html`, { width: 1024, height: 800 });
  await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 120000 });
  for (const r of await page.evaluate(() => window.benchResults)) {
    console.log(`draw ${r.chart.padEnd(16)} ${r.data.padEnd(16)} DPR ${r.dpr}  median ${r.median.toFixed(2)} ms, max ${r.max.toFixed(2)} ms`);
  }
  await context.close();
} finally {
  await browser.close();
  server.stop();
}
