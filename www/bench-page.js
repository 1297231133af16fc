// The drawing benchmark: times Widget.draw for every chart on the bundled data
// and on synthetic data at the sizes the issues name (the ranking with 1,000
// zones, the scatter with 10,000 points).
// Results go into the page's table and into window.benchResults. The page
// loads its own wasm, built with the `bench` feature (./build.sh bench).

import init, { SyntheticChart, Widget } from "./pkg-bench/zone_monitor.js";

const RUNS = 30;
const WARMUP = 3;

// A canvas records drawing calls and rasterizes them later; reading one pixel
// back makes it rasterize now, so the time includes the pixels, not only the
// calls. The benchmark's Chromium runs without a GPU (software canvas, as the
// widget's own canvases there); with a GPU, repeated read-backs could move the
// canvas to software rendering and time another path.
function flush(canvas) {
  canvas.getContext("2d").getImageData(0, 0, 1, 1);
}

function time(draw, canvas) {
  for (let i = 0; i < WARMUP; i++) {
    draw();
    flush(canvas);
  }
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    draw();
    flush(canvas);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)], max: times[RUNS - 1] };
}

const results = [];
try {
  await init({ module_or_path: new URL("pkg-bench/zone_monitor_bg.wasm", import.meta.url) });
  const text = new Uint8Array(await (await fetch(new URL("data/zones.json", import.meta.url))).arrayBuffer());
  const widget = Widget.validate(Widget.parse(text, "zh"), "zh");
  const canvas = document.getElementById("canvas");
  for (const dpr of [1, 2]) {
    for (const chart of widget.charts()) {
      results.push({ chart, data: "bundled", dpr, ...time(() => widget.draw(chart, canvas, 720, dpr), canvas) });
    }
    for (const [chart, n] of SyntheticChart.sizes()) {
      const big = new SyntheticChart(chart, n);
      results.push({ chart, data: `synthetic ${n}`, dpr, ...time(() => big.draw(canvas, 720, dpr), canvas) });
    }
  }
} catch (error) {
  results.push({ chart: "error", data: String(error.message || error), dpr: NaN, median: NaN, max: NaN });
}
const body = document.querySelector("#results tbody");
for (const r of results) {
  const row = document.createElement("tr");
  for (const cell of [r.chart, r.data, String(r.dpr), r.median.toFixed(2), r.max.toFixed(2)]) {
    const td = document.createElement("td");
    td.textContent = cell;
    row.append(td);
  }
  body.append(row);
}
window.benchResults = results;
document.body.dataset.ready = "true";
