// National scale in the browser, run by `./build.sh bench` (not a test: it
// measures and prints; issue 15). For each file given (build.sh writes
// www/bench-data/zones-N.json with `make-dataset --zones N`, not committed):
//
//   Widget.load       Widget.parse then Widget.validate: parse, validate and
//                     index (the widget's first two tasks of a visit; the
//                     claims are checked on first use, in the overview's
//                     time), once, cold — a fresh page per file
//   each tab          the first draw of every chart of the tab, cold (its
//                     view built, the analysis it needs computed, its card's
//                     texts, the canvas drawn and rasterised), at 720 px DPR 1,
//                     with the canvas's height
//   memory            the wasm's linear memory and the JS heap after it all
//
// The widget's bench wasm (www/pkg-bench, feature bench) on a plain page of
// the same server.
//
//   node tests/e2e/bench-scale.mjs www/bench-data/zones-2000.json ...

import { basename } from "node:path";
import { launch, openPage, startServer } from "./harness.mjs";

const files = process.argv.slice(2);
const server = await startServer();
const browser = await launch();
// Every tab's charts are timed (SKIP=a,b leaves charts out while profiling).
const skip = new Set((process.env.SKIP ?? "").split(",").filter(Boolean));
try {
  for (const file of files) {
    const { page, context } = await openPage(browser, `${server.url}bench-scale.html`, { width: 1024, height: 800 });
    const result = await page.evaluate(async ({ url, skip }) => {
      const { default: init, Widget } = await import("./pkg-bench/zone_monitor.js");
      const wasm = await init({ module_or_path: new URL("pkg-bench/zone_monitor_bg.wasm", location.href) });
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      const t0 = performance.now();
      const widget = Widget.validate(Widget.parse(bytes, "zh"), "zh");
      const load = performance.now() - t0;
      const canvas = document.getElementById("canvas");
      const tabs = [];
      for (const tab of widget.tabs()) {
        widget.set_tab(tab.id);
        const charts = [];
        let ms = 0;
        for (const chart of tab.charts) {
          if (skip.includes(chart)) {
            charts.push({ chart, skipped: true });
            continue;
          }
          const c0 = performance.now();
          widget.card(chart);
          widget.draw(chart, canvas, 720, 1);
          canvas.getContext("2d").getImageData(0, 0, 1, 1);
          const t = performance.now() - c0;
          ms += t;
          charts.push({ chart, ms: t, height: canvas.height });
        }
        if (tab.id === "data") {
          // The data tab has no chart: its table, built in wasm.
          const c0 = performance.now();
          const rows = widget.data_table().rows.length;
          const t = performance.now() - c0;
          ms += t;
          charts.push({ chart: `table (${rows} rows)`, ms: t, height: 0 });
        }
        tabs.push({ id: tab.id, ms, charts });
      }
      const memory = performance.memory ? performance.memory.usedJSHeapSize : NaN;
      return { load, tabs, wasm: wasm.memory.buffer.byteLength, memory, bytes: bytes.length };
    }, { url: `${server.url}${file.replace(/^www\//, "")}`, skip: [...skip] });
    console.log(`\n${basename(file)} (${(result.bytes / 1e6).toFixed(1)} MB): Widget.load ${result.load.toFixed(0)} ms; wasm memory ${(result.wasm / 1e6).toFixed(0)} MB (what it grew to), JS heap ${(result.memory / 1e6).toFixed(0)} MB`);
    for (const tab of result.tabs) {
      const parts = tab.charts.map((c) => (c.skipped ? `${c.chart} skipped (SKIP)` : `${c.chart} ${c.ms.toFixed(0)} ms${c.height ? `, ${c.height} px tall` : ""}`));
      console.log(`  tab ${tab.id.padEnd(15)} ${tab.ms.toFixed(0).padStart(6)} ms   ${parts.join("; ")}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
