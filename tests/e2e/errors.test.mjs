// A portal's bad dataset: the widget lists the validator's problems, with
// their JSON paths, in the page's language; never a blank box, never a panic.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { browser, openPage, ROOT, server, shot, useServerAndBrowser, waitReady } from "./harness.mjs";

useServerAndBrowser();

/** Opens the page with the bundled dataset's URL answering `body` instead. */
async function openWithData(body, lang) {
  const beforeGoto = async (page) => {
    await page.route("**/data/zones.json", (route) => route.fulfill({ contentType: "application/json", body }));
    if (lang) await page.addInitScript((l) => document.addEventListener("DOMContentLoaded", () => document.querySelector("zone-monitor").setAttribute("lang", l)), lang);
  };
  return openPage(browser, server.url, { beforeGoto });
}

async function errorBox(page) {
  const box = await page.waitForFunction(() => {
    const root = document.querySelector("zone-monitor").shadowRoot;
    const alert = root.querySelector('[role="alert"]');
    return alert && { title: alert.querySelector("p").textContent, items: [...alert.querySelectorAll("li")].map((li) => li.textContent) };
  });
  return box.jsonValue();
}

test("a dataset with a wrong type and an unknown reference lists both problems with their paths", async () => {
  const data = JSON.parse(readFileSync(join(ROOT, "www/data/zones.json"), "utf8"));
  data.zones[7].land_km2 = "n/a";
  data.zones[3].parent = "no-such-zone";
  const { page, context } = await openWithData(JSON.stringify(data));
  try {
    const box = await errorBox(page);
    assert.match(box.title, /数据文件有问题/);
    assert.ok(box.items.some((m) => m.includes("zones[7].land_km2")), box.items.join("\n"));
    assert.ok(box.items.some((m) => m.includes("zones[3].parent")), box.items.join("\n"));
    await page.screenshot({ path: shot("bad-data-zh"), fullPage: true });
  } finally {
    await context.close();
  }
});

test("the problems are in English on an English page", async () => {
  const { page, context } = await openWithData('{"schema": "zone-monitor/1"}', "en");
  try {
    const box = await errorBox(page);
    assert.match(box.title, /data file has problems/);
    assert.ok(box.items.length > 0 && box.items.every((m) => /[a-z]/.test(m) && !/[\u4e00-\u9fff]{2}/.test(m)), box.items.join("\n"));
  } finally {
    await context.close();
  }
});

test("a file that is not JSON at all is explained, not a blank box", async () => {
  const { page, context } = await openWithData("<html>not json</html>");
  try {
    const box = await errorBox(page);
    assert.equal(box.items.length, 1);
    assert.match(box.items[0], /JSON/);
  } finally {
    await context.close();
  }
});

test("a file with a UTF-8 byte-order mark loads, as with zone-monitor validate", async () => {
  // tests/datasets/good/utf8_with_bom.json: the CLI's test corpus, the same rule (issue 16).
  const body = readFileSync(join(ROOT, "tests/datasets/good/utf8_with_bom.json"));
  assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const { page, context } = await openWithData(body);
  try {
    await waitReady(page);
    const alert = await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector('[role="alert"]'));
    assert.equal(alert, null);
  } finally {
    await context.close();
  }
});

test("a file that is not UTF-8 is one encoding problem at its first bad byte, not a type error on U+FFFD", async () => {
  // The CLI says the same for these files (tests/datasets/bad/not_utf8_*.expect).
  for (const [file, found] of [
    ["not_utf8_gbk.json", /not UTF-8 at line 5, column 11 \(byte 65; GBK\?\)/],
    ["not_utf8_utf16.json", /found UTF-16 text/],
  ]) {
    const { page, context } = await openWithData(readFileSync(join(ROOT, "tests/datasets/bad", file)), "en");
    try {
      const box = await errorBox(page);
      assert.equal(box.items.length, 1, box.items.join("\n"));
      assert.match(box.items[0], /not_utf8/);
      assert.match(box.items[0], found);
      assert.doesNotMatch(box.items[0], /\uFFFD/);
    } finally {
      await context.close();
    }
  }
});

test("a trap in the wasm is said as an internal error and the widget stops, in the page's language", async () => {
  // No input is known to make the Rust code panic (that is the point), so the
  // trap a panic would raise under panic = abort is thrown from JS, at the
  // call the year slider makes: this checks what the reader then sees.
  for (const [lang, title] of [["zh", /内部错误/], ["en", /internal error/]]) {
    const { page, context } = await openPage(browser, `${server.url}${lang === "en" ? "#lang=en" : ""}`);
    try {
      await waitReady(page);
      await page.evaluate(() => {
        const host = document.querySelector("zone-monitor");
        host.widget.set_year = () => {
          throw new WebAssembly.RuntimeError("unreachable");
        };
        const slider = host.shadowRoot.querySelector(".zm-year");
        slider.value = String(Number(slider.min));
        slider.dispatchEvent(new Event("input"));
      });
      const box = await errorBox(page);
      assert.match(box.title, title);
      assert.deepEqual(box.items, ["unreachable"]);
      // Nothing is left to call the broken module: the controls are gone.
      const controls = await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelectorAll("input, select, canvas").length);
      assert.equal(controls, 0);
    } finally {
      await context.close();
    }
  }
});

test("after a trap every widget on the page stops, not only the one that trapped", async () => {
  // demo.html: two elements sharing one wasm module, and an iframe with its own.
  const { page, context } = await openPage(browser, `${server.url}demo.html`, { width: 1024, height: 900 });
  try {
    await waitReady(page, "#first");
    await waitReady(page, "#second");
    await page.evaluate(() => {
      const first = document.getElementById("first");
      first.widget.set_year = () => {
        throw new WebAssembly.RuntimeError("unreachable");
      };
      const slider = first.shadowRoot.querySelector(".zm-year");
      slider.value = String(Number(slider.min));
      slider.dispatchEvent(new Event("input"));
    });
    const titles = await page.evaluate(() =>
      ["first", "second"].map((id) => document.getElementById(id).shadowRoot.querySelector('[role="alert"] p')?.textContent ?? null),
    );
    assert.match(titles[0], /内部错误/);
    assert.match(titles[1], /internal error/);
    // The iframe's widget has its own module and goes on working.
    const framed = await page.frameLocator("#frame").locator("zone-monitor").evaluate((host) => host.dataset.ready === "true" && !host.shadowRoot.querySelector('[role="alert"]'));
    assert.equal(framed, true);
  } finally {
    await context.close();
  }
});
