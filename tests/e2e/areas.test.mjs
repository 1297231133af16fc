// The metro-area filter and the industries chart, as a reader meets them:
// choosing an area narrows the ranking and the Lorenz curve to the area's
// zones exactly as the native command-line build of the same metrics says
// (`zone-monitor report --area`), and the specialisation tab names the
// zones' industries.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { browser, linkOf, openPage, problems, ROOT, server, useServerAndBrowser, waitReady } from "./harness.mjs";

useServerAndBrowser();

async function open(hash) {
  const opened = await openPage(browser, server.url + hash);
  await waitReady(opened.page);
  return opened;
}

// A card's texts with its whole table.
const card = (page, chart) => page.evaluate((chart) => {
  const widget = document.querySelector("zone-monitor").widget;
  return { ...widget.card(chart), table: widget.table_page(chart, 0, 1e9).table };
}, chart);

/** Picks `value` in the widget's select `selector`, as a reader would. */
function choose(page, selector, value) {
  return page.evaluate(([selector, value]) => {
    const select = document.querySelector("zone-monitor").shadowRoot.querySelector(selector);
    select.value = value;
    select.dispatchEvent(new Event("change"));
  }, [selector, value]);
}

test("the area filter narrows the ranking and the Lorenz curve to the area's zones, as zone-monitor report --area does", async () => {
  // The independent computation: the native build of the metrics on the bundled file.
  const report = JSON.parse(
    execFileSync(join(ROOT, "target/debug/zone-monitor"), ["report", join(ROOT, "www/data/zones.json"), "--area", "metro", "--json"], { maxBuffer: 64 << 20 }),
  );
  const name = Object.fromEntries(report.zones.map((z) => [z.id, z.name.en]));
  // The ranking lists the ranked zones (a zone out of the year's ranking,
  // e.g. after an exit, has rank null in the report and no row).
  const ranking = report.area.ranking.filter((r) => r.rank !== null).map((r) => [name[r.zone_id], String(r.rank)]);
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  const lorenz = report.area.lorenz.points.map((p) => [name[p.zone_id], pct(p.cum_land_share), pct(p.cum_value_share)]);
  assert.equal(report.area.zones.length, 11, "the bundled metro area has 11 zones");

  const { page, context, log } = await open("#view=evaluation&lang=en");
  try {
    const rows = async () => (await card(page, "ranking")).table.rows.map((r) => [r[0], r[1]]);
    const all = await rows();
    await choose(page, ".zm-area", "metro");
    const filtered = await rows();
    assert.notDeepEqual(filtered, all);
    assert.deepEqual(filtered, ranking);
    assert.match(await linkOf(page), /area=metro/);
    assert.match((await card(page, "ranking")).title, /zones of the Metropolitan area/);

    await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-tab[data-tab=imbalance]").click());
    const curve = await card(page, "lorenz");
    assert.deepEqual(curve.table.rows.map((r) => [r[0], r[4], r[5]]), lorenz);
    assert.match(curve.summary, new RegExp(`land-weighted Gini is ${report.area.lorenz.gini.toFixed(2)}`));
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("the specialisation tab names each zone's industries and its specialty", async () => {
  const { page, context, log } = await open("#view=specialisation&lang=zh&zone=z01");
  try {
    const industries = await card(page, "industries");
    const zoneA = industries.table.rows.find((r) => r[0] === "甲高新区");
    assert.ok(zoneA, "甲高新区 has a row");
    assert.equal(zoneA[6], "主导：专汽及零部件、新材料和节能环保");
    assert.match(zoneA[7], /^特色：节能环保（区位熵3\.15）/);
    // What the reader sees: the card's table, opened (a closed one is made
    // when opened), names industries, and the canvas has drawn.
    const seen = await page.evaluate(() => {
      const host = document.querySelector("zone-monitor");
      const section = host.shadowRoot.querySelector(`#${host.uid}-chart-industries`);
      section.querySelector(".zm-table-toggle").click();
      const canvas = section.querySelector("canvas");
      return { text: section.textContent, height: canvas.getBoundingClientRect().height };
    });
    assert.match(seen.text, /节能环保/);
    assert.ok(seen.height > 1000, `the chart is drawn: ${seen.height}px`);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});
