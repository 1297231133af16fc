// The studio (www/studio.html), under the strict CSP the test server sends:
// the XLSX template downloaded, filled by this test (Python's zipfile and
// the sheet's XML: a tool independent of the code under test), opened: no
// problem, and the preview draws the new value; a broken table (picked, or
// dropped on the page) shows
// exactly the problems `zone-monitor import-values` prints for the same
// file; the downloaded JSON passes `zone-monitor validate`; the embed
// code's SRI hash is the served script's, and a page using the code loads
// the widget under the strict CSP (and refuses an altered hash).

import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, browser, openPage, problems, server, shot, useServerAndBrowser } from "./harness.mjs";

const DIR = mkdtempSync(join(tmpdir(), "zm-studio-"));
const BASE = join(ROOT, "www", "data", "zones.json");
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

useServerAndBrowser();

/** The command-line tool: $ZONE_MONITOR_CLI, or cargo run (built by cargo
 * test before the e2e tests run). */
function cli(args) {
  const [command, ...pre] = process.env.ZONE_MONITOR_CLI ? [process.env.ZONE_MONITOR_CLI] : ["cargo", "run", "--quiet", "--bin", "zone-monitor", "--"];
  const run = spawnSync(command, [...pre, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function openStudio(lang = "zh") {
  const opened = await openPage(browser, `${server.url}studio.html?lang=${lang}`, { width: 1024, height: 900 });
  await opened.page.waitForSelector(".st-xlsx");
  return opened;
}

async function download(page, selector, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const path = join(DIR, name);
  await file.saveAs(path);
  return path;
}

/** The problems the page lists, as shown. */
function shownProblems(page) {
  return page.$$eval(".st-problems .st-message", (items) => items.map((p) => p.textContent));
}

/** Every value of a dataset as the template lists it (docs/DATA.md): the
 * rows of `observations`, then each series' values, zone by zone, year by
 * year, as { zone, indicator, year, value }. */
function valueRows(data) {
  const rows = (data.observations ?? []).map(({ zone, indicator, year, value }) => ({ zone, indicator, year, value }));
  for (const s of data.series ?? []) {
    for (const [zone, values] of Object.entries(s.values)) {
      s.years.forEach((year, i) => rows.push({ zone, indicator: s.indicator, year, value: values[i] }));
    }
  }
  return rows;
}

/** z01's GDP in the latest year of the bundled data: the row the test edits. */
function target() {
  const rows = valueRows(JSON.parse(readFileSync(BASE, "utf8")));
  const year = Math.max(...rows.filter((o) => o.zone === "z01" && o.indicator === "gdp").map((o) => o.year));
  const index = rows.findIndex((o) => o.zone === "z01" && o.indicator === "gdp" && o.year === year);
  return { year, row: index + 2, old: rows[index].value };
}

/** Sets cell D<row> of the workbook's first sheet to a number, or with
 * `text` to a text cell (Python's zipfile). */
function fillCell(xlsx, row, value, { text = false, out = join(DIR, "filled.xlsx") } = {}) {
  const script = `
import re, sys, zipfile
src, dst, cell, value = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
with zipfile.ZipFile(src) as z:
    parts = {n: z.read(n) for n in z.namelist()}
name = "xl/worksheets/sheet1.xml"
xml = parts[name].decode()
if sys.argv[5] == "text":
    xml, n = re.subn(r'<c r="%s"[^>]*>.*?</c>' % cell, '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (cell, value), xml)
else:
    xml, n = re.subn(r'(<c r="%s"[^>]*>)<v>[^<]*</v>' % cell, r'\\g<1><v>%s</v>' % value, xml)
assert n == 1, n
parts[name] = xml.encode()
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for n, b in parts.items():
        z.writestr(n, b)
`;
  execFileSync("python3", ["-c", script, xlsx, out, `D${row}`, String(value), text ? "text" : "number"]);
  return out;
}

test("template → filled → opened: no problem, the preview draws the new value, the JSON validates", async () => {
  const { page, context, log } = await openStudio("zh");
  try {
    await page.waitForSelector('zone-monitor[data-ready="true"]');
    const template = await download(page, ".st-xlsx", "template.xlsx");
    const { row, old, year } = target();
    const value = 2500.5;
    assert.notEqual(old, value);
    const filled = fillCell(template, row, value);
    // The CLI agrees the filled workbook is sound.
    const checked = cli(["import-values", BASE, filled, "-o", join(DIR, "cli.json")]);
    assert.equal(checked.code, 0, checked.stdout + checked.stderr);

    await page.setInputFiles(".st-file", filled);
    await page.waitForSelector(".st-good");
    assert.equal(await page.textContent(".st-good"), "没有发现问题：可以预览和发布。");
    assert.deepEqual(await shownProblems(page), []);
    // The preview's widget has the new value for z01 (甲高新区) in that
    // year: its data table, as its CSV download has it, grouped as the
    // widget writes numbers (2,500.5).
    const z01 = () =>
      page.evaluate(() => {
        const csv = document.querySelector("zone-monitor").widget?.export_csv("data") ?? "";
        return csv.split("\n").find((line) => line.startsWith("甲高新区")) ?? "";
      });
    await page.waitForFunction(() => /2,?500\.5/.test(document.querySelector("zone-monitor").widget?.export_csv("data") ?? ""), null, { timeout: 15000 });
    const line = await z01();
    assert.match(line, /2,?500\.5/);
    const oldShown = String(old).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    assert.ok(!line.includes(oldShown), `the old value ${oldShown} (${year}) is gone: ${line}`);
    await page.screenshot({ path: shot("studio-filled"), fullPage: true });

    const json = await download(page, ".st-json", "zones.json");
    const valid = cli(["validate", json]);
    assert.equal(valid.code, 0, valid.stdout + valid.stderr);
    // The file is written as series (the compact form); z01's GDP that year is the new value.
    const written = JSON.parse(readFileSync(json, "utf8"));
    assert.ok(written.series && !written.observations, "written as series");
    assert.equal(valueRows(written).find((o) => o.zone === "z01" && o.indicator === "gdp" && o.year === year).value, value);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("a broken table: exactly the command-line tool's problems, in the page's language", async () => {
  const broken = join(DIR, "broken.csv");
  writeFileSync(
    broken,
    "\ufeff园区,指标,年份,数值,状态,来源\n" +
      "z01,gdp,2022,\"1,234.5\",reported,make-dataset\n" +
      "z99,gdp,2022,10,reported,make-dataset\n" +
      "z02,gdp,二〇二二,10,reported,make-dataset\n" +
      "z03,gdp,2022,10,guessed,make-dataset\n",
  );
  for (const lang of ["zh", "en"]) {
    const { page, context, log } = await openStudio(lang);
    try {
      if (lang === "zh") {
        await page.setInputFiles(".st-file", broken);
      } else {
        // Dropped on the drop zone instead of picked.
        const bytes = [...readFileSync(broken)];
        const dataTransfer = await page.evaluateHandle((bytes) => {
          const dt = new DataTransfer();
          dt.items.add(new File([new Uint8Array(bytes)], "broken.csv", { type: "text/csv" }));
          return dt;
        }, bytes);
        await page.dispatchEvent(".st-drop", "drop", { dataTransfer });
      }
      await page.waitForSelector(".st-bad");
      const report = JSON.parse(cli(["import-values", BASE, broken, "-o", join(DIR, "broken.json"), "--json"]).stdout);
      assert.ok(report.problems.length >= 4, JSON.stringify(report));
      // As the CLI prints them: `错误：…` / `error: …` (capitalised on the page).
      const label = lang === "zh" ? { error: "错误：", warning: "警告：" } : { error: "Error: ", warning: "Warning: " };
      const expected = report.problems.map((p) => `${label[p.severity]}${lang === "zh" ? p.message_zh : p.message}`);
      assert.deepEqual(await shownProblems(page), expected);
      // A count per kind, named in the page's language with its code
      // (the names of values::words::KINDS), and a click shows the row with
      // its cell marked.
      const counts = await page.$$eval(".st-counts li", (items) => items.map((li) => li.textContent));
      const named = lang === "zh" ? ["不是数字（not_a_number）：1", "未定义的园区（unknown_zone）：1"] : ["Not a number (not_a_number): 1", "Unknown zone (unknown_zone): 1"];
      assert.ok(named.every((n) => counts.includes(n)), counts.join("; "));
      await page.click(".st-problems li:first-child .st-show");
      const marked = await page.$$eval(".st-row td.st-marked", (cells) => cells.map((c) => c.textContent));
      assert.deepEqual(marked, ["1,234.5"]);
      assert.equal(await page.isDisabled(".st-json"), true);
      await page.screenshot({ path: shot(`studio-broken-${lang}`), fullPage: true });
      assert.deepEqual(problems(log), []);
    } finally {
      await context.close();
    }
  }
});

test("a broken workbook: the command-line tool's problems, at sheet, row and column", async () => {
  const { page, context, log } = await openStudio("en");
  try {
    const template = await download(page, ".st-xlsx", "template-en.xlsx");
    const { row } = target();
    const broken = fillCell(template, row, "12%", { text: true, out: join(DIR, "broken.xlsx") });
    await page.setInputFiles(".st-file", broken);
    await page.waitForSelector(".st-bad");
    const report = JSON.parse(cli(["import-values", BASE, broken, "-o", join(DIR, "broken-xlsx.json"), "--json"]).stdout);
    assert.deepEqual(
      report.problems.map((p) => [p.kind, p.sheet, p.line, p.letter]),
      [["not_a_number", "values", row, "D"]],
    );
    assert.deepEqual(await shownProblems(page), [`Error: ${report.problems[0].message}`]);
    assert.match(report.problems[0].message, new RegExp(`^sheet "values", row ${row}, column D \\(value\\)`));
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("the embed code's SRI hash is the served script's, and the code works under the strict CSP", async () => {
  const { page, context } = await openStudio("en");
  let code;
  try {
    await page.fill(".st-folder", "/");
    await page.fill(".st-data-url", "/data/zones.json");
    code = await page.textContent(".st-code");
  } finally {
    await context.close();
  }
  const served = Buffer.from(await (await fetch(`${server.url}zone-monitor.js`)).arrayBuffer());
  const sri = `sha384-${createHash("sha384").update(served).digest("base64")}`;
  assert.ok(code.includes(`integrity="${sri}"`), code);
  assert.ok(code.includes(`Content-Security-Policy: ${CSP}`), code);
  const html = code.split("\n").filter((l) => l.startsWith("<")).join("\n");

  for (const [name, body, works] of [
    ["embed-sri.html", html, true],
    ["embed-bad-sri.html", html.replace(sri, `sha384-${createHash("sha384").update("altered").digest("base64")}`), false],
  ]) {
    const { page, context, log } = await openPage(browser, `${server.url}${name}`, {
      beforeGoto: (page) =>
        page.route(`${server.url}${name}`, (route) =>
          route.fulfill({ contentType: "text/html", headers: { "Content-Security-Policy": CSP }, body: `<!doctype html><html lang="en"><body>${body}</body></html>` }),
        ),
    });
    try {
      if (works) {
        await page.waitForSelector('zone-monitor[data-ready="true"]', { timeout: 15000 });
        assert.deepEqual(problems(log), []);
      } else {
        await page.waitForTimeout(1500);
        assert.equal(await page.$('zone-monitor[data-ready="true"]'), null);
        assert.ok(log.console.some((m) => /integrity/i.test(m.text)), JSON.stringify(log.console));
      }
    } finally {
      await context.close();
    }
  }
});
