// What a person does with the widget: hover and tap for values, move through
// a chart with the keyboard, switch language and tabs, follow a share link,
// export what they see.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { browser, inWidget, linkOf, openPage, problems, server, useServerAndBrowser, waitReady } from "./harness.mjs";

useServerAndBrowser();

async function open(hash = "", options = {}) {
  const opened = await openPage(browser, server.url + hash, options);
  await waitReady(opened.page);
  return opened;
}

/** The marks the wasm reports for a chart, in CSS pixels of its canvas, plus the canvas's position. */
function marksOf(page, chart) {
  return page.evaluate((chart) => {
    const host = document.querySelector("zone-monitor");
    const canvas = host.shadowRoot.querySelector(`#${host.uid}-chart-${chart} canvas`);
    canvas.scrollIntoView({ block: "center" });
    const box = canvas.getBoundingClientRect();
    return { left: box.left, top: box.top, marks: Array.from({ length: host.widget.mark_count(chart) }, (_, i) => host.widget.mark(chart, i)) };
  }, chart);
}

test("hovering a bar shows its value in the tooltip", async () => {
  const { page, context, log } = await open();
  try {
    const { left, top, marks } = await marksOf(page, "shares");
    // Row 3 is the high-tech enterprises: 11,196 of 19,993 = 56.0%
    // (docs/CLAIMS.md, C9).
    const mark = marks[3];
    await page.mouse.move(left + (mark.x0 + mark.x1) / 2, top + (mark.y0 + mark.y1) / 2);
    const tooltip = await inWidget(page, (root) => {
      const tip = root.querySelector(".zm-tooltip");
      return { hidden: tip.hidden, text: tip.textContent };
    });
    assert.equal(tooltip.hidden, false);
    assert.equal(tooltip.text, mark.label);
    assert.match(tooltip.text, /56\.0%/);
    assert.match(tooltip.text, /50%（C8）与56%（C9）/);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("arrow keys move through a chart's data and the value is announced", async () => {
  const { page, context } = await open();
  try {
    const { marks } = await marksOf(page, "shares");
    await inWidget(page, (root) => root.querySelector(".zm-canvas").focus());
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    // The live region is emptied, then filled on the next frame (feedback.js).
    await page.waitForFunction((label) => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-live").textContent === label, marks[1].label);
    const live = await inWidget(page, (root) => root.querySelector(".zm-live").textContent);
    assert.equal(live, marks[1].label);
    assert.match(live, /地区生产总值/);
  } finally {
    await context.close();
  }
});

test("the language switch turns every text to English without reloading the data", async () => {
  const { page, context, log } = await open();
  try {
    const fetchesBefore = log.requests.filter((u) => u.endsWith("zones.json")).length;
    await inWidget(page, (root) => root.querySelector(".zm-lang").click());
    await page.waitForFunction(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-title").textContent.includes("high-tech zones"));
    const texts = await inWidget(page, (root) => ({
      title: root.querySelector(".zm-title").textContent,
      tab: root.querySelector('[role="tab"][aria-selected="true"]').textContent,
      summary: root.querySelector(".zm-summary").textContent,
      lang: root.querySelector(".zm").lang,
    }));
    assert.equal(texts.tab, "Overview");
    assert.equal(texts.lang, "en");
    assert.match(texts.summary, /^In 2022 the zones held 1\.5% of the region's land/);
    assert.equal(log.requests.filter((u) => u.endsWith("zones.json")).length, fetchesBefore, "the dataset was fetched again");
    assert.match(await linkOf(page), /lang=en/);
  } finally {
    await context.close();
  }
});

test("a share link restores tab, zone, year and language", async () => {
  const { page, context } = await open("#view=data&zone=z05&year=2020&lang=en");
  try {
    const state = await inWidget(page, (root) => ({
      tab: root.querySelector('[role="tab"][aria-selected="true"]').dataset.tab,
      zone: root.querySelector(".zm-zone").value,
      year: root.querySelector(".zm-year-value").textContent,
      caption: root.querySelector(".zm-data-table caption").textContent,
    }));
    assert.deepEqual(state, { tab: "data", zone: "Zone E", year: "2020", caption: "The zones' values in 2020 (beside each value, its status: reported, derived or illustrative)" });
  } finally {
    await context.close();
  }
});

test("following a link on the same page sets every control to the link's state, the defaults it leaves out included", async () => {
  const { page, context, log } = await open("#view=imbalance&zone=z03&level=national&log=1&lang=en");
  try {
    const controls = () =>
      inWidget(page, (root) => ({
        zone: root.querySelector(".zm-zone").value,
        level: root.querySelector(".zm-level").value,
        log: root.querySelector(".zm-control-log input").checked,
        year: root.querySelector(".zm-year-value").textContent,
      }));
    assert.deepEqual(await controls(), { zone: "Zone C", level: "national", log: true, year: "2022" });
    await page.evaluate(() => (location.hash = "view=imbalance&year=2020&lang=en"));
    await page.waitForFunction(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-year-value")?.textContent === "2020");
    assert.deepEqual(await controls(), { zone: "", level: "", log: false, year: "2020" });
    assert.match(await linkOf(page), /#view=imbalance&year=2020&lang=en$/);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("tabs work with arrow keys and the URL follows", async () => {
  const { page, context } = await open();
  try {
    await inWidget(page, (root) => root.querySelector('[role="tab"]').focus());
    await page.keyboard.press("ArrowLeft"); // wraps to the last tab
    const selected = await inWidget(page, (root) => root.querySelector('[role="tab"][aria-selected="true"]').dataset.tab);
    assert.equal(selected, "data");
    assert.match(await linkOf(page), /view=data/);
  } finally {
    await context.close();
  }
});

test("moving the year slider redraws the chart for that year", async () => {
  const { page, context } = await open();
  try {
    await inWidget(page, (root) => {
      const slider = root.querySelector(".zm-year");
      slider.value = "2019";
      slider.dispatchEvent(new Event("input"));
    });
    const summary = await inWidget(page, (root) => root.querySelector(".zm-summary").textContent);
    assert.match(summary, /^2019年/);
    assert.match(await linkOf(page), /year=2019/);
  } finally {
    await context.close();
  }
});

test("exports give a PNG, an SVG and a CSV of what is shown", async () => {
  const { page, context } = await open("", { width: 1024 });
  try {
    const grab = async (selector) => {
      const [download] = await Promise.all([page.waitForEvent("download"), inWidget(page, (root, s) => root.querySelector(s).click(), selector)]);
      return { name: download.suggestedFilename(), body: await readFile(await download.path()) };
    };
    const png = await grab(".zm-export-png");
    assert.equal(png.name, "shares.png");
    assert.deepEqual([...png.body.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the on-screen size, for print: the IHDR width is at byte 16, the
    // height at 20; taller than the chart on screen by the notice's lines
    // under it (illustrative data; 17 px a line, style::NOTE_LINE).
    const [canvasWidth, canvasHeight] = await inWidget(page, (root) => [root.querySelector(".zm-canvas").clientWidth, root.querySelector(".zm-canvas").clientHeight]);
    assert.equal(png.body.readUInt32BE(16), canvasWidth * 2);
    const extra = png.body.readUInt32BE(20) / 2 - canvasHeight;
    assert.ok(extra >= 17 && extra % 17 === 0, `the notice's lines under the chart: ${extra} px`);
    const svg = await grab(".zm-export-svg");
    assert.equal(svg.name, "shares.svg");
    assert.match(svg.body.toString("utf8"), /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg.body.toString("utf8"), /高技术企业/);
    // The data are illustrative (the bundled file's values, all of them):
    // the drawing says so, and where they come from, under the chart (its
    // text's lines joined: the notice wraps).
    const drawn = [...svg.body.toString("utf8").matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].trim()).join("");
    assert.match(drawn, /示意数据：4,860个园区层面数值中有4,860个为示意值（数值为虚构，不是官方统计）。示意值来源：“示意数据：按固定规则生成的虚构数值，非真实园区数据”。$/);
    const csv = await grab(".zm-export-csv");
    assert.equal(csv.name, "shares.csv");
    const lines = csv.body.toString("utf8").split("\r\n");
    // The notice first, one field (quoted: "4,860" holds a comma), then the
    // header and the rows.
    assert.match(lines[0], /^\ufeff"示意数据：4,860个园区层面数值中有4,860个为示意值（数值为虚构，不是官方统计）。示意值来源：“示意数据：按固定规则生成的虚构数值，非真实园区数据”。"$/);
    assert.equal(lines[1], "指标,由数据计算的占比,报告所述");
    assert.equal(lines.length, 1 + 1 + 5 + 1, "notice, header, five rows, final line break");
  } finally {
    await context.close();
  }
});

test("a control is shown only on the tabs whose charts respond to it (the registry's controls)", async () => {
  // src/registry.rs: benchmarks and national_bands respond to year, zone and
  // log scale, not to level or indicator; the overview's shares to the year only.
  const shown = (root) => {
    const boxes = { year: ".zm-year", zone: ".zm-zone", level: ".zm-level", indicator: ".zm-indicator", log: ".zm-control-log" };
    return Object.fromEntries(Object.entries(boxes).map(([name, selector]) => [name, !root.querySelector(selector).closest(".zm-control").hidden]));
  };
  const { page, context, log } = await open("#view=benchmarks&lang=en");
  try {
    assert.deepEqual(await inWidget(page, shown), { year: true, zone: true, level: false, indicator: false, log: true });
    await inWidget(page, (root) => root.querySelector(".zm-tab[data-tab=overview]").click());
    assert.deepEqual(await inWidget(page, shown), { year: true, zone: false, level: false, indicator: false, log: false });
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("choosing a zone by name highlights it, and the trends follow the chosen indicator", async () => {
  const { page, context, log } = await open("#view=innovation&lang=en");
  try {
    const controls = await inWidget(page, (root) => ({
      indicator: !root.querySelector(".zm-control-indicator").hidden,
      log: !root.querySelector(".zm-control-log").hidden,
    }));
    assert.deepEqual(controls, { indicator: true, log: false }, "only the controls this tab's charts use");
    await inWidget(page, (root) => {
      const input = root.querySelector(".zm-zone");
      input.value = "Zone C";
      input.dispatchEvent(new Event("change"));
      const select = root.querySelector(".zm-indicator");
      select.value = "invention_patents";
      select.dispatchEvent(new Event("change"));
    });
    const host = "document.querySelector('zone-monitor')";
    const { summary: trends, title } = await page.evaluate(`${host}.widget.card("trends")`);
    assert.match(title, /^Invention patents granted/);
    assert.match(trends, /Zone C/);
    assert.match(await linkOf(page), /zone=z03/);
    assert.match(await linkOf(page), /indicator=invention_patents/);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("moving the weight sliders re-ranks the zones as the metrics engine does", async () => {
  // The independent computation: the native command-line build of the same
  // metrics (`zone-monitor report --weights`), run on the bundled file.
  const weights = [60, 0, 0, 0, 10];
  const { execFileSync } = await import("node:child_process");
  const { join } = await import("node:path");
  const { ROOT } = await import("./harness.mjs");
  const report = JSON.parse(
    execFileSync(join(ROOT, "target/debug/zone-monitor"), ["report", join(ROOT, "www/data/zones.json"), "--weights", weights.join(","), "--json"], { maxBuffer: 64 << 20 }),
  );
  const year = report.evaluation.years.find((y) => y.year === 2022);
  // Zones named for exit before 2022 are out of its ranking (exit modelled).
  const expected = year.zones.filter((z) => z.exited_in === null).map((z) => [report.zones[z.zone].name.en, String(z.rank)]).sort((a, b) => a[0].localeCompare(b[0]));

  const { page, context, log } = await open("#view=evaluation&lang=en");
  try {
    const before = await page.evaluate(() => document.querySelector("zone-monitor").widget.table_page("ranking", 0, 1e9).table.rows.map((r) => [r[0], r[1]]));
    // The reader opens the ranking's table, then moves five sliders within
    // one frame: the widget applies the first at once and the other four
    // together at the next frame (one evaluation, not four).
    await inWidget(page, (root) => root.querySelector('[id$="-chart-ranking"] .zm-table-toggle').click());
    const applied = await inWidget(page, async (root, weights) => {
      const widget = root.host.widget;
      const set = widget.set_weights;
      const calls = [];
      widget.set_weights = (w) => (calls.push(Array.from(w)), set.call(widget, w));
      try {
        await new Promise(requestAnimationFrame);
        root.querySelectorAll(".zm-weight input").forEach((slider, i) => {
          slider.value = String(weights[i]);
          slider.dispatchEvent(new Event("input"));
        });
        const during = calls.length;
        await new Promise(requestAnimationFrame);
        await new Promise(requestAnimationFrame);
        return { during, calls };
      } finally {
        delete widget.set_weights;
      }
    }, weights);
    assert.equal(applied.during, 1, "the first move of a frame is applied at once");
    assert.equal(applied.calls.length, 2, `one evaluation for the frame's other moves: ${JSON.stringify(applied.calls)}`);
    assert.deepEqual(applied.calls[1], weights, "the later moves are applied with the sliders' last values");
    const after = await page.evaluate(() => document.querySelector("zone-monitor").widget.table_page("ranking", 0, 1e9).table.rows.map((r) => [r[0], r[1]]));
    assert.notDeepEqual(after, before, "the ranking did not change");
    assert.deepEqual([...after].sort((a, b) => a[0].localeCompare(b[0])), expected);
    // The table the reader sees follows, and the link carries the weights.
    const shown = await inWidget(page, (root) => root.querySelector('[id$="-chart-ranking-table"] tbody tr th').textContent);
    assert.equal(shown, after[0][0]);
    assert.match(await linkOf(page), /weights=60%2C0%2C0%2C0%2C10|weights=60,0,0,0,10/);
    const outputs = await inWidget(page, (root) => [...root.querySelectorAll(".zm-weight output")].map((o) => o.textContent));
    assert.deepEqual(outputs, ["86%", "0%", "0%", "0%", "14%"]);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
  // Opening the link restores the weights and the same ranking.
  const restored = await open(`#view=evaluation&lang=en&weights=${weights.join(",")}`);
  try {
    const rows = await restored.page.evaluate(() => document.querySelector("zone-monitor").widget.table_page("ranking", 0, 1e9).table.rows.map((r) => [r[0], r[1]]));
    assert.deepEqual([...rows].sort((a, b) => a[0].localeCompare(b[0])), expected);
  } finally {
    await restored.context.close();
  }
});

test("a link with settings the data cannot use says so and keeps the rest", async () => {
  const { page, context, log } = await open("#view=data&zone=zzz&year=1990&weights=a,b&lang=en");
  try {
    const seen = await inWidget(page, (root) => ({
      notice: root.querySelector(".zm-link-notice p")?.textContent ?? null,
      tab: root.querySelector('[aria-selected="true"]').dataset.tab,
      year: root.querySelector(".zm-year-value").textContent,
    }));
    assert.equal(seen.tab, "data");
    assert.equal(seen.year, "2022");
    assert.match(seen.notice, /ignored: zone=zzz, year=1990, weights=a,b$/);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});
