// What a reader sees and hears (issue 13): every message both visible and
// in a live region, the zone search's candidates (part of a name, an id,
// either language, sub-parks, the nearest name when nothing matches), and
// the year player that stops at the last year and while nobody watches.
// Expected names are from www/data/zones.json (zone z03 is 丙高新区 / Zone C,
// its sub-parks z03-p1..p3; the data's years are 2018 to 2022).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { test } from "node:test";
import { browser, inWidget, linkOf, observeLayoutShifts, openPage, problems, ROOT, server, startServer, twoFrames, useServerAndBrowser, waitReady } from "./harness.mjs";

useServerAndBrowser();

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
    // It stays dismissed when the widget redraws its chrome (a language
    // switch, by keyboard: the focus stays on the language button, rebuilt).
    await page.locator("zone-monitor >> .zm-lang").focus();
    await page.keyboard.press("Enter");
    assert.equal(await visibleText(page, ".zm-link-notice p"), null);
    const focus = await page.locator("zone-monitor").evaluate((host) => {
      const active = host.shadowRoot.activeElement;
      return { lang: host.getAttribute("lang"), focused: active?.className, text: active?.textContent };
    });
    assert.deepEqual(focus, { lang: "zh", focused: "zm-button zm-lang", text: "English" });
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
    assert.match(await linkOf(page), /zone=z03/);
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
    assert.match(await linkOf(page), /zone=z03/);
    assert.equal(await input.inputValue(), "丙高新区");
    await page.waitForFunction(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-message-text").textContent !== "");
    assert.equal((await visibleText(page, ".zm-message-text")).text, "丙高新区二园是分园区，已选中所属的丙高新区");
    // A click on a candidate chooses it too.
    await input.fill("乙");
    await page.locator("zone-monitor >> .zm-option").first().click();
    assert.match(await linkOf(page), /zone=z02/);
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
    // Nothing left to advance the year: the player's only timer is cleared.
    assert.equal(await page.evaluate(() => document.querySelector("zone-monitor").playing), null, "it does not loop");
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
    // Nothing left to advance the year off screen: the player's timer is cleared.
    assert.equal(await page.evaluate(() => document.querySelector("zone-monitor").playing), null, "no year advances off screen");

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

test("each measure is explained at its chart and in the glossary, with the report's sentence", async () => {
  // The words are views::glossary's; the quoted sentence is claim C19's text
  // in www/data/zones.json.
  const { page, context, log } = await open("#lang=en&view=imbalance");
  try {
    const lorenz = page.locator("zone-monitor >> [id$='-chart-lorenz']");
    const lines = await lorenz.locator(".zm-about-line strong").allTextContents();
    assert.deepEqual(lines, ["Gini coefficient, land-weighted", "Gini of GDP over zones"]);
    const details = lorenz.locator(".zm-about-more");
    assert.equal(await details.evaluate((d) => d.open), false, "folded until asked");
    await details.locator("summary").click();
    assert.equal(await details.locator(".zm-report-quote").textContent(), "The report says: Growth is unbalanced overall. (C19)");
    assert.ok(await details.locator(".zm-report-quote").isVisible());
    // Theil and the similarity chart each explain theirs.
    assert.deepEqual(await page.locator("zone-monitor >> [id$='-chart-theil'] .zm-about-line strong").allTextContents(), ["Theil index"]);
    await page.locator("zone-monitor >> .zm-tab[data-tab=data]").click();
    const terms = await page.locator("zone-monitor >> .zm-glossary dt").allTextContents();
    assert.deepEqual(terms, ["Gini coefficient, land-weighted", "Gini of GDP over zones", "Theil index", "Cosine similarity", "Location quotient", "Composite score", "TOPSIS (closeness to the ideal)"]);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
  const zh = await open("#lang=zh&view=specialisation");
  try {
    const card = zh.page.locator("zone-monitor >> [id$='-chart-similarity']");
    assert.deepEqual(await card.locator(".zm-about-line strong").allTextContents(), ["余弦相似度"]);
    assert.equal(await card.locator(".zm-about-more summary").textContent(), "这是什么意思？");
  } finally {
    await zh.context.close();
  }
});

/** A phone: 360 CSS px, touch (pointer: coarse). */
async function openPhone(hash) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(server.url + hash);
  await waitReady(page);
  return { page, context };
}

test("?lang=en in the page's address opens the widget in English, as lang=en in the hash does", async () => {
  for (const address of ["?lang=en", "?lang=en#view=evaluation"]) {
    const { page, context, log } = await open(address);
    try {
      const seen = await page.evaluate(() => {
        const host = document.querySelector("zone-monitor");
        return { lang: host.widget.state().lang, tab: host.shadowRoot.querySelector(".zm-tab").textContent };
      });
      assert.equal(seen.lang, "en", address);
      assert.equal(seen.tab, "Overview", address);
      assert.deepEqual(problems(log), []);
    } finally {
      await context.close();
    }
  }
});

test("on a phone every control a finger uses is at least 44×44 CSS px, slider thumbs included", async () => {
  // WCAG 2.5.5 (target size, enhanced): 44 × 44 CSS px. Measured on the
  // page: each visible control's box, and each slider's thumb (its
  // computed ::-webkit-slider-thumb size, as the browser lays it out).
  const { page, context } = await openPhone("#lang=zh");
  try {
    const tabs = await page.locator("zone-monitor >> .zm-tab").evaluateAll((tabs) => tabs.map((t) => t.dataset.tab));
    const small = [];
    for (const tab of tabs) {
      await page.locator(`zone-monitor >> .zm-tab[data-tab=${tab}]`).click();
      small.push(...(await page.locator("zone-monitor").evaluate((host, tab) => {
        const found = [];
        for (const node of host.shadowRoot.querySelectorAll("button, input, select, summary, [role=option], [tabindex='0']:not(canvas)")) {
          if (!node.checkVisibility()) continue;
          const box = node.getBoundingClientRect();
          const name = `${tab}: ${node.className || node.tagName} ${node.textContent.trim().slice(0, 20)}`;
          if (box.width < 44 || box.height < 44) found.push(`${name} ${box.width.toFixed(0)}×${box.height.toFixed(0)}`);
          if (node.type === "range") {
            const thumb = getComputedStyle(node, "::-webkit-slider-thumb");
            if (!(parseFloat(thumb.width) >= 44 && parseFloat(thumb.height) >= 44)) found.push(`${name} thumb ${thumb.width}×${thumb.height}`);
          }
        }
        return found;
      }, tab)));
    }
    assert.deepEqual(small, []);
  } finally {
    await context.close();
  }
});

test("on a phone every chart's datum answers a tap within 22 px of it (a 44×44 target), on every tab", async () => {
  // WCAG 2.5.5 for canvas targets: a strip dot 6–8 px across must still be
  // a 44 × 44 px target. For each mark the widget drew (its box from
  // widget.marks), touch pointerdowns at 21 px to its left, right, top and
  // bottom (inside the canvas) must show a tooltip: the mark's own, or that
  // of a mark whose box is nearer (Chebyshev distance, ties to the nearer
  // centre: nearest-datum hit-testing, computed here independently). The
  // same probes with a mouse find nothing for some marks, so the touch
  // margin is what makes the targets large. (The similarity heatmap is
  // issue 12's.)
  const { page, context } = await openPhone("#lang=en");
  try {
    const tabs = await page.locator("zone-monitor >> .zm-tab").evaluateAll((tabs) => tabs.map((t) => t.dataset.tab));
    const wrong = [];
    let probes = 0;
    let mouseMisses = 0;
    for (const tab of tabs) {
      await page.locator(`zone-monitor >> .zm-tab[data-tab=${tab}]`).click();
      const result = await page.locator("zone-monitor").evaluate((host, tab) => {
        const found = { wrong: [], probes: 0, mouseMisses: 0 };
        for (const figure of host.shadowRoot.querySelectorAll("figure.zm-card")) {
          const canvas = figure.querySelector("canvas");
          const chart = figure.id.split("-chart-")[1];
          if (chart === "similarity" || !canvas.checkVisibility()) continue;
          const tooltip = figure.querySelector(".zm-tooltip");
          const marks = Array.from({ length: host.widget.mark_count(chart) }, (_, i) => host.widget.mark(chart, i));
          const box = canvas.getBoundingClientRect();
          const distance = (m, x, y) => Math.max(m.x0 - x, x - m.x1, 0, m.y0 - y, y - m.y1);
          const centre = (m, x, y) => (2 * x - m.x0 - m.x1) ** 2 + (2 * y - m.y0 - m.y1) ** 2;
          const nearest = (x, y) => marks.reduce((best, m) => {
            if (!best) return m;
            const [d, b] = [distance(m, x, y), distance(best, x, y)];
            return d < b || (d === b && centre(m, x, y) < centre(best, x, y)) ? m : best;
          }, null);
          const tap = (x, y, pointerType) => {
            tooltip.hidden = true;
            canvas.dispatchEvent(new PointerEvent("pointerdown", { pointerType, clientX: box.left + x, clientY: box.top + y, bubbles: true }));
            return tooltip.hidden ? null : tooltip.textContent;
          };
          for (const m of marks) {
            const [cx, cy] = [Math.round((m.x0 + m.x1) / 2), Math.round((m.y0 + m.y1) / 2)];
            const [hw, hh] = [Math.ceil((m.x1 - m.x0) / 2), Math.ceil((m.y1 - m.y0) / 2)];
            // 21 px beyond the box's edge in each direction: inside a 44 px square even for a point-sized mark.
            for (const [x, y] of [[cx - Math.max(21, hw), cy], [cx + Math.max(21, hw), cy], [cx, cy - Math.max(21, hh)], [cx, cy + Math.max(21, hh)]]) {
              if (x < 0 || y < 0 || x > box.width || y > box.height) continue;
              found.probes++;
              const shown = tap(x, y, "touch");
              const expected = nearest(Math.round(x), Math.round(y));
              // With every mark drawn at its very place (two zones' equal
              // values on the trends, zones in the bump's exited lane): the
              // first four and how many more (charts::hover_label).
              const here = marks.filter((o) => o.x0 === expected.x0 && o.y0 === expected.y0 && o.x1 === expected.x1 && o.y1 === expected.y1);
              const words = here.slice(0, 4).map((o) => o.label).join("; ") + (here.length > 4 ? `; and ${(here.length - 4).toLocaleString("en")} more` : "");
              if (shown === null || shown !== words) found.wrong.push(`${tab}/${chart} ${m.label.slice(0, 30)} at (${x},${y}): ${shown}`);
              if (tap(x, y, "mouse") === null) found.mouseMisses++;
            }
          }
        }
        return found;
      }, tab);
      wrong.push(...result.wrong);
      probes += result.probes;
      mouseMisses += result.mouseMisses;
    }
    assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} of ${probes} probes`);
    assert.ok(probes > 200, `probes: ${probes}`);
    assert.ok(mouseMisses > 0, "a mouse has the narrower margin");
  } finally {
    await context.close();
  }
});

test("on a phone the headline figures sit two to a row and the claims fold by verdict", async () => {
  const { page, context } = await openPhone("#lang=en");
  try {
    const lefts = await page.locator("zone-monitor >> .zm-figure-card").evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().left)));
    assert.ok(lefts.length >= 2);
    assert.equal(new Set(lefts).size, 2, `two columns: ${lefts}`);
    // Folded: only the contradictions' group is open (C8 and C9, docs/CLAIMS.md).
    const groups = page.locator("zone-monitor >> .zm-claim-group");
    const open = await groups.evaluateAll((gs) => gs.map((g) => [g.classList.contains("zm-contradictory"), g.open]));
    assert.ok(open.length >= 2);
    for (const [contradictory, isOpen] of open) assert.equal(isOpen, contradictory);
    const visibleClaims = () => page.locator("zone-monitor >> .zm-claim").evaluateAll((cs) => cs.filter((c) => c.checkVisibility()).map((c) => c.id.split("-claim-")[1]));
    assert.deepEqual(await visibleClaims(), ["C8", "C9"]);
    const only = page.locator("zone-monitor >> .zm-only-contradictions");
    await only.click();
    assert.equal(await only.getAttribute("aria-pressed"), "true");
    assert.equal(await groups.evaluateAll((gs) => gs.filter((g) => g.checkVisibility()).length), 1);
    await only.click();
    await page.locator("zone-monitor >> .zm-claim-group:not(.zm-contradictory) > summary").first().click();
    assert.ok((await visibleClaims()).length > 2, "a folded group opens");
  } finally {
    await context.close();
  }
});

/** Sets a weight slider as a drag would (input events) and waits for the
 * ranking to follow: the glance line changes or the status is rewritten. */
async function dragWeight(page, index, value) {
  const slider = page.locator("zone-monitor >> .zm-weight input").nth(index);
  await slider.scrollIntoViewIfNeeded();
  await slider.evaluate((s, value) => {
    s.value = String(value);
    s.dispatchEvent(new Event("input"));
  }, value);
}

/** Zone C's rank as the ranking chart's own datum says it ("5th Zone C …"). */
function rankOfZoneC(page) {
  return page.evaluate(() => {
    const marks = Array.from({ length: document.querySelector("zone-monitor").widget.mark_count("ranking") }, (_, i) => document.querySelector("zone-monitor").widget.mark("ranking", i));
    return marks.find((m) => m.label.includes("Zone C")).label.match(/\d+(st|nd|rd|th)/)[0];
  });
}

test("while a weight is dragged on a phone, one line with the top zone and the selected zone's rank stays on screen", async () => {
  // At 360 px the ranking chart is far below the sliders; the glance line
  // stuck to the screen's top must be inside the viewport, not over the
  // slider, and agree with the ranking chart's own data after each change.
  const { page, context } = await openPhone("#lang=en&view=evaluation&zone=z03");
  try {
    const glance = (index) => page.locator("zone-monitor").evaluate((host, index) => {
      const line = host.shadowRoot.querySelector(".zm-glance");
      const box = line.getBoundingClientRect();
      const slider = host.shadowRoot.querySelectorAll(".zm-weight input")[index].getBoundingClientRect();
      const clear = slider.top >= box.bottom || slider.bottom <= box.top;
      return { text: line.textContent, inView: box.top >= 0 && box.bottom <= innerHeight + 1 && box.height > 0 && line.checkVisibility(), clear };
    }, index);
    const seen = [];
    for (const [index, value] of [[0, 60], [1, 60], [2, 0]]) {
      await dragWeight(page, index, value);
      const line = await glance(index);
      assert.ok(line.inView, `the line is on screen after weight ${index} → ${value}`);
      assert.ok(line.clear, "the line does not cover the slider");
      assert.match(line.text, /^1st Zone [A-Z]+ \(\d+\.\d\)( · selected Zone C: \d+(st|nd|rd|th))?$/, line.text);
      const rank = await rankOfZoneC(page);
      if (rank !== "1st") assert.ok(line.text.endsWith(`selected Zone C: ${rank}`), `${line.text} vs the chart's ${rank}`);
      seen.push(line.text);
    }
    assert.ok(new Set(seen).size > 1, `the line follows the weights: ${seen.join(" | ")}`);
    const ranking = await page.locator("zone-monitor >> [id$='-chart-ranking'] canvas").evaluate((c) => c.getBoundingClientRect().top);
    assert.ok(ranking > 740, "the ranking chart itself is off screen: the line is what shows the result");
  } finally {
    await context.close();
  }
});

test("while a weight is dragged on a wide screen, the ranking chart sits beside the sliders, in view", async () => {
  const { page, context } = await open("#lang=en&view=evaluation&zone=z03", { width: 1280, height: 800 });
  try {
    for (const index of [0, 3]) {
      await dragWeight(page, index, 50);
      const [slider, ranking] = await page.locator("zone-monitor").evaluate((host, index) => {
        const box = (e) => { const b = e.getBoundingClientRect(); return { top: b.top, bottom: b.bottom, left: b.left, right: b.right }; };
        return [box(host.shadowRoot.querySelectorAll(".zm-weight input")[index]), box(host.shadowRoot.querySelector("[id$='-chart-ranking'] canvas"))];
      }, index);
      assert.ok(slider.top >= 0 && slider.bottom <= 800, `slider ${index} on screen`);
      assert.ok(ranking.top >= 0 && ranking.top < 800 - 200, `the ranking's top ${ranking.top} px is within the 800 px viewport`);
      assert.ok(ranking.left >= slider.right, "beside the sliders, to their right");
    }
  } finally {
    await context.close();
  }
});

test("on a narrow widget the controls fold behind one Settings row; wide, they are open", async () => {
  const { page, context } = await openPhone("#lang=zh&view=evaluation");
  try {
    const row = page.locator("zone-monitor >> .zm-settings > .zm-settings-row");
    assert.equal(await row.textContent(), "设置");
    assert.ok(await row.isVisible());
    assert.equal(await page.locator("zone-monitor >> .zm-zone").isVisible(), false, "folded");
    // The first chart's card starts higher than before: the controls take one row.
    const top = await page.locator("zone-monitor >> .zm-evaluation").evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(top < 400, `the evaluation starts at ${top} px`);
    await row.click();
    assert.ok(await page.locator("zone-monitor >> .zm-zone").isVisible());
    // Opened, they stay open across a language switch.
    await page.locator("zone-monitor >> .zm-lang").click();
    assert.equal(await row.textContent(), "Settings");
    assert.ok(await page.locator("zone-monitor >> .zm-zone").isVisible());
    // Wide: no row, the controls shown.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-settings-row").checkVisibility() === false);
    assert.ok(await page.locator("zone-monitor >> .zm-zone").isVisible());
  } finally {
    await context.close();
  }
});

test("the data tab: a value and its status in separate columns, in the table and the CSV; sources said in the reader's language", async () => {
  // Zone A (z01) in 2022, from www/data/zones.json: GDP 3054 (illustrative);
  // the GDP column needs one decimal (other zones have one), so 3,054.0.
  const { page, context, log } = await openPage(browser, `${server.url}#lang=zh&view=data`, {});
  await waitReady(page);
  try {
    const table = page.locator("zone-monitor >> .zm-data-table");
    const headers = await table.locator("thead th").allTextContents();
    const gdp = headers.indexOf("地区生产总值（亿元）");
    assert.ok(gdp > 0, headers.join(" | "));
    assert.equal(headers[gdp + 1], "地区生产总值·状态");
    const row = await table.locator("tbody tr").first().locator("th, td").allTextContents();
    assert.deepEqual([row[0], row[gdp], row[gdp + 1]], ["甲高新区", "3,054.0", "示意"]);
    assert.ok(headers.every((h) => (h.match(/[（(]/g) ?? []).length <= 1), "no nested brackets");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("zone-monitor >> .zm-button.zm-export-csv").first().click()]);
    const lines = (await readFile(await download.path(), "utf8")).split("\r\n");
    assert.match(lines[0], /^\ufeff"示意数据：4,860个园区层面数值中有4,860个为示意值（数值为虚构，不是官方统计）。示意值来源：/, "the notice first");
    const cells = lines[2].split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    assert.deepEqual([cells[gdp], cells[gdp + 1]], ['"3,054.0"', "示意"]);
    // Sources: their kind in Chinese and what they are; no program named.
    const sources = await page.locator("zone-monitor >> .zm-sources li").allTextContents();
    assert.match(sources[0], /（报告，2023）本组件核对的调研报告/);
    assert.ok(sources.every((s) => !/report|policy|generated|make-dataset/.test(s)), sources.join("\n"));
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("loading shows a skeleton of the first screen, and the page does not jump when the widget draws (CLS measured)", async () => {
  // Cumulative layout shift on the portal page of www/demo.html (text and a
  // second widget below the first), from the browser's own layout-shift
  // entries (PerformanceObserver, buffered) until both widgets are ready.
  const { page, context, log } = await openPage(browser, `${server.url}demo.html`, {
    width: 1280,
    height: 800,
    beforeGoto: observeLayoutShifts,
  });
  try {
    // The skeleton is there before the widget is ready (the wasm takes a moment).
    const skeleton = await page.locator("zone-monitor#first").evaluate((host) => {
      const box = host.shadowRoot.querySelector(".zm-skeleton");
      return box ? { height: box.getBoundingClientRect().height, status: box.querySelector('[role="status"]').textContent } : null;
    });
    if (skeleton) {
      assert.ok(skeleton.height >= 800, `a viewport tall: ${skeleton.height}`);
      assert.equal(skeleton.status, "正在加载…");
    }
    await waitReady(page, "zone-monitor#first");
    await waitReady(page, "zone-monitor#second");
    // A shift in the frames that follow is reported by then.
    await twoFrames(page);
    await twoFrames(page);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.01, `CLS ${cls}`);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("the standalone page shows a loading sign before any script runs (zh and en, no motion when reduced, elder size), a hint if nothing comes, a message without JavaScript, and the widget takes its place without a shift", async () => {
  // The widget's scripts held back (aborted): what the HTML and page.css
  // alone paint, the state a reader sees while the script, the wasm and
  // the data are on their way, or when a portal's policy blocks them.
  const boot = async (options, { javaScript = true, html = (text) => text } = {}) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: javaScript, ...options });
    try {
      const page = await context.newPage();
      await page.route(/\/(zone-monitor|frame)\.js$/, (route) => route.abort());
      await page.route(/\/(index\.html)?(#.*)?$/, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: html(await response.text()) });
      });
      await page.goto(server.url);
      const look = () => page.evaluate(() => {
        const sign = document.querySelector("zone-monitor .zm-boot");
        const bar = getComputedStyle(sign, "::after");
        const shown = (e) => !!e && e.checkVisibility({ visibilityProperty: true }) && e.getBoundingClientRect().height > 0;
        return {
          text: sign.textContent,
          // The sign and the hint in one live region: the hint is announced.
          role: sign.parentElement.getAttribute("role"),
          hintInside: sign.parentElement.contains(document.querySelector(".zm-boot-slow")),
          shown: shown(sign),
          animation: bar.animationName,
          fontSize: parseFloat(getComputedStyle(sign).fontSize),
          host: document.querySelector("zone-monitor").getBoundingClientRect().height,
          slow: shown(document.querySelector(".zm-boot-slow")),
          slowTop: document.querySelector(".zm-boot-slow").getBoundingClientRect().top,
          noscript: shown(document.querySelector(".zm-noscript")) ? document.querySelector(".zm-noscript").textContent.replace(/\s+/g, " ") : null,
        };
      });
      const first = await look();
      // 15 s on: the hint's animation (its only one) run to its end.
      await page.evaluate(() => document.getAnimations().forEach((a) => (a.currentTime = 15000)));
      return { ...first, later: await look() };
    } finally {
      await context.close();
    }
  };
  const plain = await boot({});
  assert.equal(plain.text, "正在加载… Loading...");
  assert.equal(plain.role, "status");
  assert.ok(plain.hintInside, "the hint in the sign's live region");
  assert.ok(plain.shown, "the sign is painted");
  assert.equal(plain.animation, "zm-boot");
  assert.ok(plain.host >= 640, `the widget's first screen is reserved: ${plain.host} px`);
  assert.deepEqual([plain.slow, plain.later.slow], [false, true], "the hint only after 15 s");
  assert.equal(plain.later.slowTop, plain.slowTop, "its space was kept: nothing moves");
  assert.equal(plain.noscript, null);
  const still = await boot({ reducedMotion: "reduce" });
  assert.equal(still.animation, "none", "no moving bar under reduced motion");
  assert.ok(still.later.slow, "the hint still comes under reduced motion");
  // Elder mode as an attribute a portal writes (the page's own link sets it
  // later, from the hash, which CSS cannot read): the widget's elder size.
  const elder = await boot({}, { html: (text) => text.replace("<zone-monitor hash", '<zone-monitor mode="elder" hash') });
  assert.ok(elder.fontSize >= 18 && elder.fontSize > plain.fontSize, `elder text ${elder.fontSize} px against ${plain.fontSize}`);
  // JavaScript off: no sign waiting forever, the message saying why.
  const off = await boot({}, { javaScript: false });
  assert.deepEqual([off.shown, off.slow, off.later.slow], [false, false, false], "neither the sign nor, 15 s on, the hint");
  assert.match(off.noscript, /^本页的图表需要 JavaScript。.* This page's charts need JavaScript\./);

  // With the script: once the element is defined its shadow root (no slot)
  // hides the sign, and nothing on the page moves from the first paint to
  // the whole tab drawn (layout-shift entries, buffered, as in the CLS test above).
  const { page, context, log } = await openPage(browser, server.url, {
    width: 360,
    height: 640,
    beforeGoto: observeLayoutShifts,
  });
  try {
    await waitReady(page);
    await twoFrames(page);
    const after = await page.evaluate(() => ({
      shown: document.querySelector(".zm-boot").checkVisibility(),
      cls: window.__cls,
    }));
    assert.equal(after.shown, false, "the sign is gone once the widget is there");
    assert.ok(after.cls < 0.01, `CLS ${after.cls}`);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("elder mode on a phone: a long summary shows three lines until Read all, so the chart stays near the top", async () => {
  const { page, context } = await openPhone("#lang=en&view=specialisation&mode=elder");
  try {
    const cards = () => page.locator("zone-monitor").evaluate((host) =>
      [...host.shadowRoot.querySelectorAll("figure.zm-card")].map((figure) => {
        const summary = figure.querySelector(".zm-summary");
        const more = figure.querySelector(".zm-read-all");
        return {
          chart: figure.id.split("-chart-")[1],
          canvasBelowTop: figure.querySelector("canvas").getBoundingClientRect().top - figure.getBoundingClientRect().top,
          cut: summary.scrollHeight > summary.clientHeight + 1,
          lines: Math.round(summary.clientHeight / parseFloat(getComputedStyle(summary).lineHeight)),
          more: more.checkVisibility(),
        };
      }),
    );
    const before = await cards();
    assert.ok(before.some((c) => c.more), `some summary is long enough to fold: ${JSON.stringify(before)}`);
    for (const card of before) {
      assert.ok(card.lines <= 3, `${card.chart}: ${card.lines} lines shown`);
      assert.equal(card.more, card.cut, `${card.chart}: Read all exactly where text is hidden`);
      // Three lines of 20 px text at 1.6, their spacing and a 60 px button: the chart starts within 300 px of its card.
      assert.ok(card.canvasBelowTop < 300, `${card.chart}: the chart starts ${card.canvasBelowTop} px down its card`);
    }
    const folded = before.find((c) => c.more).chart;
    const button = page.locator(`zone-monitor >> [id$='-chart-${folded}'] .zm-read-all`);
    const said = () => button.evaluate((b) => ({
      text: b.textContent,
      expanded: b.getAttribute("aria-expanded"),
      controls: b.getRootNode().getElementById(b.getAttribute("aria-controls"))?.classList.contains("zm-summary"),
      focused: b.getRootNode().activeElement === b,
    }));
    assert.deepEqual(await said(), { text: "Read all", expanded: "false", controls: true, focused: false });
    // By keyboard: the button opens the summary, says so, and keeps the focus.
    await button.focus();
    await page.keyboard.press("Enter");
    const opened = (await cards()).find((c) => c.chart === folded);
    assert.deepEqual([opened.cut, opened.more], [false, true], "the whole summary shows, the button stays to fold it");
    assert.ok(opened.lines > 3);
    assert.deepEqual(await said(), { text: "Show less", expanded: "true", controls: true, focused: true });
    await page.keyboard.press("Enter");
    const foldedAgain = (await cards()).find((c) => c.chart === folded);
    assert.ok(foldedAgain.lines <= 3 && foldedAgain.cut, "three lines again");
    assert.deepEqual(await said(), { text: "Read all", expanded: "false", controls: true, focused: true });
    // Opened, it stays open when the charts are drawn again (a resize, a
    // font), its button still there to fold it.
    await page.keyboard.press("Enter");
    await page.locator("zone-monitor").evaluate((host) => host.draw());
    assert.deepEqual((await said()).text, "Show less");
    assert.equal((await cards()).find((c) => c.chart === folded).more, true);
  } finally {
    await context.close();
  }
});

test("the studio's preview speaks the studio's language and has no language button of its own", async () => {
  const { page, context, log } = await openPage(browser, `${server.url}studio.html?lang=en`);
  try {
    await page.waitForSelector('zone-monitor[data-ready="true"]', { timeout: 15000 });
    const preview = () => page.evaluate(() => {
      const host = document.querySelector("zone-monitor");
      return { lang: host.widget.state().lang, button: host.shadowRoot.querySelector(".zm-lang") !== null };
    });
    assert.deepEqual(await preview(), { lang: "en", button: false });
    await page.locator(".st-lang").click();
    await page.waitForFunction(() => document.querySelector("zone-monitor").widget?.state().lang === "zh");
    assert.deepEqual(await preview(), { lang: "zh", button: false });
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

// The large-data tests' site: links to www's files in `dir` beside
// large.json, `zones` zones (2,000) from make-dataset (built by `cargo build
// --bins`), over its default years or `years`.
function largeSite(dir, years, zones = 2000) {
  for (const name of readdirSync(join(ROOT, "www"))) symlinkSync(join(ROOT, "www", name), join(dir, name));
  execFileSync(join(ROOT, "target/debug/make-dataset"), ["--zones", String(zones), ...(years ? ["--years", String(years)] : []), join(dir, "large.json")]);
}

// index.html reading large.json in English (or `lang`), without the bundled data's preload.
async function largePage(lang = "en") {
  return (await readFile(join(ROOT, "www/index.html"), "utf8")).replace("<zone-monitor hash", `<zone-monitor src="large.json" lang="${lang}" hash`).replace(/<link rel="preload" href="data[^>]*>/, "");
}

// Downloads throttled to `bytesPerSecond` (Chromium's network emulation).
async function throttle(page, bytesPerSecond) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: bytesPerSecond, uploadThroughput: -1 });
}

// Every text the skeleton's status line shows, recorded in window.__status
// as it changes (a MutationObserver), not sampled.
async function recordStatus(page) {
  await page.addInitScript(() => {
    window.__status = [];
    customElements.whenDefined("zone-monitor").then(() => {
      const root = document.querySelector("zone-monitor").shadowRoot;
      const note = () => {
        const text = root.querySelector(".zm-skeleton .zm-status")?.textContent;
        if (text && window.__status.at(-1) !== text) window.__status.push(text);
      };
      new MutationObserver(note).observe(root, { subtree: true, childList: true, characterData: true });
      note();
    });
  });
}

test("a large dataset: the skeleton says how much has arrived, then that it is computing, then the chart", async () => {
  // 2,000 zones from make-dataset (built by `cargo build --bins`), served
  // from a temporary folder beside links to www's files, the download
  // throttled to 8 MB/s so that it takes a moment. Every text the status
  // line shows is recorded as it changes (a MutationObserver), not sampled.
  const dir = mkdtempSync(join(tmpdir(), "zm-large-"));
  largeSite(dir);
  const size = statSync(join(dir, "large.json")).size;
  writeFileSync(join(dir, "large.html"), await largePage());
  const large = await startServer(dir);
  const { page, context, log } = await openPage(browser, `${large.url}large.html`, {
    beforeGoto: async (page) => {
      await throttle(page, 8 * 1024 * 1024);
      await recordStatus(page);
    },
  });
  try {
    await page.waitForSelector('zone-monitor[data-ready="true"]', { timeout: 120000 });
    const seen = await page.evaluate(() => window.__status);
    const megabytes = (size / 1048576).toFixed(1);
    const progress = seen.filter((t) => t.startsWith("Loading... ") && t.endsWith("%)"));
    assert.ok(progress.length >= 2, `progress said as it grows: ${seen.join(" | ")}`);
    assert.ok(progress.every((t) => t.includes(` of ${megabytes} MB (`)), `of the file's ${megabytes} MB: ${progress.join(" | ")}`);
    // Three full stops in English: the Chinese-first fonts set "…" mid-height.
    assert.equal(progress.at(-1), `Loading... ${megabytes} of ${megabytes} MB (100%)`);
    assert.equal(seen.at(-1), "Computing...", "then computing, last before the chart");
    const drawn = await page.locator("zone-monitor").evaluate((host) => host.shadowRoot.querySelector(".zm-canvas").width > 0 && !host.shadowRoot.querySelector(".zm-skeleton"));
    assert.ok(drawn, "the chart is drawn and the skeleton gone");
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
    large.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a large dataset: a weight change redraws the ranking at once, the other cards after its frame, then is ready", async () => {
  // 2,000 zones (a file over 2 MB): the stability chart's Monte Carlo and
  // the profile wait for the frame after the ranking (cards.js,
  // refreshCards), so the widget is not ready right after the move; once
  // it is, every card says what its view says.
  const dir = mkdtempSync(join(tmpdir(), "zm-large-"));
  largeSite(dir);
  writeFileSync(join(dir, "large.html"), await largePage());
  const large = await startServer(dir);
  const { page, context, log } = await openPage(browser, `${large.url}large.html#view=evaluation`);
  const cards = () =>
    inWidget(page, (root) =>
      [...root.querySelectorAll(".zm-card")].map((card) => {
        const chart = card.id.split("-chart-")[1];
        return { chart, shown: card.querySelector(".zm-summary").textContent, view: document.querySelector("zone-monitor").widget.card(chart).summary };
      }),
    );
  try {
    await page.waitForSelector('zone-monitor[data-ready="true"]', { timeout: 120000 });
    const before = await cards();
    assert.deepEqual(before.map((c) => c.chart), ["ranking", "profile", "stability"]);
    const moved = await page.evaluate(() => {
      const host = document.querySelector("zone-monitor");
      const slider = host.shadowRoot.querySelector(".zm-weight input");
      slider.value = String(Number(slider.value) + 10);
      slider.dispatchEvent(new Event("input"));
      const [ranking, , stability] = host.shadowRoot.querySelectorAll(".zm-card .zm-summary");
      return { ready: host.dataset.ready ?? null, ranking: ranking.textContent, stability: stability.textContent };
    });
    assert.equal(moved.ready, null, "not ready while cards are still to be drawn");
    assert.notEqual(moved.ranking, before[0].shown, "the ranking says the new weights at once");
    assert.equal(moved.stability, before[2].shown, "the stability chart's card is left to after the frame");
    await page.waitForSelector('zone-monitor[data-ready="true"]', { timeout: 30000 });
    const after = await cards();
    for (const card of after) assert.equal(card.shown, card.view, `${card.chart}: the card says what its view says`);
    assert.notEqual(after[2].shown, before[2].shown, "the stability chart's card says the new weights after the frame");
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
    large.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a large dataset sent compressed: progress in decoded MB, with no total or percentage", async () => {
  // 2,000 zones from make-dataset and its gzip at level 0 (stored: the
  // compressed size is near the decoded one, so a total taken from it would
  // look plausible and be shown), served by serve.py with Content-Encoding:
  // gzip at 1 MB/s. Content-Length is then the compressed size, the reader
  // counts decoded bytes: they differ, so no total is said; the last line
  // is the decoded size.
  const dir = mkdtempSync(join(tmpdir(), "zm-gzip-"));
  largeSite(dir);
  const json = await readFile(join(dir, "large.json"));
  const gzip = gzipSync(json, { level: 0 });
  writeFileSync(join(dir, "large.json.gz"), gzip);
  writeFileSync(join(dir, "large.html"), await largePage());
  const served = await startServer(dir);
  const encodings = [];
  const { page, context, log } = await openPage(browser, `${served.url}large.html`, {
    beforeGoto: async (page) => {
      page.on("response", (response) => response.url().endsWith("/large.json") && encodings.push(response.headers()["content-encoding"]));
      await throttle(page, 1024 * 1024);
      await recordStatus(page);
    },
  });
  try {
    await page.waitForSelector('zone-monitor[data-ready="true"]', { timeout: 120000 });
    assert.deepEqual(encodings, ["gzip"], "the dataset came compressed");
    const seen = await page.evaluate(() => window.__status);
    const progress = seen.filter((t) => t.includes(" MB"));
    assert.ok(progress.length >= 2, `progress said as it grows: ${seen.join(" | ")}`);
    assert.deepEqual(progress.filter((t) => !/^Loading\.\.\. [\d.]+ MB$/.test(t)), [], "no total, no percentage");
    assert.equal(progress.at(-1), `Loading... ${(json.length / 1048576).toFixed(1)} MB`, "the decoded size, last");
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
    served.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a large dataset's tables show a page of rows at a time and say which, in both languages; a chart's table is made when opened", async () => {
  // 2,000 zones from make-dataset: the data tab's table is paged by 25
  // (cards.js, over VERY_WIDE columns: 63 a row), the innovation card's (a
  // row per zone) by 100 (TABLE_ROWS). Expected texts by hand: the data
  // tab's rows 1–25, 26–50 (Next), 51–75 (PageDown), of 2,000; the
  // card's 1–100, then 101–200.
  // PageDown/PageUp work from the region that takes focus around a table;
  // a card's table stays on its page when a state change rebuilds it.
  const dir = mkdtempSync(join(tmpdir(), "zm-pages-"));
  largeSite(dir);
  writeFileSync(join(dir, "large.html"), await largePage());
  writeFileSync(join(dir, "large-zh.html"), await largePage("zh"));
  const large = await startServer(dir);
  const opened = [];
  try {
    const { page, log } = await openPage(browser, `${large.url}large.html#view=data`);
    opened.push(page.context());
    await waitReady(page);
    const pager = () => inWidget(page, (root) => ({ said: root.querySelector(".zm-pager-top .zm-rows").textContent, rows: root.querySelectorAll(".zm-data-table tbody tr").length, first: root.querySelector(".zm-data-table tbody th").textContent }));
    const first = await pager();
    assert.equal(first.said, "Rows 1–25 of 2,000");
    assert.equal(first.rows, 25, "a page of rows in the DOM, not 2,000");
    await page.locator("zone-monitor >> .zm-pager-top .zm-rows-next").click();
    const second = await pager();
    assert.equal(second.said, "Rows 26–50 of 2,000");
    assert.notEqual(second.first, first.first, "other zones");
    // The rows are the 51st to the 100th of the whole table, as Rust writes
    // it (the label is worked out in the page, the rows come from Rust).
    assert.deepEqual(
      await inWidget(page, (root) => [...root.querySelectorAll(".zm-data-table tbody tr")].map((tr) => tr.firstChild.textContent)),
      await page.locator("zone-monitor").evaluate((host) => host.widget.table_page("data", 25, 25).table.rows.map((row) => row[0])),
      "rows 26-50 of the whole table",
    );
    await page.locator("zone-monitor >> .zm-scroll:has(.zm-data-table)").focus();
    await page.keyboard.press("PageDown");
    assert.equal((await pager()).said, "Rows 51–75 of 2,000", "PageDown in the focused scroll region");
    // Back to the first page by the keyboard: Previous goes off, and the
    // focus moves to Next rather than falling to the page.
    await page.locator("zone-monitor >> .zm-pager-top .zm-rows-prev").focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    assert.equal((await pager()).said, "Rows 1–25 of 2,000");
    assert.deepEqual(await inWidget(page, (root) => [root.querySelector(".zm-rows-prev").disabled, root.activeElement?.classList.contains("zm-rows-next")]), [true, true], "Previous disabled, Next focused");
    assert.equal(await page.locator("zone-monitor >> .zm-pager-top .zm-rows").getAttribute("aria-live"), "polite");
    // A tab of a file this large can take a good part of a second: the
    // panel says it is computing before the work, not ready, and that line
    // is still there when the next frame is painted (recorded as the panel
    // changes and at that frame, not sampled).
    await page.locator("zone-monitor").evaluate((host) => {
      const panel = host.shadowRoot.querySelector(".zm-panel");
      window.__said = [];
      new MutationObserver(() => {
        const line = panel.querySelector(":scope > .zm-status");
        if (!line) return;
        const said = [line.textContent, line.getAttribute("role"), host.dataset.ready ?? null];
        requestAnimationFrame(() => window.__said.push([...said, line.isConnected]));
      }).observe(panel, { childList: true });
    });
    await page.locator("zone-monitor >> .zm-tab[data-tab=innovation]").click();
    await page.waitForSelector('zone-monitor[data-ready="true"]');
    assert.deepEqual(await page.evaluate(() => window.__said), [["Computing...", "status", null, true]], "said, and painted before the work");
    // The tab already open, chosen again: drawn again at once, no
    // "Computing..." that would stay (review).
    await page.locator("zone-monitor >> .zm-tab[data-tab=innovation]").click();
    await page.waitForSelector('zone-monitor[data-ready="true"]');
    assert.equal(await page.evaluate(() => window.__said.length), 1);
    assert.equal(await page.locator("zone-monitor >> [id$=-chart-innovation]").count(), 1);
    // A closed card's table is not in the page; opened, it is paged too.
    const card = "zone-monitor >> [id$=-chart-innovation]";
    assert.equal(await page.locator(card).count(), 1);
    assert.equal(await page.locator(`${card} .zm-table-box tr`).count(), 0, "not made while closed");
    await page.locator(`${card} .zm-table-toggle`).click();
    assert.match(await page.locator(`${card} .zm-pager-top .zm-rows`).textContent(), /^Rows 1–100 of [\d,]+$/);
    const box = page.locator(`${card} .zm-table-box`);
    assert.equal(await box.getAttribute("role"), "region");
    assert.equal(await box.getAttribute("aria-label"), await box.locator("caption").textContent(), "named by its caption");
    await box.focus();
    await page.keyboard.press("PageDown");
    assert.match(await page.locator(`${card} .zm-pager-top .zm-rows`).textContent(), /^Rows 101–200 of [\d,]+$/, "PageDown in the focused table region");
    // A state change (a zone chosen) builds the table again, on that page.
    await page.locator("zone-monitor").evaluate((host) => {
      window.__oldTable = host.shadowRoot.querySelector("[id$=-chart-innovation] table");
      host.setAttribute("zone", host.zoneList[0].id);
    });
    assert.equal(await page.locator(`${card} table`).evaluate((t) => t === window.__oldTable), false, "the table was built again");
    assert.match(await page.locator(`${card} .zm-pager-top .zm-rows`).textContent(), /^Rows 101–200 of [\d,]+$/, "and stays on its page");
    // A tab of several cards at this scale: its first card drawn at once
    // (zone-monitor:ready), the others still empty boxes, busy and not
    // ready; each drawn after that frame, then ready and not busy.
    const charts = await page.locator("zone-monitor").evaluate((host) => host.widget.tabs().find((t) => t.id === "imbalance").charts.length);
    assert.ok(charts > 2, "a tab of several cards");
    const atFirst = await page.locator("zone-monitor").evaluate((host) => {
      const root = host.shadowRoot;
      const seen = new Promise((resolve) => host.addEventListener("zone-monitor:ready", () => resolve({
        drawn: root.querySelectorAll(".zm-panel .zm-card .zm-canvas").length,
        waiting: root.querySelectorAll(".zm-panel figure.zm-card:empty").length,
        busy: host.getAttribute("aria-busy"),
        ready: host.dataset.ready ?? null,
      }), { once: true }));
      root.querySelector(".zm-tab[data-tab=imbalance]").click();
      return seen;
    });
    assert.deepEqual(atFirst, { drawn: 1, waiting: charts - 1, busy: "true", ready: null });
    await page.waitForSelector('zone-monitor[data-ready="true"]');
    assert.deepEqual(
      await page.locator("zone-monitor").evaluate((host) => [host.shadowRoot.querySelectorAll(".zm-panel .zm-card .zm-canvas").length, host.shadowRoot.querySelectorAll(".zm-panel figure.zm-card:empty").length, host.getAttribute("aria-busy")]),
      [charts, 0, null],
      "every card drawn, then ready",
    );
    assert.deepEqual(problems(log), []);

    const zh = await openPage(browser, `${large.url}large-zh.html#view=data`);
    opened.push(zh.page.context());
    await waitReady(zh.page);
    assert.equal(await zh.page.locator("zone-monitor >> .zm-pager-top .zm-rows").textContent(), "第 1–25 行，共 2,000 行");
    assert.deepEqual(problems(zh.log), []);
  } finally {
    for (const context of opened) await context.close();
    large.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a large table keeps its page and the pager's focus when a state change rebuilds it, and has its pager below it too", async () => {
  // 2,000 zones from make-dataset, the data tab paged by 25 and a card's
  // table by 100 (cards.js). A year change writes the data tab's cells
  // again in place (controls.js, update; it rebuilt the tab until issue
  // 15's second round), a zone chosen rebuilds a card's table; before
  // issue 15 the data tab went back to its first rows and the focus fell
  // to the page. Expected texts by hand: the data tab's rows 26–50, 51–75 of
  // 2,000; the card's 101–200. The pager below the table: the same words, not
  // announced a second time; its Next turns the page and keeps the focus,
  // pressed by Enter or by the mouse (a tester found a click sent it to the
  // pager above, away from where the reader was).
  const dir = mkdtempSync(join(tmpdir(), "zm-keep-"));
  largeSite(dir);
  writeFileSync(join(dir, "large.html"), await largePage());
  const large = await startServer(dir);
  const { page, log, context } = await openPage(browser, `${large.url}large.html#view=data`);
  try {
    await waitReady(page);
    const state = () => inWidget(page, (root) => ({
      top: root.querySelector(".zm-pager-top .zm-rows").textContent,
      end: root.querySelector(".zm-pager-end .zm-rows").textContent,
      first: root.querySelector(".zm-data-table tbody th").textContent,
      focus: root.activeElement?.dataset.keep ?? root.activeElement?.className ?? null,
    }));
    assert.equal((await state()).end, "Rows 1–25 of 2,000", "the pager below says the same");
    assert.equal(await page.locator("zone-monitor >> .zm-pager-end .zm-rows").getAttribute("aria-live"), null, "said once, by the pager above");
    // The pager below: Next turns the page and keeps the focus, by Enter
    // and by a click, and stays where it was on the screen.
    const endNext = page.locator("zone-monitor >> .zm-pager-end .zm-rows-next");
    await endNext.focus();
    const at = await endNext.evaluate((b) => b.getBoundingClientRect().top);
    await page.keyboard.press("Enter");
    const second = await state();
    assert.deepEqual([second.top, second.end, second.focus], ["Rows 26–50 of 2,000", "Rows 26–50 of 2,000", "next-end"]);
    assert.equal(await endNext.evaluate((b) => b.getBoundingClientRect().top), at, "the button pressed did not move");
    await endNext.click();
    const clicked = await state();
    assert.deepEqual([clicked.top, clicked.focus], ["Rows 51–75 of 2,000", "next-end"], "a click keeps it too");
    await page.locator("zone-monitor >> .zm-pager-end .zm-rows-prev").click();
    const back = await state();
    assert.deepEqual([back.top, back.focus], ["Rows 26–50 of 2,000", "prev-end"]);
    // The pager above keeps its own focus the same way.
    await page.locator("zone-monitor >> .zm-pager-top .zm-rows-next").click();
    assert.deepEqual(await state().then((s) => [s.top, s.focus]), ["Rows 51–75 of 2,000", "next-top"]);
    await page.locator("zone-monitor >> .zm-pager-top .zm-rows-prev").click();
    await page.locator("zone-monitor >> .zm-pager-top .zm-rows-next").focus();
    // A year change with the focus on Next: the same table, its cells
    // written again in place (the same button keeps the focus), on the
    // same page; every cell and the caption as Rust writes that page for
    // the new year, the region named by the new caption.
    const cells = (root) => [...root.querySelectorAll(".zm-data-table tr")].map((tr) => [...tr.cells].map((c) => c.textContent));
    const before = await inWidget(page, cells);
    const year = await page.locator("zone-monitor").evaluate((host) => {
      window.__oldNext = host.shadowRoot.querySelector(".zm-pager-top .zm-rows-next");
      const year = host.widget.state().year - 1;
      host.setAttribute("year", String(year));
      return year;
    });
    assert.equal(await page.locator("zone-monitor").evaluate((host) => host.widget.state().year), year, "the year changed");
    assert.equal(await page.locator("zone-monitor >> .zm-pager-top .zm-rows-next").evaluate((b) => b === window.__oldNext), true, "the same table, written in place");
    const after = await state();
    assert.deepEqual([after.top, after.first, after.focus], ["Rows 26–50 of 2,000", second.first, "next-top"], "page and focus kept");
    const written = await page.locator("zone-monitor").evaluate((host) => {
      const { caption, columns, rows } = host.widget.table_page("data", 25, 25).table;
      const root = host.shadowRoot;
      return { caption, cells: [columns, ...rows], shown: root.querySelector(".zm-data-table caption").textContent, label: root.querySelector(".zm-scroll").getAttribute("aria-label") };
    });
    assert.deepEqual(await inWidget(page, cells), written.cells, "the new year's rows 26-50, every cell");
    assert.notDeepEqual(written.cells, before, "values of another year");
    assert.match(written.caption, new RegExp(`${year}`));
    assert.deepEqual([written.shown, written.label], [written.caption, written.caption], "caption and region's name follow the year");
    await page.keyboard.press("Enter");
    assert.equal((await state()).top, "Rows 51–75 of 2,000", "the focused button still works");
    // The scroll region focused (PageDown there) is given back the same way.
    await page.locator("zone-monitor >> .zm-scroll:has(.zm-data-table)").focus();
    await page.locator("zone-monitor").evaluate((host) => host.setAttribute("year", String(host.widget.state().year + 1)));
    assert.deepEqual(await state().then((s) => [s.top, s.focus]), ["Rows 51–75 of 2,000", "region"]);

    // A card's table: the focus on its pager kept when a zone is chosen.
    await page.locator("zone-monitor >> .zm-tab[data-tab=innovation]").click();
    await page.waitForSelector('zone-monitor[data-ready="true"]');
    const card = "zone-monitor >> [id$=-chart-innovation]";
    await page.locator(`${card} .zm-table-toggle`).click();
    await page.locator(`${card} .zm-pager-top .zm-rows-next`).focus();
    await page.keyboard.press("Enter");
    await page.locator("zone-monitor").evaluate((host) => {
      window.__oldTable = host.shadowRoot.querySelector("[id$=-chart-innovation] table");
      host.setAttribute("zone", host.zoneList[0].id);
    });
    assert.equal(await page.locator(`${card} table`).evaluate((t) => t === window.__oldTable), false, "the table was built again");
    assert.match(await page.locator(`${card} .zm-pager-top .zm-rows`).textContent(), /^Rows 101–200 of [\d,]+$/);
    assert.equal(await inWidget(page, (root) => root.activeElement?.dataset.keep), "next-top", "its Next keeps the focus");
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
    large.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

// A CSV as Table::to_csv writes it (RFC 4180: quoted fields with quotes
// doubled, CRLF between rows, a byte-order mark first), read back into
// cells; the apostrophe it sets before a cell that would start a formula
// (=, +, @, -, tab, CR) dropped again. The files here are illustrative
// (make-dataset's): the first record, one field, says so (views::ui::
// export_notice), checked and left out.
function csvCells(csv) {
  const [notice, ...rows] = csvRecords(csv);
  assert.equal(notice.length, 1, `the notice is one field: ${notice}`);
  assert.match(notice[0], /^(示意数据：.*（数值为虚构，不是官方统计）。示意值来源：|Illustrative data: .* \(made up, not official statistics\)\. Sources? of the illustrative values: )/);
  return rows;
}

function csvRecords(csv) {
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = csv.charCodeAt(0) === 0xfeff ? 1 : 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') cell += csv[++i];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && csv[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  return rows.map((r) => r.map((cell) => (/^'[=+@\-\t\r]/.test(cell) ? cell.slice(1) : cell)));
}

test("a chart's table at national scale is written a page at a time: the rows shown are the CSV's, and no more are asked of Rust", async () => {
  // 2,000 zones over 20 years from make-dataset, the innovation tab: the
  // innovation strips' table (a row per zone and quantity, 5 columns) and
  // the trends' (a row per zone, 22 columns: a year each, and the growth). Each opened and paged
  // forward twice: 100 rows a page (cards.js TABLE_ROWS), the trends' 50
  // (TABLE_ROWS >> 1, over WIDE_COLUMNS = 12 columns), so rows 201–300 and
  // 101–150, by hand. The rows on screen, cell for cell, are those rows of
  // the chart's CSV (every row, written by Rust's Table::to_csv from the
  // whole table), its header the table's; the pager counts the CSV's
  // rows. Every table the page asks of the widget while doing so is
  // recorded (table_page wrapped): none has more than a page of rows
  // (before issue 15's paging the card carried the whole table; now it
  // carries none, checked below).
  const dir = mkdtempSync(join(tmpdir(), "zm-chart-pages-"));
  largeSite(dir, 20);
  writeFileSync(join(dir, "large.html"), await largePage());
  const large = await startServer(dir);
  const { page, log, context } = await openPage(browser, `${large.url}large.html#view=innovation`);
  try {
    await waitReady(page);
    await page.locator("zone-monitor").evaluate((host) => {
      const widget = host.widget;
      const tablePage = widget.table_page.bind(widget);
      window.__asked = [];
      widget.table_page = (table, from, count) => {
        const rows = tablePage(table, from, count);
        window.__asked.push([table, from, rows.table.rows.length]);
        return rows;
      };
    });
    assert.deepEqual(
      await page.locator("zone-monitor").evaluate((host) => Object.keys(host.widget.card("innovation")).sort()),
      ["about", "summary", "title"],
      "a card's texts carry no table",
    );
    const paged = { innovation: [201, 300, 100], trends: [101, 150, 50] };
    for (const [chart, [first, last, size]] of Object.entries(paged)) {
      const card = `zone-monitor >> [id$=-chart-${chart}]`;
      await page.locator(`${card} .zm-table-toggle`).click();
      await page.locator(`${card} .zm-pager-top .zm-rows-next`).click();
      await page.locator(`${card} .zm-pager-end .zm-rows-next`).click();
      const csv = csvCells(await page.locator("zone-monitor").evaluate((host, chart) => host.widget.export_csv(chart), chart));
      const total = csv.length - 1;
      assert.equal(csv[0].length, { innovation: 5, trends: 22 }[chart], `${chart}: its columns`);
      assert.ok(total >= 1978, `${chart}: ${total} rows, one per zone or more`);
      assert.equal(await page.locator(`${card} .zm-pager-top .zm-rows`).textContent(), `Rows ${first}–${last} of ${total.toLocaleString("en")}`);
      // The trends' summary counts its zones (a row each) grouped as the
      // pager does: "GDP of 1,978 zones", not "1978" (a tester).
      if (chart === "trends") assert.match(await page.locator(`${card} .zm-summary`).textContent(), new RegExp(` of ${total.toLocaleString("en")} zones, `));
      const cells = (selector) => page.locator(`${card} ${selector}`).evaluateAll((rows) => rows.map((tr) => [...tr.children].map((c) => c.textContent)));
      assert.deepEqual(await cells("thead tr"), [csv[0]], `${chart}: the columns`);
      const shown = await cells("tbody tr");
      assert.equal(shown.length, size);
      assert.deepEqual(shown, csv.slice(first, last + 1), `${chart}: rows ${first}-${last} of the CSV`);
    }
    const asked = await page.evaluate(() => window.__asked);
    assert.deepEqual(asked.filter(([, , rows]) => rows > 100), [], "no more than a page of rows asked for");
    for (const [chart, [, , size]] of Object.entries(paged)) {
      const pages = asked.filter(([table, , rows]) => table === chart && rows);
      assert.deepEqual(pages.map(([, from]) => from), [0, size, 2 * size], `${chart}: a page at a time`);
    }
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
    large.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a paged table that a filter cuts to a page or less shows all its rows, from the first, without a pager", async () => {
  // 300 zones over 20 years from make-dataset: 278 core zones, 96 of them
  // national (make-dataset's levels, counted in its file). The rank over
  // the years' table (21 columns: paged by TABLE_ROWS >> 1, 50) turned to rows
  // 51–100 of 278; then the level filter "national": 96 rows, a table of
  // TABLE_ROWS (100) or fewer, shown whole. A reviewer found that the page
  // kept its start (50) and showed rows 51–96 as if they were all, without
  // a pager: every row of the chart's CSV must be on screen.
  const dir = mkdtempSync(join(tmpdir(), "zm-shrunk-"));
  largeSite(dir, 20, 300);
  writeFileSync(join(dir, "large.html"), await largePage());
  const large = await startServer(dir);
  const { page, log, context } = await openPage(browser, `${large.url}large.html#view=dynamic`);
  const card = "zone-monitor >> [id$=-chart-bump]";
  try {
    await waitReady(page);
    await page.locator(`${card} .zm-table-toggle`).click();
    await page.locator(`${card} .zm-pager-top .zm-rows-next`).click();
    assert.equal(await page.locator(`${card} .zm-pager-top .zm-rows`).textContent(), "Rows 51–100 of 278");
    await page.locator("zone-monitor >> .zm-level").selectOption("national");
    await waitReady(page);
    const csv = csvCells(await page.locator("zone-monitor").evaluate((host) => host.widget.export_csv("bump")));
    assert.equal(csv.length - 1, 96, "the national zones' rows");
    const shown = await page.locator(`${card} tbody tr`).evaluateAll((rows) => rows.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.deepEqual(shown, csv.slice(1), "every row, from the first");
    assert.equal(await page.locator(`${card} .zm-pager`).count(), 0, "no pager");
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
    large.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a hover on the rank over the years' exited lane names every zone at that point", async () => {
  // 300 zones over 20 years from make-dataset: zones named for exit in
  // the same years share a point of the lane under the ranks. The
  // keyboard reaches each of them (its own mark); a hover named only the
  // first (a tester). Expected: the keyboard's words for each zone at
  // that point, the first four and "and N more".
  const dir = mkdtempSync(join(tmpdir(), "zm-lane-"));
  largeSite(dir, 20, 300);
  writeFileSync(join(dir, "large.html"), await largePage());
  const large = await startServer(dir);
  const { page, log, context } = await openPage(browser, `${large.url}large.html#view=dynamic`);
  try {
    await waitReady(page);
    const group = await inWidget(page, (root) => {
      const host = root.host;
      const marks = Array.from({ length: host.widget.mark_count("bump") }, (_, i) => host.widget.mark("bump", i));
      const lane = new Map();
      for (const m of marks.filter((m) => m.label.includes("no longer ranked"))) {
        const key = [m.x0, m.y0, m.x1, m.y1].join();
        lane.set(key, [...(lane.get(key) ?? []), m]);
      }
      return [...lane.values()].sort((a, b) => b.length - a.length)[0] ?? [];
    });
    assert.ok(group.length >= 2, `${group.length} zones at the lane's busiest point`);
    const [first] = group;
    const at = await page.evaluate((y) => {
      const host = document.querySelector("zone-monitor");
      const canvas = host.shadowRoot.querySelector(`#${host.uid}-chart-bump canvas`);
      window.scrollBy(0, canvas.getBoundingClientRect().top + y - 200);
      const box = canvas.getBoundingClientRect();
      return { left: box.left, top: box.top };
    }, first.y0);
    await page.mouse.move(at.left + (first.x0 + first.x1) / 2, at.top + (first.y0 + first.y1) / 2);
    const tip = await inWidget(page, (root) => root.querySelector("[id$=-chart-bump] .zm-tooltip").textContent);
    const named = group.slice(0, 4).map((m) => m.label).join("; ");
    assert.equal(tip, group.length > 4 ? `${named}; and ${(group.length - 4).toLocaleString("en")} more` : named);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
    large.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("at national scale every summary groups its counts, and the industries' total under a filter is the zones shown", async () => {
  // 2,000 zones over 20 years from make-dataset, in Chinese. Every tab's
  // summaries: no count of a thousand or more ungrouped ("1978家"; a
  // tester found it in the ranking's and the trends', then the Lorenz's,
  // the scatter's and others had it too); the file's years where they read
  // as years, and ranks ("第1361名") places. Then the specialisation tab
  // with the level "regional": the
  // industries' total row and its sentence say they sum the zones shown
  // (before, every zone's, labelled "全部高新区合计"), with as many zones
  // as the headline counts, and the pager counts those zones and the total.
  const dir = mkdtempSync(join(tmpdir(), "zm-grouped-"));
  largeSite(dir, 20);
  writeFileSync(join(dir, "large.html"), await largePage("zh"));
  const large = await startServer(dir);
  const { page, log, context } = await openPage(browser, `${large.url}large.html#view=overview`);
  try {
    await waitReady(page);
    const tabs = await page.locator("zone-monitor >> .zm-tab").evaluateAll((tabs) => tabs.map((t) => t.dataset.tab));
    const y = (await page.locator("zone-monitor").evaluate((host) => host.widget.years())).join("|");
    const asYears = new RegExp(`(?:${y})(?=年)|(?:${y})[–-](?:${y})|[(（](?:${y})[)）]|(?:${y})(?= -?\\d+(\\.\\d+)?%)`, "g");
    for (const tab of tabs.filter((t) => t !== "data")) {
      await page.locator(`zone-monitor >> .zm-tab[data-tab=${tab}]`).click();
      await waitReady(page);
      // The summaries, and the overview's claims' "values used" lines.
      const summaries = await page.locator("zone-monitor >> :is(.zm-summary, .zm-basis)").allTextContents();
      assert.ok(summaries.length > 0, tab);
      for (const text of summaries) {
        // A rank is a place, not a count: "第1361名", "第1246–1487名" left
        // as they are; one of the file's years only where it reads as one
        // ("2022年", "2003–2022", "（2022）", "2003 3.7%" in a series), so
        // an ungrouped "2000个", "（1978家）" or "2000 zones" is still caught.
        const counts = text.replace(/第\d+(–\d+)?名/g, "").replace(asYears, "");
        const ungrouped = counts.match(/(?<![\d,.])\d{4,}(?![\d,])/g) ?? [];
        assert.deepEqual(ungrouped, [], `${tab}: ${text}`);
      }
    }
    await page.locator("zone-monitor >> .zm-tab[data-tab=specialisation]").click();
    await waitReady(page);
    await page.locator("zone-monitor >> .zm-level").selectOption("regional");
    await waitReady(page);
    const card = "zone-monitor >> [id$=-chart-industries]";
    const summary = await page.locator(`${card} .zm-summary`).textContent();
    const zones = summary.match(/([\d,]+)个高新区中/)?.[1];
    assert.ok(zones, summary);
    assert.match(summary, new RegExp(`筛选范围${zones}个高新区合计（\\d{4}年）：`));
    assert.doesNotMatch(summary, /全部高新区合计/);
    const csv = csvCells(await page.locator("zone-monitor").evaluate((host) => host.widget.export_csv("industries")));
    assert.match(csv[1][0], new RegExp(`^筛选范围${zones}个高新区合计`), "the CSV's first row");
    const rows = csv.length - 1;
    assert.equal(rows, Number(zones.replace(/,/g, "")) + 1, "the zones and their total");
    await page.locator(`${card} .zm-table-toggle`).click();
    assert.equal(await page.locator(`${card} .zm-pager-top .zm-rows`).textContent(), `第 1–100 行，共 ${rows.toLocaleString("en")} 行`);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
    large.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("src changed during a large download: the older download is cancelled and never writes into the newer load", async () => {
  // The first src is 2,000 zones from make-dataset downloaded at 1 MB/s
  // (CDP throttling), so it is still arriving when the test switches src to
  // a 5-zone file (0.6 MB), whose response is held back 1.5 s by a route:
  // the time in which an older download, not cancelled, would write its
  // "MB of MB" into the newer skeleton. After the switch every progress
  // line must be the 5-zone file's, its size in MB computed here from the
  // file.
  const dir = mkdtempSync(join(tmpdir(), "zm-switch-"));
  largeSite(dir);
  execFileSync(join(ROOT, "target/debug/make-dataset"), ["--zones", "5", join(dir, "small.json")]);
  const smallSize = statSync(join(dir, "small.json")).size;
  const [largeMb, smallMb] = [statSync(join(dir, "large.json")).size, smallSize].map((n) => (n / 1048576).toFixed(1));
  writeFileSync(join(dir, "switch.html"), await largePage());
  const served = await startServer(dir);
  const { page, context, log } = await openPage(browser, `${served.url}switch.html`, {
    beforeGoto: async (page) => {
      await throttle(page, 1024 * 1024);
      await page.route("**/small.json", async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await recordStatus(page);
    },
  });
  try {
    await page.waitForFunction(() => window.__status.some((t) => t.includes(" MB (")), null, { timeout: 30000 });
    const before = await page.evaluate(() => {
      const seen = window.__status.length;
      document.querySelector("zone-monitor").setAttribute("src", "small.json");
      return seen;
    });
    await page.waitForSelector('zone-monitor[data-ready="true"]', { timeout: 30000 });
    // Past the route's 1.5 s hold, and time for one more chunk of the old download.
    await page.waitForTimeout(500);
    const { seen, bytes, skeleton } = await page.locator("zone-monitor").evaluate((host) => ({
      seen: window.__status,
      bytes: host.bytes.length,
      skeleton: host.shadowRoot.querySelector(".zm-skeleton") !== null,
    }));
    assert.ok(seen.slice(0, before).some((t) => t.includes(` of ${largeMb} MB (`)), `the large download's progress was shown first: ${seen.join(" | ")}`);
    const after = seen.slice(before);
    assert.equal(after[0], "Loading...", "the newer load starts afresh");
    const stray = after.filter((t) => t.includes(" MB") && !t.includes(` of ${smallMb} MB (`));
    assert.deepEqual(stray, [], `after the switch, only the ${smallMb} MB file's progress`);
    assert.equal(bytes, smallSize, "the widget holds the 5-zone file's bytes");
    assert.equal(skeleton, false, "and has drawn it");
    const large = log.failed.filter((f) => f.endsWith("/large.json"));
    assert.deepEqual(large, [`net::ERR_ABORTED ${served.url}large.json`], "the older download was cancelled");
    assert.deepEqual(problems({ ...log, failed: log.failed.filter((f) => !large.includes(f)) }), []);
  } finally {
    await context.close();
    served.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a new src: data-ready goes until the new load's cards are drawn", async () => {
  // The same file again, its response held back 1 s by a route: data-ready
  // must not say "every card is drawn" over the skeleton meanwhile.
  const { page, context, log } = await open("#lang=en");
  try {
    await page.route("**/*.json*", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    const during = await page.locator("zone-monitor").evaluate((host) => {
      host.setAttribute("src", "data/zones.json?again");
      return [host.dataset.ready, host.getAttribute("aria-busy")];
    });
    assert.deepEqual(during, [undefined, "true"], "not ready, busy, while loading");
    await waitReady(page);
    assert.equal(await page.locator("zone-monitor").getAttribute("aria-busy"), null);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("an element removed in the middle of its load stops there", async () => {
  // Removed synchronously at the parse step's mark (a wrapped
  // performance.mark), the element must not go on to validate or draw.
  const { page, context, log } = await openPage(browser, `${server.url}#lang=en`, {
    beforeGoto: (page) => page.addInitScript(() => {
      const mark = performance.mark.bind(performance);
      window.__marks = [];
      performance.mark = (name, ...rest) => {
        window.__marks.push(name);
        if (name === "zone-monitor:parse") window.__removed = document.querySelector("zone-monitor").remove() ?? true;
        return mark(name, ...rest);
      };
    }),
  });
  try {
    await page.waitForFunction(() => window.__removed);
    await page.waitForTimeout(1000);
    const marks = await page.evaluate(() => window.__marks.filter((m) => m.startsWith("zone-monitor:")));
    assert.deepEqual(marks, ["zone-monitor:parse"], "no step after the removal");
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("the datum under the keyboard focus is outlined on the chart, with its tooltip", async () => {
  const { page, context, log } = await open("#lang=en");
  try {
    const canvas = page.locator("zone-monitor >> [id$='-chart-shares'] canvas");
    await canvas.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const seen = await page.locator("zone-monitor").evaluate((host) => {
      const card = host.shadowRoot.querySelector("[id$='-chart-shares']");
      const canvas = card.querySelector("canvas").getBoundingClientRect();
      const outline = card.querySelector(".zm-focus-mark");
      const box = outline.getBoundingClientRect();
      const mark = Array.from({ length: host.widget.mark_count("shares") }, (_, i) => host.widget.mark("shares", i))[1];
      return {
        visible: outline.checkVisibility(),
        box: [box.left - canvas.left, box.top - canvas.top, box.right - canvas.left, box.bottom - canvas.top].map(Math.round),
        mark: [mark.x0, mark.y0, mark.x1, mark.y1].map(Math.round),
        tooltip: card.querySelector(".zm-tooltip").textContent,
        label: mark.label,
      };
    });
    assert.ok(seen.visible, "the outline is shown");
    assert.deepEqual(seen.box, seen.mark, "around the second mark's box");
    assert.equal(seen.tooltip, seen.label);
    await page.keyboard.press("Escape");
    assert.equal(await page.locator("zone-monitor >> [id$='-chart-shares'] .zm-focus-mark").isVisible(), false);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});
