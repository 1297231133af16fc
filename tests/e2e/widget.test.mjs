// The widget as a person meets it: the standalone page loads the bundled
// dataset, the wasm draws the chart, Chinese text renders, and nothing goes
// wrong behind the scenes (console, CSP, requests to other origins).

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { browser, openPage, problems, server, shot, useServerAndBrowser, waitReady } from "./harness.mjs";

useServerAndBrowser();

/** Counts the canvas pixels that differ from its background, in device pixels,
 * and those painted at all (a chart paints its white background first). */
function inkedPixels(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector("zone-monitor").shadowRoot.querySelector("canvas");
    const { width, height } = canvas;
    const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
    let inked = 0;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    // Inked: an opaque pixel that is not the chart's white background. A
    // canvas never drawn on is transparent black and counts as nothing.
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) inked++;
    }
    return { width, height, clientWidth: canvas.clientWidth, clientHeight: canvas.clientHeight, inked, painted };
  });
}

for (const dpr of [1, 2, 3]) {
  describe(`standalone page at devicePixelRatio ${dpr}`, () => {
    test("loads the bundled data and draws the chart crisply, with no console problem or foreign request", async () => {
      const { page, context, log } = await openPage(browser, server.url, { width: 1024, height: 900, dpr });
      try {
        await waitReady(page);
        const canvas = await inkedPixels(page);
        // Backing store = CSS size × DPR: crisp, not upscaled.
        assert.equal(canvas.width, Math.round(canvas.clientWidth * dpr));
        assert.equal(canvas.height, Math.round(canvas.clientHeight * dpr));
        // A drawn chart: the background covers the canvas, and bars, labels
        // and grid cover well over 2% of it (but not all of it).
        assert.equal(canvas.painted, canvas.width * canvas.height, "parts of the canvas were never painted");
        assert.ok(canvas.inked > 0.02 * canvas.width * canvas.height, `only ${canvas.inked} inked pixels`);
        assert.ok(canvas.inked < 0.6 * canvas.width * canvas.height, `${canvas.inked} inked pixels: not a chart on white`);
        const origin = new URL(server.url).origin;
        const foreign = log.requests.filter((url) => new URL(url).origin !== origin && !url.startsWith("data:"));
        assert.deepEqual(foreign, [], "requests outside the page's origin");
        await page.screenshot({ path: shot(`widget-zh-1024-dpr${dpr}`), fullPage: true });
        assert.deepEqual(problems(log), []);
      } finally {
        await context.close();
      }
    });
  });
}

test("Chinese text renders with a CJK font, not as boxes", async () => {
  const { page, context } = await openPage(browser, server.url);
  try {
    await waitReady(page);
    // Two different ideographs look the same only when both are the .notdef box.
    const differ = await page.evaluate(() => {
      const host = document.querySelector("zone-monitor");
      const font = getComputedStyle(host).fontFamily;
      const glyph = (ch) => {
        const canvas = document.createElement("canvas");
        canvas.width = canvas.height = 32;
        const ctx = canvas.getContext("2d");
        ctx.font = `24px ${font}`;
        ctx.fillText(ch, 2, 26);
        return Array.from(ctx.getImageData(0, 0, 32, 32).data).join(",");
      };
      return glyph("高") !== glyph("区");
    });
    assert.ok(differ, "高 and 区 render identically: no CJK font");
    const title = await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-title").textContent);
    assert.match(title, /高新区/);
  } finally {
    await context.close();
  }
});

test("a phone-sized screen (360 px) gets the stacked layout and no horizontal scroll", async () => {
  const { page, context, log } = await openPage(browser, server.url, { width: 360, height: 800, dpr: 2 });
  try {
    await waitReady(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, "the page scrolls sideways");
    const canvas = await inkedPixels(page);
    assert.ok(canvas.clientWidth <= 360 && canvas.clientWidth >= 300, `canvas is ${canvas.clientWidth} px wide`);
    await page.screenshot({ path: shot("widget-zh-360-dpr2"), fullPage: true });
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});
