// Embedding: two widgets on one portal page work independently, and the
// standalone page in an iframe reports its height to the portal — all under
// the strict CSP the test server sends.

import assert from "node:assert/strict";
import { test } from "node:test";
import { browser, linkOf, openPage, problems, server, shot, useServerAndBrowser } from "./harness.mjs";

useServerAndBrowser();

test("two widgets and an iframe on one page, each on its own", async () => {
  const { page, context, log } = await openPage(browser, `${server.url}demo.html`, { width: 1024, height: 900 });
  try {
    await page.waitForSelector('#first[data-ready="true"]');
    await page.waitForSelector('#second[data-ready="true"]');
    const state = (id) =>
      page.evaluate((id) => {
        const root = document.getElementById(id).shadowRoot;
        return {
          lang: root.querySelector(".zm").lang,
          tab: root.querySelector('[aria-selected="true"]').dataset.tab,
          zone: root.querySelector(".zm-zone").value,
        };
      }, id);
    assert.deepEqual(await state("first"), { lang: "zh-CN", tab: "overview", zone: "" });
    assert.deepEqual(await state("second"), { lang: "en", tab: "benchmarks", zone: "Zone C" });
    // Switching the first to English leaves the second alone, and the reverse.
    await page.evaluate(() => document.getElementById("first").shadowRoot.querySelector(".zm-lang").click());
    await page.evaluate(() => document.getElementById("second").setAttribute("zone", "z07"));
    assert.equal((await state("first")).lang, "en");
    assert.equal((await state("first")).zone, "");
    assert.equal((await state("second")).zone, "Zone G");
    // Neither writes the portal's URL: only elements with the hash attribute do.
    assert.equal(new URL(await linkOf(page)).hash, "");
    // The iframe grows to the height its page reports.
    await page.waitForFunction(() => Number(document.getElementById("frame").height) > 1000, null, { timeout: 15000 });
    await page.screenshot({ path: shot("demo-embed"), fullPage: false });
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("an embedded widget's share link restores it, and only it", async () => {
  const { page, context, log } = await openPage(browser, `${server.url}demo.html`, { width: 1024, height: 900 });
  let link;
  try {
    await page.waitForSelector('#second[data-ready="true"]');
    await page.evaluate(() => {
      const second = document.getElementById("second");
      second.setAttribute("zone", "z05");
      second.setAttribute("view", "data");
    });
    link = await page.evaluate(() => document.getElementById("second").shareLink());
    assert.match(link, /#second\.view=data&second\.zone=z05/);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
  const reopened = await openPage(browser, link, { width: 1024, height: 900 });
  try {
    await reopened.page.waitForSelector('#first[data-ready="true"]');
    await reopened.page.waitForSelector('#second[data-ready="true"]');
    const state = (id) =>
      reopened.page.evaluate((id) => {
        const root = document.getElementById(id).shadowRoot;
        return { tab: root.querySelector('[aria-selected="true"]').dataset.tab, zone: root.querySelector(".zm-zone").value };
      }, id);
    assert.deepEqual(await state("second"), { tab: "data", zone: "Zone E" });
    assert.deepEqual(await state("first"), { tab: "overview", zone: "" });
  } finally {
    await reopened.context.close();
  }
});
