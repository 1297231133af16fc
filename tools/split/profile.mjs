// Runs an instrumented widget wasm (wasm-split --instrument) through the
// overview's first load in headless Chromium and writes the profiles
// wasm-split --profile reads: the functions each load called.
//   node tools/split/profile.mjs WWW_DIR OUT.prof PAGE...
// WWW_DIR is a copy of www/ whose pkg/zone_monitor_bg.wasm is instrumented;
// each PAGE (e.g. "index.html?lang=en", "index.html@360" for a 360 px
// screen at DPR 2; 1280 px otherwise) is loaded in a fresh context until
// data-ready, and its profile written to OUT.prof.N (N from 0), for
// wasm-split --merge-profiles.
import { writeFileSync } from "node:fs";
import { launch, startServer } from "../../tests/e2e/harness.mjs";

const [dir, out, ...pages] = process.argv.slice(2);
const server = await startServer(dir);
const browser = await launch();
const profiles = [];
try {
  for (const spec of pages) {
    const [path, width = "1280"] = spec.split("@");
    const narrow = Number(width) < 600;
    const context = await browser.newContext({ viewport: { width: Number(width), height: 800 }, deviceScaleFactor: narrow ? 2 : 1 });
    const page = await context.newPage();
    // The glue keeps the instance to itself: catch it on the way.
    await page.addInitScript(() => {
      const original = WebAssembly.instantiateStreaming;
      WebAssembly.instantiateStreaming = async (...args) => {
        const result = await original(...args);
        window.__zmInstance = result.instance;
        return result;
      };
    });
    page.on("pageerror", (e) => {
      console.error(`profile.mjs: page error: ${e}`);
      process.exitCode = 1;
    });
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector("zone-monitor[data-ready=\"true\"]", { timeout: 60000 });
    const bytes = await page.evaluate(() => {
      const e = window.__zmInstance.exports;
      const size = 1 << 20;
      const ptr = e.__wbindgen_malloc(size, 8);
      const n = e.__write_profile(ptr, size);
      return Array.from(new Uint8Array(e.memory.buffer, ptr, n));
    });
    profiles.push(Buffer.from(bytes));
    console.log(`${spec}: profile ${bytes.length} bytes`);
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
profiles.forEach((p, i) => writeFileSync(`${out}.${i}`, p));
