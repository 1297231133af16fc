// Accessibility: axe-core (the npm package, run inside the page) finds no
// violation on any tab, in Chinese and in English, light and dark; the widget
// works at 320 px and with text enlarged.

import assert from "node:assert/strict";
import { test } from "node:test";
import { axeViolations, browser, clickTab, openPage, problems, server, shot, tabIds, useServerAndBrowser, waitReady } from "./harness.mjs";

useServerAndBrowser();

for (const [lang, colorScheme] of [["zh", "light"], ["en", "light"], ["zh", "dark"]]) {
  test(`axe-core finds no violation on any tab (${lang}, ${colorScheme})`, async () => {
    // axe-core adds a <style> of its own, which the page's CSP would refuse;
    // the other tests hold the widget to that CSP on the same pages.
    const { page, context, log } = await openPage(browser, `${server.url}#lang=${lang}`, { colorScheme, bypassCSP: true });
    try {
      await waitReady(page);
      const found = [];
      for (const tab of await tabIds(page)) {
        await clickTab(page, tab);
        for (const v of await axeViolations(page)) found.push(`[${tab}] ${v}`);
      }
      assert.deepEqual(found, []);
      assert.deepEqual(problems(log), []);
    } finally {
      await context.close();
    }
  });
}

test("usable at 320 px: nothing scrolls sideways but the data table's own scroller", async () => {
  const { page, context } = await openPage(browser, server.url, { width: 320, height: 700 });
  try {
    await waitReady(page);
    for (const tab of await tabIds(page)) {
      await clickTab(page, tab);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `tab ${tab} scrolls sideways`);
    }
    await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector('[data-tab="overview"]').click());
    await page.screenshot({ path: shot("widget-zh-320"), fullPage: true });
  } finally {
    await context.close();
  }
});

test("text and charts follow the reader's font size (200%)", async () => {
  const { page, context } = await openPage(browser, server.url, { width: 1280, height: 800 });
  try {
    await waitReady(page);
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-summary")).fontSize));
    const before = await size();
    // Each chart's scale, from its canvas's transform (web/backend.rs
    // hidpi_canvas: the device pixel ratio, 1 here, times the scale).
    const scales = () => page.evaluate(() => [...document.querySelector("zone-monitor").shadowRoot.querySelectorAll("canvas")].map((c) => c.getContext("2d").getTransform().a));
    const standard = await scales();
    assert.ok(standard.length > 0 && standard.every((s) => s === 1), `${standard}`);
    await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
    assert.equal(await size(), before * 2);
    // The charts drawn again with their text larger: 32 px is twice the
    // standard 16, capped at elder mode's 1.5 (charts::style::ELDER_SCALE).
    await page.waitForFunction((n) => {
      const canvases = [...document.querySelector("zone-monitor").shadowRoot.querySelectorAll("canvas")];
      return canvases.length === n && canvases.every((c) => c.getContext("2d").getTransform().a === 1.5);
    }, standard.length);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0);
  } finally {
    await context.close();
  }
});
