// Drawing alone, before and after (not a test: it measures and prints;
// issue 15). Run after `./build.sh build` with an earlier build's www/ copied
// to www/bench-before/ (as BENCH_BEFORE does; its .gz/.br rewritten by
// tools/bundle/precompress.mjs, else the server sends stale ones): both
// widget pages on the evaluation tab at 1280 px DPR 1, then ROUNDS (default
// 15) interleaved rounds, each page brought to the front (a page behind
// draws no staged cards), timing each card's `widget.draw` ten times in a
// row (warm: no evaluation or Monte Carlo, which the first draw after a
// change includes). Medians per chart.
//
//   ROUNDS=20 node tests/e2e/bench-redraw-ab.mjs
import { launch, openPage, startServer } from "./harness.mjs";
const ROUNDS = Number(process.env.ROUNDS || 15);
const server = await startServer();
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const pages = {};
  for (const [k, path] of [["before", "bench-before/index.html#view=evaluation"], ["after", "#view=evaluation"]]) {
    const { page } = await openPage(browser, `${server.url}${path}`, { width: 1280, height: 900 });
    await page.bringToFront();
    await page.waitForFunction(() => document.querySelector("zone-monitor")?.dataset.ready === "true", null, { timeout: 120000 });
    pages[k] = page;
  }
  const out = { before: {}, after: {} };
  for (let i = 0; i < ROUNDS; i++) {
    for (const k of i % 2 ? ["before", "after"] : ["after", "before"]) {
      await pages[k].bringToFront();
      const t = await pages[k].evaluate(() => {
        const host = document.querySelector("zone-monitor");
        const r = {};
        for (const [chart, card] of host.cards) {
          const w = host.chartWidth(card.canvas);
          const t0 = performance.now();
          for (let j = 0; j < 10; j++) host.widget.draw(chart, card.canvas, w, 1);
          r[chart] = (performance.now() - t0) / 10;
        }
        return r;
      });
      for (const [c, v] of Object.entries(t)) (out[k][c] ??= []).push(v);
    }
  }
  for (const c of Object.keys(out.before)) console.log(`${c}: before ${median(out.before[c]).toFixed(2)} ms, after ${median(out.after[c]).toFixed(2)} ms`);
} finally {
  await browser.close();
  server.stop();
}
