// Runs an instrumented widget wasm (wasm-split --instrument) through the
// overview's first load in headless Chromium and writes the profiles
// wasm-split --profile reads: the functions each load called.
//   node tools/split/profile.mjs WWW_DIR OUT.prof PAGE...
// WWW_DIR is a copy of www/ whose pkg/zone_monitor_bg.wasm is instrumented;
// each PAGE is an address under it, then "@WIDTH" (360: a phone's screen at
// DPR 2; 1280 px at DPR 1 without it) and flags, each after a "+": touch (a
// finger: `pointer: coarse`, so Widget.set_touch(true)), dark (the system's
// dark scheme), forced (forced colours: Widget.set_system_colors), reload
// (the page loaded again with the link the first load wrote: the state
// restored from a whole link), data=FILE (FILE served in place of the
// bundled data). E.g. "index.html?lang=en#mode=elder@360+touch+dark".
// Each is loaded in a fresh context until data-ready, and its profile
// written to OUT.prof.N (N from 0), for wasm-split --merge-profiles.
import { readFileSync, writeFileSync } from "node:fs";
import { launch, startServer } from "../../tests/e2e/harness.mjs";

const [dir, out, ...pages] = process.argv.slice(2);
const server = await startServer(dir);
const browser = await launch();
const profiles = [];
try {
  for (const spec of pages) {
    const [path, screen = "1280"] = spec.split("@");
    const [width, ...flags] = screen.split("+");
    const narrow = Number(width) < 600;
    const touch = flags.includes("touch");
    const context = await browser.newContext({
      viewport: { width: Number(width), height: 800 },
      deviceScaleFactor: narrow ? 2 : 1,
      hasTouch: touch,
      isMobile: touch && narrow,
      colorScheme: flags.includes("dark") ? "dark" : "light",
      forcedColors: flags.includes("forced") ? "active" : "none",
    });
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
    // data=FILE: that file served in place of the bundled data.
    const data = flags.find((f) => f.startsWith("data="));
    if (data) {
      const body = readFileSync(data.slice(5));
      await page.route("**/data/zones.json", (route) => route.fulfill({ contentType: "application/json", body }));
    }
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector("zone-monitor[data-ready=\"true\"]", { timeout: 60000 });
    if (flags.includes("reload")) {
      // The link is written a frame after the drawing (hash.js).
      await page.waitForFunction(() => location.hash.includes("view="));
      await page.reload();
      await page.waitForSelector("zone-monitor[data-ready=\"true\"]", { timeout: 60000 });
    }
    const coarse = await page.evaluate(() => matchMedia("(pointer: coarse)").matches);
    if (coarse !== touch) throw new Error(`profile.mjs: ${spec}: pointer: coarse is ${coarse}`);
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
