// The charts follow the widget's colour scheme: dark on a dark system, light
// on a light one, redrawn when the system's scheme changes, and pinned by the
// theme attribute whatever the system says; the stylesheet follows the same
// rule. Exports stay light (they go into documents and print).

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { browser, openPage, problems, server, shot, useServerAndBrowser, waitReady } from "./harness.mjs";

useServerAndBrowser();

/** The first chart's colours as drawn: its background (the corner pixel, in
 * the padding round the chart), how many pixels of its title band are light
 * (every channel above 180) and how many dark (every channel below 90), and
 * the card's CSS colours. */
function chartColours(page) {
  return page.evaluate(() => {
    const root = document.querySelector("zone-monitor").shadowRoot;
    const canvas = root.querySelector(".zm-canvas");
    const ctx = canvas.getContext("2d");
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    // The title: the first line, 20 CSS pixels from the top, across the chart.
    const band = ctx.getImageData(0, 0, canvas.width, Math.round(28 * (canvas.width / canvas.clientWidth))).data;
    let light = 0;
    let dark = 0;
    for (let i = 0; i < band.length; i += 4) {
      const least = Math.min(band[i], band[i + 1], band[i + 2]);
      const most = Math.max(band[i], band[i + 1], band[i + 2]);
      if (least > 180) light++;
      if (most < 90) dark++;
    }
    const card = getComputedStyle(root.querySelector(".zm-card"));
    return { background: [r, g, b], light, dark, card: card.backgroundColor, cardText: card.color };
  });
}

/** The page's problems but the warning this test's own repeated pixel reads
 * draw from Chromium (getImageData without willReadFrequently). */
function pageProblems(log) {
  return problems(log).filter((p) => !p.includes("willReadFrequently"));
}

const DARK_BACKGROUND = [35, 38, 43]; // style::DARK.background, --zm-card in the dark scheme
const LIGHT_BACKGROUND = [255, 255, 255];

/** Waits until the first chart's corner is `rgb`. */
function waitBackground(page, rgb) {
  return page.waitForFunction((want) => {
    const canvas = document.querySelector("zone-monitor")?.shadowRoot.querySelector(".zm-canvas");
    const got = canvas?.getContext("2d").getImageData(0, 0, 1, 1).data;
    return got && [0, 1, 2].every((k) => got[k] === want[k]);
  }, rgb, { timeout: 5000 });
}

function assertDark(colours, why) {
  assert.deepEqual(colours.background, DARK_BACKGROUND, `${why}: the chart's background`);
  // The title is inked light on the dark background.
  assert.ok(colours.light > 200, `${why}: only ${colours.light} light pixels in the title`);
  assert.equal(colours.card, "rgb(35, 38, 43)", `${why}: the card round the chart`);
  assert.equal(colours.cardText, "rgb(238, 238, 238)", `${why}: the card's text`);
}

function assertLight(colours, why) {
  assert.deepEqual(colours.background, LIGHT_BACKGROUND, `${why}: the chart's background`);
  // The title is inked dark on white.
  assert.ok(colours.dark > 200, `${why}: only ${colours.dark} dark pixels in the title`);
  assert.equal(colours.card, "rgb(255, 255, 255)", `${why}: the card round the chart`);
  assert.equal(colours.cardText, "rgb(26, 26, 26)", `${why}: the card's text`);
}

test("on a dark system the charts are drawn dark with light text, and follow the system when it changes", async () => {
  const { page, context, log } = await openPage(browser, server.url, { colorScheme: "dark" });
  try {
    await waitReady(page);
    assertDark(await chartColours(page), "dark system");
    await page.screenshot({ path: shot("widget-zh-1024-dark"), fullPage: true });
    await page.emulateMedia({ colorScheme: "light" });
    await waitBackground(page, LIGHT_BACKGROUND);
    assertLight(await chartColours(page), "switched to light");
    await page.emulateMedia({ colorScheme: "dark" });
    await waitBackground(page, DARK_BACKGROUND);
    assertDark(await chartColours(page), "switched back to dark");
    assert.deepEqual(pageProblems(log), []);
  } finally {
    await context.close();
  }
});

test('theme="light" keeps the widget light on a dark system, theme="dark" makes it dark on a light one', async () => {
  for (const [system, theme, check] of [
    ["dark", "light", assertLight],
    ["light", "dark", assertDark],
  ]) {
    // The attribute set before the widget loads, as a portal's markup would.
    const beforeGoto = (page) =>
      page.addInitScript((value) => {
        new MutationObserver((_, observer) => {
          const host = document.querySelector("zone-monitor");
          if (!host) return;
          host.setAttribute("theme", value);
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      }, theme);
    const { page, context, log } = await openPage(browser, server.url, { colorScheme: system, beforeGoto });
    try {
      await waitReady(page);
      check(await chartColours(page), `theme="${theme}" on a ${system} system`);
      // The system's scheme changing does not move a pinned widget.
      await page.emulateMedia({ colorScheme: theme });
      await page.emulateMedia({ colorScheme: system });
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
      check(await chartColours(page), `theme="${theme}" after the system flipped`);
      // Removing the attribute hands the choice back to the system.
      await page.evaluate(() => document.querySelector("zone-monitor").removeAttribute("theme"));
      await waitBackground(page, system === "dark" ? DARK_BACKGROUND : LIGHT_BACKGROUND);
      (system === "dark" ? assertDark : assertLight)(await chartColours(page), `no theme on a ${system} system`);
      assert.deepEqual(pageProblems(log), []);
    } finally {
      await context.close();
    }
  }
});

test("exports stay light in the dark scheme: the PNG's and the SVG's background are white", async () => {
  const { page, context } = await openPage(browser, server.url, { colorScheme: "dark" });
  try {
    await waitReady(page);
    const grab = async (selector) => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.evaluate((s) => document.querySelector("zone-monitor").shadowRoot.querySelector(s).click(), selector),
      ]);
      return readFile(await download.path());
    };
    const png = await grab(".zm-export-png");
    const corner = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext("2d");
      ctx.drawImage(bitmap, 0, 0);
      return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
    }, png.toString("base64"));
    assert.deepEqual(corner, LIGHT_BACKGROUND, "the PNG's background");
    const svg = (await grab(".zm-export-svg")).toString("utf8");
    assert.match(svg, /<rect[^>]*fill="#FFFFFF"/, "the SVG's background");
    assert.doesNotMatch(svg, /#23262B/i, "the SVG carries the dark background");
    // The screen stays dark.
    assertDark(await chartColours(page), "after the exports");
  } finally {
    await context.close();
  }
});
