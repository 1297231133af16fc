import { readFileSync } from "node:fs";
import { launch, openPage, startServer } from "./harness.mjs";
const server = await startServer();
const browser = await launch();
const file = process.argv[2] || "www/data/zones.json";
const tab = process.argv[3] || "evaluation";
const action = process.argv[4] || "weight";
try {
  const body = readFileSync(file);
  const { page, context } = await openPage(browser, `${server.url}#view=${tab}`, { width: 1280, height: 900,
    beforeGoto: (p) => p.route("**/data/zones.json", (r) => r.fulfill({ contentType: "application/json", body })) });
  await page.waitForFunction(() => document.querySelector("zone-monitor")?.dataset.ready === "true", null, { timeout: 120000 });
  const out = await page.evaluate(async (action) => {
    const host = document.querySelector("zone-monitor");
    const root = host.shadowRoot;
    const w = host.widget;
    const acc = {};
    const proto = Object.getPrototypeOf(w);
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === "constructor" || typeof proto[name] !== "function") continue;
      const f = proto[name];
      w[name] = function (...a) { const t = performance.now(); try { return f.apply(this, a); } finally { const k = name + (typeof a[0] === "string" ? ":" + a[0] : ""); acc[k] = (acc[k] || 0) + performance.now() - t; } };
    }
    const slider = root.querySelector(".zm-weight input");
    const years = root.querySelector(".zm-year");
    let total = 0;
    const N = Number(new URLSearchParams(location.hash.slice(1)).get('n') || 40); const each = [];
    for (let i = 0; i < N; i++) {
      await new Promise(requestAnimationFrame);
      const t0 = performance.now();
      if (action === "weight") { slider.value = String(Number(slider.value) + (i % 2 ? -1 : 1)); slider.dispatchEvent(new Event("input")); }
      else if (action === "year") { years.value = String(Number(years.value) - (i % 2 ? -1 : 1)); years.dispatchEvent(new Event("input")); }
      else if (action === "indicator") { const s = root.querySelector(".zm-indicator"); s.value = [...s.options][i % 2 ? 1 : 2].value; s.dispatchEvent(new Event("change")); }
      else if (action === "zone") { const zs = w.zones().filter((z) => !z.parent); host.selectZone(i % 2 ? "" : zs[i % zs.length].id); }
      each.push(performance.now() - t0); total += performance.now() - t0;
    }
    const rows = Object.entries(acc).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / N).toFixed(2)}`);
    each.sort((a, b) => a - b); return { total: each[N >> 1], rows };
  }, action);
  console.log(`sync handler median ${out.total.toFixed(2)} ms; per call site (ms per action):\n  ${out.rows.join("\n  ")}`);
  await context.close();
} finally { await browser.close(); server.stop(); }
