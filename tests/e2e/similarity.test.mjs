// The specialisation tab as a reader meets it: industries named on the tab
// and in the chosen zone's profile; on a phone the similarity heatmap gives
// way to each zone's nearest twins, rows a finger can take (measured on the
// page); and the keyboard on the heatmap says what two zones share.

import assert from "node:assert/strict";
import { test } from "node:test";
import { browser, openPage, problems, server, shot, useServerAndBrowser, waitReady } from "./harness.mjs";

useServerAndBrowser();

// A card's texts with its whole table.
const card = (page, chart) => page.evaluate((chart) => {
  const widget = document.querySelector("zone-monitor").widget;
  return { ...widget.card(chart), table: widget.table_page(chart, 0, 1e9).table };
}, chart);
const marks = (page, chart) => page.evaluate((chart) => Array.from({ length: document.querySelector("zone-monitor").widget.mark_count(chart) }, (_, i) => document.querySelector("zone-monitor").widget.mark(chart, i)), chart);

/** The industries' names in both languages, from the bundled file the page loads. */
async function industryNames(page) {
  return page.evaluate(async () => {
    const data = await (await fetch("data/zones.json")).json();
    return data.industries.map((i) => [i.name.zh, i.name.en]).flat();
  });
}

/** The text a reader sees in a chart's card (title, summary, notes), and its canvas's box. */
function section(page, chart) {
  return page.evaluate((chart) => {
    const host = document.querySelector("zone-monitor");
    const figure = host.shadowRoot.querySelector(`#${host.uid}-chart-${chart}`);
    const box = figure.querySelector("canvas").getBoundingClientRect();
    return { text: figure.textContent, left: box.left, top: box.top, width: box.width, height: box.height };
  }, chart);
}

test("an industry name appears on the specialisation tab and in the chosen zone's profile", async () => {
  const { page, context, log } = await openPage(browser, `${server.url}#view=specialisation&lang=en&zone=z03`);
  try {
    await waitReady(page);
    const names = await industryNames(page);
    // In English a name reads in lower case inside a sentence ("sharing new materials").
    const named = (text) => names.filter((n) => text.toLowerCase().includes(n.toLowerCase()));
    const similarity = await section(page, "similarity");
    assert.ok(named(similarity.text).length > 0, `the similarity card names an industry: ${similarity.text.slice(0, 300)}`);
    assert.match(similarity.text, /sharing/);
    const industries = await section(page, "industries");
    assert.ok(named(industries.text).length > 0, "the industries card names an industry");

    await page.locator("zone-monitor >> .zm-tab[data-tab=evaluation]").click();
    const profile = await card(page, "profile");
    const seen = await section(page, "profile");
    // Zone C (z03) leads with 电子信息 / Electronic information (www/data/zones.json).
    assert.match(profile.summary, /Leading industries: Electronic information/);
    assert.match(seen.text, /Electronic information/);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("at 360 px on a phone the heatmap gives way to each zone's nearest twins, rows of 44 px or more, the chosen zone first", async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}#view=specialisation&lang=zh&zone=z03`);
    await waitReady(page);
    const seen = await section(page, "similarity");
    const rows = await marks(page, "similarity");
    // The bundled file's 36 main zones: a row each, not 36 × 36 cells.
    assert.equal(rows.length, 36);
    // The chosen zone (z03, 丙高新区) heads the list.
    assert.match(rows[0].label, /^丙高新区最相似：/);
    // 35 of the 36 zones are in one group: no row says "（第1组）".
    assert.ok(rows.every((r) => !r.label.includes("组）")), rows.map((r) => r.label).join(" | "));
    // The summary says the groups the clustering found.
    const summary = (await card(page, "similarity")).summary;
    assert.match(summary, /按平均联动层次聚类/);
    for (const mark of rows) {
      // Measured on the page: the mark's box in CSS px of the canvas as laid out.
      const scale = seen.width / (await page.evaluate(() => {
        const host = document.querySelector("zone-monitor");
        return host.shadowRoot.querySelector(`#${host.uid}-chart-similarity canvas`).clientWidth;
      }));
      const w = (mark.x1 - mark.x0 + 1) * scale;
      const h = (mark.y1 - mark.y0 + 1) * scale;
      assert.ok(w >= 44 && h >= 44, `${mark.label}: ${w}×${h}`);
      assert.match(mark.label, /最相似：/);
    }
    // Tapping a row shows its twins.
    const first = rows[0];
    await page.evaluate(([chart, y]) => {
      const host = document.querySelector("zone-monitor");
      const canvas = host.shadowRoot.querySelector(`#${host.uid}-chart-${chart} canvas`);
      window.scrollBy(0, canvas.getBoundingClientRect().top + y - 200);
    }, ["similarity", first.y0]);
    const now = await section(page, "similarity");
    await page.touchscreen.tap(now.left + (first.x0 + first.x1) / 2, now.top + (first.y0 + first.y1) / 2);
    const tip = await page.evaluate(() => {
      const host = document.querySelector("zone-monitor");
      return host.shadowRoot.querySelector(`#${host.uid}-chart-similarity .zm-tooltip`)?.textContent ?? "";
    });
    assert.equal(tip, first.label);
    await page.screenshot({ path: shot("similarity-phone-360") });
  } finally {
    await context.close();
  }
});

test("the keyboard on the heatmap announces the two zones, their similarity and the industries they share", async () => {
  const { page, context, log } = await openPage(browser, `${server.url}#view=specialisation&lang=en`, { width: 1280, height: 900 });
  try {
    await waitReady(page);
    const cells = await marks(page, "similarity");
    assert.equal(cells.length, 36 * 36, "at 1,280 px with a mouse: the heatmap");
    const canvas = page.locator("zone-monitor >> [id$=chart-similarity] canvas");
    await canvas.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    const said = await page.waitForFunction(
      () => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-live").textContent,
      null,
      { timeout: 5000 },
    );
    const text = await said.jsonValue();
    assert.equal(text, cells[1].label);
    // "Zone X × Zone Y: 0.97; sharing Electronic information, New materials"
    assert.match(text, /^.+ × .+: \d\.\d\d; sharing .+/);
    const names = await industryNames(page);
    assert.ok(names.some((n) => text.toLowerCase().includes(n.toLowerCase())), text);
    // Down moves a row: from row 1, column 2 to row 2, column 2.
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(
      (label) => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-live").textContent === label,
      cells[36 + 1].label,
      { timeout: 5000 },
    );
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});
