import { launch, startServer, waitReady } from "./harness.mjs";
const server = await startServer();
const browser = await launch();
const out = "/work/shots-reader2/";
const [name, hash, width, height, selector] = process.argv.slice(2);
const context = await browser.newContext({ viewport: { width: +width, height: +height }, deviceScaleFactor: 2, hasTouch: +width < 500, isMobile: +width < 500 });
const page = await context.newPage();
await page.goto(server.url + hash);
await waitReady(page);
if (selector) {
  await page.locator(`zone-monitor >> ${selector}`).first().scrollIntoViewIfNeeded();
  await page.locator(`zone-monitor >> ${selector}`).first().screenshot({ path: out + name + ".png" });
} else await page.screenshot({ path: out + name + ".png" });
await browser.close();
server.stop();
