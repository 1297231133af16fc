import { readFileSync } from "node:fs";
import { launch, openPage, startServer } from "./harness.mjs";
const server = await startServer();
const browser = await launch();
const file = process.argv[2] || "www/data/zones.json";
try {
  const body = readFileSync(file);
  const { page, context } = await openPage(browser, `${server.url}#view=evaluation`, { width: 1280, height: 900,
    beforeGoto: (p) => p.route("**/data/zones.json", (r) => r.fulfill({ contentType: "application/json", body })) });
  await page.waitForFunction(() => document.querySelector("zone-monitor")?.dataset.ready === "true", null, { timeout: 120000 });
  await page.evaluate(() => {
    window.__events = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__events.push({ name: e.name, id: e.interactionId, start: e.startTime, ps: e.processingStart - e.startTime, proc: e.processingEnd - e.processingStart, pres: e.startTime + e.duration - e.processingEnd, dur: e.duration }); })
      .observe({ type: "event", durationThreshold: 16, buffered: false });
    window.__lt = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lt.push(e.duration); }).observe({ type: "longtask" });
  });
  const slider = await page.evaluateHandle(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-weight input"));
  await slider.focus();
  for (let i = 0; i < 10; i++) { await page.keyboard.press(i % 2 ? "ArrowLeft" : "ArrowRight"); await page.waitForTimeout(150); }
  await page.waitForTimeout(300);
  const ev = await page.evaluate(() => ({ ev: window.__events, lt: window.__lt }));
  for (const e of ev.ev) console.log(`${e.name.padEnd(10)} id ${e.id} dur ${e.dur} = delay ${e.ps.toFixed(1)} + handlers ${e.proc.toFixed(1)} + to paint ${e.pres.toFixed(1)}`);
  console.log("longtasks", ev.lt);
  await context.close();
} finally { await browser.close(); server.stop(); }
