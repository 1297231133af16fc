// The gallery: every chart in both languages draws, at DPR 1 and 2, with no
// console problem. The screenshots under target/e2e/ are for looking at.

import assert from "node:assert/strict";
import { test } from "node:test";
import { browser, openPage, problems, server, shot, useServerAndBrowser } from "./harness.mjs";

useServerAndBrowser();

for (const dpr of [1, 2]) {
  test(`every chart draws in the gallery at devicePixelRatio ${dpr}`, async () => {
    const { page, context, log } = await openPage(browser, `${server.url}gallery.html`, { width: 1280, height: 900, dpr });
    try {
      await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 15000 });
      assert.equal(await page.evaluate(() => document.body.dataset.ready), "true", await page.textContent("#status"));
      const canvases = await page.evaluate(() =>
        [...document.querySelectorAll("canvas")].map((canvas) => {
          const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
          // Inked: opaque and not the white background (a canvas never drawn
          // on is transparent black, and counts as nothing).
          let inked = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) inked++;
          return { label: canvas.getAttribute("aria-label"), width: canvas.width, clientWidth: canvas.clientWidth, share: inked / (canvas.width * canvas.height) };
        }),
      );
      assert.ok(canvases.length >= 2);
      for (const c of canvases) {
        assert.equal(c.width, Math.round(c.clientWidth * dpr), `${c.label}: backing store`);
        assert.ok(c.share > 0.01, `${c.label}: only ${(c.share * 100).toFixed(2)}% of the canvas is drawn`);
        assert.ok(c.share < 0.9, `${c.label}: ${(c.share * 100).toFixed(2)}% of the canvas is ink: not a chart on white`);
      }
      await page.screenshot({ path: shot(`gallery-dpr${dpr}`), fullPage: true });
      assert.deepEqual(problems(log), []);
    } finally {
      await context.close();
    }
  });
}
