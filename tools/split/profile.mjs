// Runs an instrumented widget wasm (wasm-split --instrument) through the
// overview's first load in headless Chromium and writes the profile
// wasm-split --profile reads: the functions that load called.
//   node tools/split/profile.mjs WWW_DIR OUT.prof [LANG ...]
// WWW_DIR is a copy of www/ whose pkg/zone_monitor_bg.wasm is instrumented.
import { writeFileSync } from "node:fs";
import { launch, startServer } from "../../tests/e2e/harness.mjs";

const [dir, out, ...langs] = process.argv.slice(2);
const server = await startServer(dir);
const browser = await launch();
const profiles = [];
try {
  for (const lang of langs.length ? langs : ["zh"]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
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
    await page.goto(`${server.url}index.html?lang=${lang}`);
    await page.waitForSelector("zone-monitor[data-ready=\"true\"]", { timeout: 60000 });
    const bytes = await page.evaluate(() => {
      const e = window.__zmInstance.exports;
      const size = 1 << 20;
      const ptr = e.__wbindgen_malloc(size, 8);
      const n = e.__write_profile(ptr, size);
      return Array.from(new Uint8Array(e.memory.buffer, ptr, n));
    });
    profiles.push(Buffer.from(bytes));
    console.log(`${lang}: profile ${bytes.length} bytes`);
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
writeFileSync(out, profiles[0]);
profiles.slice(1).forEach((p, i) => writeFileSync(`${out}.${i + 1}`, p));
