// Accessibility beyond axe-core (issue 14): names from the data isolated so
// a right-to-left override cannot reverse the widget's numbers; elder mode
// (targets, text and chart text measured on the page, axe-core clean); read
// aloud (speechSynthesis stubbed: the utterances' text and lang recorded);
// listening to a chart (AudioContext stubbed: the tones' frequencies
// recorded); forced colours (axe-core clean, the charts redrawn in the
// system colours); print (the print layout under print media, screenshot);
// reflow at 320 px in elder mode.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { axeViolations, browser, clickTab, linkOf, openPage, problems, ROOT, server, shot, tabIds, useServerAndBrowser, waitReady } from "./harness.mjs";

useServerAndBrowser();

// ---- bidirectional text ---------------------------------------------------

/** The bundled dataset with every zone's name ending in an unclosed U+202E
 * RIGHT-TO-LEFT OVERRIDE, served in place of the real one. */
async function serveOverriddenNames(page) {
  const data = JSON.parse(await readFile(join(ROOT, "www/data/zones.json"), "utf8"));
  for (const zone of data.zones) for (const lang of ["zh", "en"]) zone.name[lang] += "\u202E";
  await page.route("**/data/zones.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(data) }));
}

test("a name with a right-to-left override leaves the widget's numbers readable", async () => {
  const { page, context, log } = await openPage(browser, `${server.url}#lang=en`, { beforeGoto: serveOverriddenNames });
  try {
    await waitReady(page);
    let checked = 0;
    for (const tab of await tabIds(page)) {
      await clickTab(page, tab);
      // Each number (two or more digits) after an override in a summary or
      // a table cell: its digits must be laid out left to right on screen,
      // measured character by character with a Range.
      const found = await page.evaluate(() => {
        const out = [];
        const walker = document.createTreeWalker(document.querySelector("zone-monitor").shadowRoot, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.data;
          const at = text.indexOf("\u202E");
          if (at < 0 || !node.parentElement.closest(".zm-summary")) continue;
          const number = /\d[\d.,]*\d/g;
          number.lastIndex = at;
          const match = number.exec(text);
          if (!match) continue;
          const xs = [];
          for (let i = 0; i < match[0].length; i++) {
            const range = document.createRange();
            range.setStart(node, match.index + i);
            range.setEnd(node, match.index + i + 1);
            const rects = range.getClientRects();
            if (rects.length) xs.push(rects[0].left);
          }
          out.push({ number: match[0], xs });
        }
        return out;
      });
      for (const { number, xs } of found) {
        if (xs.length < 2) continue; // not on screen (a hidden table)
        checked++;
        assert.ok(xs.every((x, i) => i === 0 || x > xs[i - 1]), `tab ${tab}: "${number}" is laid out out of order: ${xs.join(", ")}`);
      }
    }
    assert.ok(checked >= 3, `only ${checked} numbers after a name were checked`);
    // The measure itself sees the reversal: the same text without isolates,
    // in a paragraph of the page, lays "71.9" out as "9.17".
    const control = await page.evaluate(() => {
      const p = document.createElement("p");
      p.textContent = "Zone A\u202E (71.9)";
      document.body.append(p);
      const node = p.firstChild;
      const at = node.data.indexOf("71.9");
      const xs = [0, 1, 2, 3].map((i) => {
        const range = document.createRange();
        range.setStart(node, at + i);
        range.setEnd(node, at + i + 1);
        return range.getClientRects()[0].left;
      });
      p.remove();
      return xs;
    });
    assert.ok(control[0] > control[3], `the control is not reversed: ${control}`);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

// ---- elder mode -------------------------------------------------------------

/** Every interactive target that is shown, with its size in CSS px. */
async function targets(page) {
  return page.evaluate(() => {
    const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
    const list = document.querySelector("zone-monitor").shadowRoot.querySelectorAll("button, input, select, summary, [tabindex='0']:not(canvas):not(.zm-scroll)");
    return [...list].filter(shown).map((e) => {
      const box = e.getBoundingClientRect();
      return { what: `${e.tagName.toLowerCase()}.${e.className || e.type}`, width: box.width, height: box.height };
    });
  });
}

/** The font sizes, in CSS px as drawn, of every text the charts draw: the
 * canvas's fillText recorded with its font and the context's scale. */
function recordCanvasText() {
  const sizes = [];
  window.__canvasText = sizes;
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (...args) {
    const px = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1]);
    sizes.push((px * this.getTransform().a) / (window.devicePixelRatio || 1));
    return fillText.apply(this, args);
  };
}

test("elder mode: text ≥ 18 px, targets ≥ 60 × 60 px, chart text larger, summary first, in the share link", async () => {
  const { page, context, log } = await openPage(browser, `${server.url}#lang=zh&view=evaluation`, { width: 1024, beforeGoto: (p) => p.addInitScript(recordCanvasText) });
  try {
    await waitReady(page);
    const standardChart = await page.evaluate(() => Math.min(...window.__canvasText));
    const standardSvg = await page.evaluate(() => document.querySelector("zone-monitor").widget.export_svg("ranking", 800));
    await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-elder").click());
    await page.waitForFunction(() => document.querySelector("zone-monitor").widget.state().elder);
    await page.evaluate(() => (window.__canvasText.length = 0));
    await page.evaluate(() => document.querySelector("zone-monitor").draw());
    const elderChart = await page.evaluate(() => Math.min(...window.__canvasText));
    assert.equal(await page.evaluate(() => document.querySelector("zone-monitor").getAttribute("mode")), "elder");
    assert.match(await linkOf(page), /mode=elder/);
    // The charts' smallest text: 12 px standard (src/charts/style.rs), × 1.5.
    assert.equal(standardChart, 12);
    assert.ok(elderChart >= 18, `smallest chart text in elder mode: ${elderChart} px`);
    // The SVG export: its text sizes × (its width / its viewBox's width).
    const svgSizes = (svg) => {
      const width = Number(/<svg width="(\d+)"/.exec(svg)[1]);
      const box = Number(/viewBox="0 0 (\d+)/.exec(svg)[1]);
      return [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => (Number(m[1]) * width) / box);
    };
    const elderSvg = await page.evaluate(() => document.querySelector("zone-monitor").widget.export_svg("ranking", 800));
    assert.ok(Math.min(...svgSizes(elderSvg)) >= 1.5 * Math.min(...svgSizes(standardSvg)) - 0.01);

    for (const tab of await tabIds(page)) {
      await clickTab(page, tab);
      const small = (await targets(page)).filter((t) => t.width < 60 || t.height < 60);
      assert.deepEqual(small, [], `tab ${tab}: targets under 60 × 60 px`);
      const text = await page.evaluate(() => {
        const out = [];
        const walker = document.createTreeWalker(document.querySelector("zone-monitor").shadowRoot, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const e = node.parentElement;
          if (!node.data.trim() || !e.getClientRects().length || e.closest(".zm-live, .zm-print-layout")) continue;
          const style = getComputedStyle(e);
          out.push({ text: node.data.slice(0, 20), size: parseFloat(style.fontSize), line: parseFloat(style.lineHeight) / parseFloat(style.fontSize) });
        }
        return out;
      });
      const wrong = text.filter((t) => t.size < 18 || t.line < 1.3);
      assert.deepEqual(wrong, [], `tab ${tab}: text under 18 px or line height under 1.3`);
    }
    await clickTab(page, "evaluation");
    const card = await page.evaluate(() => {
      const figure = document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-card");
      const summary = figure.querySelector(".zm-summary");
      const line = parseFloat(getComputedStyle(summary).lineHeight);
      // The paragraph is the summary and, while it is clamped, its "Read
      // all" button, which sits right under it.
      const more = figure.querySelector(".zm-read-all");
      const end = more && !more.hidden ? more : summary;
      const next = end.nextElementSibling.getBoundingClientRect().top;
      const cards = [...figure.parentElement.querySelectorAll(".zm-card")].map((c) => c.getBoundingClientRect());
      return {
        first: [...figure.firstElementChild.classList][0],
        clamped: end === more && summary.classList.contains("zm-clamped") && summary.scrollHeight > summary.clientHeight + 1,
        toButton: more && (more.getBoundingClientRect().top - summary.getBoundingClientRect().bottom) / line,
        spacing: (next - end.getBoundingClientRect().bottom) / line,
        oneARow: cards.every((c, i) => i === 0 || c.top >= cards[i - 1].bottom),
      };
    });
    assert.equal(card.first, "zm-summary");
    // Layout places boxes at 1/64 px: 1.3 line heights may measure 1.2998.
    assert.ok(card.spacing >= 1.3 - 0.001, `paragraph spacing ${card.spacing} × line height`);
    assert.ok(card.clamped, "the first card's summary is clamped, with its Read all button");
    assert.ok(card.toButton < 0.5, `"Read all" ${card.toButton} lines under its summary`);
    assert.ok(card.oneARow);
    await page.screenshot({ path: shot("elder-zh-evaluation"), fullPage: false });
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("elder mode from the link; axe-core clean in elder mode, dark and forced colours", async () => {
  const cases = [["zh", "light", "none", "elder"], ["en", "dark", "none", "elder"], ["zh", "light", "active", "elder"], ["en", "dark", "active", "elder"], ["zh", "dark", "active", "standard"]];
  for (const [lang, colorScheme, forcedColors, mode] of cases) {
    const { page, context } = await openPage(browser, `${server.url}#lang=${lang}&mode=${mode}`, { colorScheme, bypassCSP: true });
    try {
      if (forcedColors === "active") await page.emulateMedia({ forcedColors: "active" });
      await waitReady(page);
      assert.equal(await page.evaluate(() => document.querySelector("zone-monitor").getAttribute("mode")), mode === "elder" ? "elder" : null);
      const found = [];
      for (const tab of await tabIds(page)) {
        await clickTab(page, tab);
        for (const v of await axeViolations(page)) found.push(`[${tab}] ${v}`);
      }
      assert.deepEqual(found, [], `${lang} ${colorScheme} forced-colors ${forcedColors} ${mode}`);
    } finally {
      await context.close();
    }
  }
});

test("elder mode from the attribute: the charts are redrawn taller, and removing it goes back", async () => {
  const { page, context, log } = await openPage(browser, `${server.url}#lang=en&view=evaluation`);
  try {
    await waitReady(page);
    const height = () => page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-canvas").getBoundingClientRect().height);
    const standard = await height();
    await page.evaluate(() => document.querySelector("zone-monitor").setAttribute("mode", "elder"));
    // Redrawn: the canvas's height changes (the assertion below says by how much).
    await page.waitForFunction((standard) => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-canvas").getBoundingClientRect().height !== standard, standard);
    assert.equal(await page.evaluate(() => document.querySelector("zone-monitor").widget.state().elder), true);
    const elder = await height();
    // Laid out for width ÷ 1.5 and drawn 1.5 times larger: taller than 1.5 × as
    // tall only if its labels wrapped, never less (src/charts/style.rs).
    assert.ok(elder >= 1.5 * standard - 2, `standard ${standard} px, elder ${elder} px`);
    await page.evaluate(() => document.querySelector("zone-monitor").removeAttribute("mode"));
    await page.waitForFunction((elder) => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-canvas").getBoundingClientRect().height !== elder, elder);
    assert.equal(await height(), standard);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

// ---- forced colours -------------------------------------------------------------

test("forced colours: the charts are redrawn in the system colours, focus visible", async () => {
  const { page, context, log } = await openPage(browser, `${server.url}#lang=en&view=evaluation`);
  try {
    await page.emulateMedia({ forcedColors: "active", colorScheme: "dark" });
    await waitReady(page);
    const colours = await page.evaluate(() => {
      const element = document.querySelector("zone-monitor");
      const canvas = element.shadowRoot.querySelector(".zm-canvas");
      const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4 * 7) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return { seen: [...seen], system: [...element.systemColors()] };
    });
    // Every colour of the system palette, as the page resolved it; the
    // canvas's pixels: those colours and their anti-aliased blends, so the
    // background (Canvas) and text (CanvasText) are among them.
    const canvasRgb = colours.system.slice(0, 3).join(",");
    const textRgb = colours.system.slice(3, 6).join(",");
    assert.ok(colours.seen.includes(canvasRgb), `Canvas ${canvasRgb} not drawn: ${colours.seen.slice(0, 8)}`);
    assert.ok(colours.seen.includes(textRgb), `CanvasText ${textRgb} not drawn`);
    // The light and dark palettes' blues (src/charts/style.rs) are gone.
    assert.ok(!colours.seen.includes("0,114,178") && !colours.seen.includes("86,180,233"), `a palette colour is still drawn: ${colours.seen}`);
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => {
      const focused = document.querySelector("zone-monitor").shadowRoot.activeElement;
      return focused && getComputedStyle(focused).outlineStyle;
    });
    assert.equal(outline, "solid");
    await page.screenshot({ path: shot("forced-colors-en-evaluation") });
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

// ---- read aloud ---------------------------------------------------------------

/** A speechSynthesis that records what it is asked to say, with one voice
 * per language in `langs`. */
function stubSpeech(langs) {
  const spoken = [];
  window.__spoken = spoken;
  const voices = langs.map((lang) => ({ lang, name: lang, default: false, localService: true, voiceURI: lang }));
  const synth = {
    getVoices: () => voices,
    speak: (u) => spoken.push({ text: u.text, lang: u.lang }),
    cancel: () => spoken.push({ cancel: true }),
    addEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
}

test("read aloud: the summary spoken in the page's language; the focused datum; Escape stops", async () => {
  for (const [lang, tag] of [["zh", "zh-CN"], ["en", "en"]]) {
    const { page, context, log } = await openPage(browser, `${server.url}#lang=${lang}&view=evaluation`, {
      beforeGoto: (p) => p.addInitScript(stubSpeech, ["zh-CN", "en-US"]),
    });
    try {
      await waitReady(page);
      const summary = await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-summary").textContent);
      await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-speak").click());
      await page.waitForFunction(() => window.__spoken.some((s) => s.text));
      let spoken = (await page.evaluate(() => window.__spoken)).filter((s) => s.text);
      assert.deepEqual(spoken, [{ text: summary, lang: tag }]);

      // The option: each datum the arrow keys reach is spoken.
      await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-control-speak input").click());
      await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-canvas").focus());
      const said = await page.evaluate(() => window.__spoken.length);
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction((said) => window.__spoken.length > said, said);
      const tooltip = await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-tooltip").textContent);
      spoken = (await page.evaluate(() => window.__spoken)).filter((s) => s.text);
      assert.deepEqual(spoken.at(-1), { text: tooltip, lang: tag });
      const before = (await page.evaluate(() => window.__spoken)).length;
      await page.keyboard.press("Escape");
      assert.deepEqual((await page.evaluate(() => window.__spoken)).slice(before), [{ cancel: true }]);
      assert.deepEqual(problems(log), []);
    } finally {
      await context.close();
    }
  }
});

test("read aloud with no voice for the language: the button says so", async () => {
  const { page, context } = await openPage(browser, `${server.url}#lang=zh&view=evaluation`, {
    beforeGoto: (p) => p.addInitScript(stubSpeech, ["en-US"]),
  });
  try {
    await waitReady(page);
    await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-speak").click());
    await page.waitForFunction(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-speak").disabled);
    const button = await page.evaluate(() => {
      const b = document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-speak");
      return { text: b.textContent, disabled: b.disabled };
    });
    assert.deepEqual(button, { text: "此浏览器没有中文语音，无法朗读", disabled: true });
    assert.deepEqual((await page.evaluate(() => window.__spoken)).filter((s) => s.text), []);
  } finally {
    await context.close();
  }
});

// ---- listening to a chart -----------------------------------------------------------

/** An AudioContext that records each oscillator's frequency and start time. */
function stubAudio() {
  const tones = [];
  window.__tones = tones;
  const param = () => ({ value: 0, setValueAtTime() {}, setTargetAtTime() {} });
  class FakeContext {
    currentTime = 0;
    destination = {};
    createGain() {
      return { gain: param(), connect: (next) => next };
    }
    createOscillator() {
      const oscillator = { frequency: param(), connect: (next) => next, stop() {} };
      oscillator.start = (at) => tones.push({ frequency: oscillator.frequency.value, at });
      return oscillator;
    }
    close() {
      tones.push({ closed: true });
    }
  }
  window.AudioContext = FakeContext;
}

test("listen: one tone per value in order, the higher value the higher pitch; S and Escape", async () => {
  const { page, context, log } = await openPage(browser, `${server.url}#lang=en&view=evaluation`, { beforeGoto: (p) => p.addInitScript(stubAudio) });
  try {
    await waitReady(page);
    const values = await page.evaluate(() => document.querySelector("zone-monitor").widget.tones("ranking").values);
    const meaning = await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-sound-meaning").textContent);
    assert.match(meaning, /the higher the pitch, the higher the score/);
    await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-listen").click());
    const tones = (await page.evaluate(() => window.__tones)).filter((t) => t.frequency);
    const known = values.filter((v) => v !== null);
    assert.equal(tones.length, known.length);
    // In order of time; pitch ordered as the values are (220 Hz the lowest,
    // 880 Hz the highest, sound.js).
    assert.ok(tones.every((t, i) => i === 0 || t.at > tones[i - 1].at));
    for (let i = 1; i < known.length; i++) {
      assert.equal(Math.sign(tones[i].frequency - tones[i - 1].frequency), Math.sign(known[i] - known[i - 1]), `tone ${i}`);
    }
    assert.equal(Math.min(...tones.map((t) => t.frequency)), 220);
    assert.equal(Math.max(...tones.map((t) => t.frequency)), 880);
    // S on the chart starts it again; Escape stops (the context is closed).
    await page.evaluate(() => (window.__tones.length = 0));
    await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-canvas").focus());
    await page.keyboard.press("Escape");
    await page.keyboard.press("s");
    assert.ok((await page.evaluate(() => window.__tones)).filter((t) => t.frequency).length === known.length);
    await page.keyboard.press("Escape");
    assert.deepEqual((await page.evaluate(() => window.__tones)).at(-1), { closed: true });
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("listen: the trends play the selected zone, and the text says whose values they are", async () => {
  const { page, context, log } = await openPage(browser, `${server.url}#lang=en&view=innovation`, { beforeGoto: (p) => p.addInitScript(stubAudio) });
  try {
    await waitReady(page);
    const meaning = () =>
      page.evaluate(() => {
        const element = document.querySelector("zone-monitor");
        return element.shadowRoot.querySelector(`#${element.uid}-trends-sound`).textContent;
      });
    const before = await meaning();
    await page.evaluate(() => document.querySelector("zone-monitor").setAttribute("zone", "z02"));
    await page.waitForFunction(() => document.querySelector("zone-monitor").widget.state().zone === "z02");
    const after = await meaning();
    // Zone B is z02's English name in www/data/zones.json.
    assert.match(after, /^Zone B, \d{4} to \d{4}, .*: the higher the pitch, the larger the value\./);
    assert.notEqual(before, after);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

// ---- print ------------------------------------------------------------------------

test("print: each chart as SVG (its title drawn in it and its alt) with its summary and table, no controls", async () => {
  for (const lang of ["zh", "en"]) {
    const { page, context, log } = await openPage(browser, `${server.url}#lang=${lang}&view=evaluation`);
    try {
      await waitReady(page);
      await page.evaluate(() => (window.print = () => {}));
      await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-print").click());
      await page.emulateMedia({ media: "print" });
      // Each chart's SVG image decoded (the check below says which did not).
      await page.waitForFunction(() => {
        const images = [...document.querySelector("zone-monitor").shadowRoot.querySelectorAll(".zm-print-chart img")];
        return images.length > 0 && images.every((img) => img.complete);
      });
      const printed = await page.evaluate(() => {
        const r = document.querySelector("zone-monitor").shadowRoot;
        const visible = (e) => e.getClientRects().length > 0;
        return {
          charts: r.querySelectorAll(".zm-card").length,
          // Page 1 opens with the title, the notice that the values are
          // illustrative, as on screen, and the tab and year shown.
          head: [".zm-print-head h2, .zm-print-head h1", ".zm-print-head .zm-notice", ".zm-print-head .zm-print-settings"].map((s) => r.querySelector(s)?.textContent ?? null),
          screen: [".zm-header .zm-title", ".zm-header .zm-notice", ".zm-tab[aria-selected=true]", ".zm-year-value"].map((s) => r.querySelector(s).textContent),
          sections: [...r.querySelectorAll(".zm-print-chart")].map((s) => ({
            svg: s.querySelector("img").src.startsWith("blob:") && s.querySelector("img").naturalWidth > 0,
            title: s.querySelector("img").alt,
            summary: s.querySelector(".zm-summary").textContent.length,
            rows: s.querySelectorAll("tbody tr").length,
          })),
          controls: [...r.querySelectorAll("button, input, select, canvas")].filter(visible).length,
          // A page break before every chart but the first, and before the sources.
          breaks: [...r.querySelectorAll(".zm-print-chart, .zm-print-sources")].map((s) => getComputedStyle(s).breakBefore),
        };
      });
      const [title, notice, tab, year] = printed.screen;
      assert.equal(printed.head[0], title);
      assert.equal(printed.head[1], notice);
      assert.ok(notice.length > 10, notice);
      assert.equal(printed.head[2], `${tab} · ${lang === "zh" ? "年份：" : "Year: "}${year}`);
      // A zone chosen and an area: both on page 1, their names (the data's)
      // isolated; the tab's weights too (the evaluation responds to them).
      const chosen = await page.locator("zone-monitor").evaluate(async (host) => {
        const r = host.shadowRoot;
        const zone = host.zoneList[2];
        host.setAttribute("zone", zone.id);
        const area = r.querySelector(".zm-area");
        area.value = area.options[1].value;
        area.dispatchEvent(new Event("change", { bubbles: true }));
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        r.querySelector(".zm-print").click();
        const settings = r.querySelector(".zm-print-head .zm-print-settings");
        return {
          zone: zone.name,
          area: area.options[1].textContent,
          isolated: [...settings.querySelectorAll("bdi")].map((b) => b.textContent),
          text: settings.textContent,
          weights: r.querySelector(".zm-print-head .zm-print-weights")?.textContent,
          // The method and the shares beside the sliders, as on screen.
          method: r.querySelector(".zm-method").selectedOptions[0].textContent,
          dimensions: [...r.querySelectorAll(".zm-weight")].map((w) => `${w.querySelector("label").textContent} ${w.querySelector("output").textContent}`),
        };
      });
      assert.deepEqual(chosen.isolated, [chosen.area, chosen.zone]);
      assert.ok(chosen.text.includes(lang === "zh" ? `所选高新区：${chosen.zone}` : `Zone chosen: ${chosen.zone}`), chosen.text);
      const [colon, sep, next] = lang === "zh" ? ["：", "、", "；"] : [": ", ", ", "; "];
      assert.equal(chosen.weights, `${lang === "zh" ? "评价方法" : "Method"}${colon}${chosen.method}${next}${lang === "zh" ? "维度权重" : "Dimension weights"}${colon}${chosen.dimensions.join(sep)}`);
      assert.ok(!/slider|滑块/i.test(chosen.weights), chosen.weights);
      assert.equal(printed.sections.length, printed.charts);
      for (const s of printed.sections) assert.ok(s.svg && s.title && s.summary > 20 && s.rows > 0, JSON.stringify(s));
      assert.equal(printed.controls, 0);
      assert.deepEqual(printed.breaks, ["auto", ...printed.sections.slice(1).map(() => "page"), "page"]);
      await page.screenshot({ path: shot(`print-${lang}-evaluation`), fullPage: true });
      assert.deepEqual(problems(log), []);
    } finally {
      await context.close();
    }
  }
});

test("print: the overview's headline figures and every claim with its checks, the groups open, no buttons", async () => {
  const { page, context, log } = await openPage(browser, `${server.url}#lang=en`);
  try {
    await waitReady(page);
    await page.evaluate(() => (window.print = () => {}));
    const printed = await page.evaluate(() => {
      const r = document.querySelector("zone-monitor").shadowRoot;
      const texts = (root, selector) => [...root.querySelectorAll(selector)].map((n) => n.textContent);
      const panel = r.querySelector(".zm-panel");
      r.querySelector(".zm-print").click();
      const layout = r.querySelector(".zm-print-layout");
      return {
        screen: { figures: texts(panel, ".zm-figure-card"), claims: texts(panel, ".zm-claim-head"), checks: texts(panel, ".zm-checks li") },
        paper: { figures: texts(layout, ".zm-figure-card"), claims: texts(layout, ".zm-claim-head"), checks: texts(layout, ".zm-checks li") },
        closed: layout.querySelectorAll("details:not([open]), details[hidden]").length,
        buttons: layout.querySelectorAll("button").length,
        ids: layout.querySelectorAll("[id]").length,
        // The figures before the first chart, the claims after the last.
        order: [...layout.children].map((n) => n.className),
      };
    });
    // The bundled file's claims: C1 to C19 (docs/CLAIMS.md).
    assert.equal(printed.screen.claims.length, 19);
    assert.ok(printed.screen.figures.length > 0 && printed.screen.checks.length >= 19);
    assert.deepEqual(printed.paper, printed.screen);
    assert.equal(printed.closed, 0);
    assert.equal(printed.buttons, 0);
    assert.equal(printed.ids, 0);
    assert.deepEqual(printed.order, ["zm-print-head", "zm-headline", "zm-print-chart", "zm-claims", "zm-print-sources"]);
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: shot("print-en-overview"), fullPage: true });
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

// ---- reflow -------------------------------------------------------------------------

test("reflow at 320 px in elder mode: nothing scrolls sideways but the data table's scroller, no text cut", async () => {
  const { page, context } = await openPage(browser, `${server.url}#mode=elder`, { width: 320, height: 700 });
  try {
    await waitReady(page);
    for (const tab of await tabIds(page)) {
      await clickTab(page, tab);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `tab ${tab} scrolls sideways`);
      const cut = await page.evaluate(() =>
        [...document.querySelector("zone-monitor").shadowRoot.querySelectorAll("button, label, p, h1, h2, h3, figcaption")]
          .filter((e) => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1 && !e.closest(".zm-scroll"))
          .map((e) => e.textContent.slice(0, 30)),
      );
      assert.deepEqual(cut, [], `tab ${tab}: text cut`);
      // A table that scrolls sideways keeps its caption within its box.
      const captions = await page.evaluate(() =>
        [...document.querySelector("zone-monitor").shadowRoot.querySelectorAll(".zm-scroll caption")].map((c) => {
          const box = c.closest(".zm-scroll").getBoundingClientRect();
          const r = c.getBoundingClientRect();
          return { text: c.textContent.slice(0, 30), inside: r.left >= box.left - 1 && r.right <= box.right + 1 };
        }),
      );
      assert.deepEqual(captions.filter((c) => !c.inside), [], `tab ${tab}: caption wider than its table's box`);
    }
    await page.screenshot({ path: shot("elder-zh-320"), fullPage: true });
  } finally {
    await context.close();
  }
});
