import { launch, startServer, waitReady } from "./harness.mjs";
const server = await startServer();
const browser = await launch();
const out = "/work/shots-reader2/";
async function shot(name, hash, { width, height = 800, touch = false, after } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: touch ? 2 : 1, hasTouch: touch, isMobile: touch });
  const page = await context.newPage();
  await page.goto(server.url + hash);
  await waitReady(page);
  if (after) await after(page);
  await page.screenshot({ path: out + name + ".png" });
  await context.close();
}
const drag = async (page) => {
  const s = page.locator("zone-monitor >> .zm-weight input").first();
  await s.scrollIntoViewIfNeeded();
  await s.evaluate((s) => { s.value = "60"; s.dispatchEvent(new Event("input")); });
};
await shot("eval-1280-en", "#lang=en&view=evaluation&zone=z03", { width: 1280, after: drag });
await shot("eval-360-en", "#lang=en&view=evaluation&zone=z03", { width: 360, height: 740, touch: true, after: drag });
await shot("eval-360-zh", "#lang=zh&view=evaluation&zone=z03", { width: 360, height: 740, touch: true, after: drag });
await shot("overview-1280-en", "#lang=en", { width: 1280 });
await shot("imbalance-360-en-elder", "#lang=en&view=specialisation&mode=elder", { width: 360, height: 740, touch: true });
await shot("trends-1280-en", "#lang=en&view=dynamic", { width: 1280, height: 1400 });
await browser.close();
server.stop();
