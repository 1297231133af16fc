// Widget.load alone, cold (a fresh page per load), for files of the two
// forms of the values (docs/DATA.md: observations rows, series), interleaved
// so that a loaded machine slows every file alike; medians of RUNS (5).
// Not a test: it measures and prints (issue 15, the compact data file).
// The file's bytes are fetched before the clock starts; "Widget.load" is
// Widget.parse then Widget.validate (the widget's first two tasks of a
// load): the parse, validation and columns, as in bench-scale.mjs (the
// claims are checked on first use since the load runs in steps).
//
//   node tests/e2e/bench-load.mjs www/bench-data/a.json www/bench-data/b.json ...

import { basename } from "node:path";
import { launch, openPage, startServer } from "./harness.mjs";

const files = process.argv.slice(2);
const runs = Number(process.env.RUNS ?? 5);
const server = await startServer();
const browser = await launch();
const times = new Map(files.map((f) => [f, []]));
try {
  for (let r = 0; r < runs; r++) {
    for (const file of files) {
      const { page, context } = await openPage(browser, `${server.url}bench-scale.html`, { width: 1024, height: 800 });
      const ms = await page.evaluate(async (url) => {
        const { default: init, Widget } = await import("./pkg-bench/zone_monitor.js");
        await init({ module_or_path: new URL("pkg-bench/zone_monitor_bg.wasm", location.href) });
        const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
        const t0 = performance.now();
        const widget = Widget.validate(Widget.parse(bytes, "zh"), "zh");
        const ms = performance.now() - t0;
        widget.free?.();
        return ms;
      }, file.replace(/^www\//, ""));
      times.get(file).push(ms);
      await context.close();
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [file, xs] of times) {
    console.log(`${basename(file)}: Widget.load median ${median(xs).toFixed(1)} ms of ${xs.length} (${xs.map((x) => x.toFixed(0)).join(", ")})`);
  }
} finally {
  await browser.close();
  server.stop();
}
