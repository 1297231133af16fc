// What a reader sees and hears (issue 13): every message both visible and
// in a live region, the zone search's candidates (part of a name, an id,
// either language, sub-parks, the nearest name when nothing matches), and
// the year player that stops at the last year and while nobody watches.
// Expected names are from www/data/zones.json (zone z03 is 丙高新区 / Zone C,
// its sub-parks z03-p1..p3; the data's years are 2018 to 2022).

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launch, openPage, problems, startServer, waitReady } from "./harness.mjs";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

async function open(hash = "", options = {}) {
  const opened = await openPage(browser, server.url + hash, options);
  await waitReady(opened.page);
  return opened;
}

const zone = "zone-monitor >> .zm-zone";

/** What the reader can see of an element: displayed, not clipped to a pixel. */
function visibleText(page, selector) {
  return page.locator("zone-monitor").evaluate((host, selector) => {
    const node = host.shadowRoot.querySelector(selector);
    if (!node) return null;
    const box = node.getBoundingClientRect();
    const style = getComputedStyle(node);
    const clipped = style.clipPath !== "none" || box.width < 8 || box.height < 8;
    return { text: node.textContent, visible: !clipped && style.visibility === "visible" && node.checkVisibility(), live: node.getAttribute("role") === "status" || node.getAttribute("aria-live") === "polite" };
  }, selector);
}

/** The candidates the listbox offers, as their names. */
function candidates(page) {
  return page.locator("zone-monitor").evaluate((host) => {
    const list = host.shadowRoot.querySelector('[role="listbox"]');
    return list.hidden ? [] : [...list.querySelectorAll('[role="option"] .zm-option-name')].map((o) => o.textContent);
  });
}

test("a failed search is said on screen and to a screen reader, with the nearest name", async () => {
  const { page, context, log } = await open("#lang=en&view=evaluation");
  try {
    await page.locator(zone).fill("Zoen C");
    // The listbox offers the nearest name (one letter swapped: Sellers' distance 2).
    assert.deepEqual(await candidates(page), ["No match; nearest: Zone C"]);
    await page.locator(zone).press("Escape");
    await page.locator(zone).press("Enter");
    await page.waitForFunction(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-message-text").textContent !== "");
    const message = await visibleText(page, ".zm-message-text");
    assert.equal(message.text, "No zone matches: Zoen C. The nearest is: Zone C");
    assert.ok(message.visible, "the message is on screen");
    assert.ok(message.live, "the message is a live region");
    // It can be dismissed.
    await page.locator("zone-monitor >> .zm-message .zm-dismiss").click();
    assert.equal((await visibleText(page, ".zm-message-text")).text, "");
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("a copied link is said on screen", async () => {
  const { page, context, log } = await open("#lang=zh", {
    beforeGoto: (page) => page.context().grantPermissions(["clipboard-read", "clipboard-write"]),
  });
  try {
    await page.locator("zone-monitor >> .zm-share").click();
    await page.waitForFunction(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-message-text").textContent !== "");
    const message = await visibleText(page, ".zm-message-text");
    assert.equal(message.text, "链接已复制");
    assert.ok(message.visible && message.live);
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /#view=overview/);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("a link's ignored settings are said on screen and can be dismissed", async () => {
  const { page, context, log } = await open("#zone=zzz&lang=en");
  try {
    const notice = await visibleText(page, ".zm-link-notice p");
    assert.equal(notice.text, "The link has settings this data cannot use; they were ignored: zone=zzz");
    assert.ok(notice.visible && notice.live);
    await page.locator("zone-monitor >> .zm-link-notice .zm-dismiss").click();
    assert.equal(await visibleText(page, ".zm-link-notice p"), null);
    // It stays dismissed when the widget redraws its chrome (a language switch).
    await page.locator("zone-monitor >> .zm-lang").click();
    assert.equal(await visibleText(page, ".zm-link-notice p"), null);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("part of a name, in either language and case, lists the candidates; Enter picks the best", async () => {
  const { page, context, log } = await open("#lang=en&view=evaluation");
  try {
    const input = page.locator(zone);
    // "zone c": Zone C exactly, then its three sub-parks ("Zone C, Park 1"...).
    await input.fill("zone c");
    assert.deepEqual(await candidates(page), ["Zone C", "Zone C, Park 1", "Zone C, Park 2", "Zone C, Park 3"]);
    assert.equal(await input.getAttribute("aria-expanded"), "true");
    // The Chinese name's first character, in the English widget.
    await input.fill("丙");
    assert.deepEqual(await candidates(page), ["Zone C", "Zone C, Park 1", "Zone C, Park 2", "Zone C, Park 3"]);
    // By id.
    await input.fill("Z03");
    assert.deepEqual((await candidates(page))[0], "Zone C");
    // Down arrow highlights the first candidate (aria-activedescendant), Enter picks it.
    await input.press("ArrowDown");
    const active = await input.getAttribute("aria-activedescendant");
    assert.equal(await page.locator(`zone-monitor >> #${active}`).getAttribute("aria-selected"), "true");
    await input.press("Enter");
    assert.match(page.url(), /zone=z03/);
    assert.equal(await input.inputValue(), "Zone C");
    assert.equal(await input.getAttribute("aria-expanded"), "false");
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("a sub-park's name selects its core zone and says so", async () => {
  const { page, context, log } = await open("#lang=zh&view=evaluation");
  try {
    const input = page.locator(zone);
    await input.fill("丙高新区二园");
    assert.deepEqual(await candidates(page), ["丙高新区二园"]);
    await input.press("Enter");
    assert.match(page.url(), /zone=z03/);
    assert.equal(await input.inputValue(), "丙高新区");
    await page.waitForFunction(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-message-text").textContent !== "");
    assert.equal((await visibleText(page, ".zm-message-text")).text, "丙高新区二园是分园区，已选中所属的丙高新区");
    // A click on a candidate chooses it too.
    await input.fill("乙");
    await page.locator("zone-monitor >> .zm-option").first().click();
    assert.match(page.url(), /zone=z02/);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

/** Plays from `year` and returns the play button's state and the year shown. */
async function playerState(page) {
  return page.locator("zone-monitor").evaluate((host) => ({
    pressed: host.shadowRoot.querySelector(".zm-play").getAttribute("aria-pressed"),
    year: host.widget.state().year,
  }));
}

test("the year player stops at the last year and says so", async () => {
  const { page, context, log } = await open("#lang=en&view=evaluation&year=2021");
  try {
    await page.locator("zone-monitor >> .zm-play").click();
    assert.deepEqual(await playerState(page), { pressed: "true", year: 2021 });
    await page.waitForFunction(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-play").getAttribute("aria-pressed") === "false", null, { timeout: 5000 });
    assert.deepEqual(await playerState(page), { pressed: "false", year: 2022 });
    await page.waitForTimeout(1500);
    assert.equal((await playerState(page)).year, 2022, "it did not loop");
    assert.equal((await visibleText(page, ".zm-message-text")).text, "Played to the last year; stopped.");
    // Play at the last year starts again from the first.
    await page.locator("zone-monitor >> .zm-play").click();
    assert.deepEqual(await playerState(page), { pressed: "true", year: 2018 });
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("the year player pauses when the widget leaves the screen or the page is hidden", async () => {
  const { page, context, log } = await open("#lang=en&view=evaluation&year=2018");
  try {
    await page.locator("zone-monitor >> .zm-play").click();
    assert.equal((await playerState(page)).pressed, "true");
    // A portal's page long enough to scroll the widget out of view.
    await page.evaluate(() => {
      const spacer = document.createElement("div");
      spacer.className = "spacer";
      spacer.style.height = "5000px";
      document.body.append(spacer);
      window.scrollTo(0, document.body.scrollHeight);
    });
    await page.waitForFunction(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-play").getAttribute("aria-pressed") === "false", null, { timeout: 3000 });
    const year = (await playerState(page)).year;
    await page.waitForTimeout(1500);
    assert.equal((await playerState(page)).year, year, "no year advanced off screen");

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator("zone-monitor >> .zm-play").click();
    assert.equal((await playerState(page)).pressed, "true");
    await page.evaluate(() => {
      Object.defineProperty(document, "hidden", { value: true, configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    assert.equal((await playerState(page)).pressed, "false");
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});
