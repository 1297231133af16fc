// The widget as a person meets it: the standalone page loads the bundled
// dataset, the wasm draws the chart, Chinese text renders, and nothing goes
// wrong behind the scenes (console, CSP, requests to other origins).

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { browser, openPage, problems, server, shot, useServerAndBrowser, waitReady } from "./harness.mjs";

useServerAndBrowser();

/** Counts the canvas pixels that differ from its background, in device pixels,
 * and those painted at all (a chart paints its white background first). */
function inkedPixels(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector("zone-monitor").shadowRoot.querySelector("canvas");
    const { width, height } = canvas;
    const data = canvas.getContext("2d").getImageData(0, 0, width, height).data;
    let inked = 0;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    // Inked: an opaque pixel that is not the chart's white background. A
    // canvas never drawn on is transparent black and counts as nothing.
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) inked++;
    }
    return { width, height, clientWidth: canvas.clientWidth, clientHeight: canvas.clientHeight, inked, painted };
  });
}

for (const dpr of [1, 2, 3]) {
  describe(`standalone page at devicePixelRatio ${dpr}`, () => {
    test("loads the bundled data and draws the chart crisply, with no console problem or foreign request", async () => {
      const { page, context, log } = await openPage(browser, server.url, { width: 1024, height: 900, dpr });
      try {
        await waitReady(page);
        const canvas = await inkedPixels(page);
        // Backing store = CSS size × DPR: crisp, not upscaled.
        assert.equal(canvas.width, Math.round(canvas.clientWidth * dpr));
        assert.equal(canvas.height, Math.round(canvas.clientHeight * dpr));
        // A drawn chart: the background covers the canvas, and bars, labels
        // and grid cover well over 2% of it (but not all of it).
        assert.equal(canvas.painted, canvas.width * canvas.height, "parts of the canvas were never painted");
        assert.ok(canvas.inked > 0.02 * canvas.width * canvas.height, `only ${canvas.inked} inked pixels`);
        assert.ok(canvas.inked < 0.6 * canvas.width * canvas.height, `${canvas.inked} inked pixels: not a chart on white`);
        const origin = new URL(server.url).origin;
        const foreign = log.requests.filter((url) => new URL(url).origin !== origin && !url.startsWith("data:"));
        assert.deepEqual(foreign, [], "requests outside the page's origin");
        await page.screenshot({ path: shot(`widget-zh-1024-dpr${dpr}`), fullPage: true });
        assert.deepEqual(problems(log), []);
      } finally {
        await context.close();
      }
    });
  });
}

test("Chinese text renders with a CJK font, not as boxes", async () => {
  const { page, context } = await openPage(browser, server.url);
  try {
    await waitReady(page);
    // Two different ideographs look the same only when both are the .notdef box.
    const differ = await page.evaluate(() => {
      const host = document.querySelector("zone-monitor");
      const font = getComputedStyle(host).fontFamily;
      const glyph = (ch) => {
        const canvas = document.createElement("canvas");
        canvas.width = canvas.height = 32;
        const ctx = canvas.getContext("2d");
        ctx.font = `24px ${font}`;
        ctx.fillText(ch, 2, 26);
        return Array.from(ctx.getImageData(0, 0, 32, 32).data).join(",");
      };
      return glyph("高") !== glyph("区");
    });
    assert.ok(differ, "高 and 区 render identically: no CJK font");
    const title = await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-title").textContent);
    assert.match(title, /高新区/);
  } finally {
    await context.close();
  }
});

test("a phone-sized screen (360 px) gets the stacked layout and no horizontal scroll", async () => {
  const { page, context, log } = await openPage(browser, server.url, { width: 360, height: 800, dpr: 2 });
  try {
    await waitReady(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, "the page scrolls sideways");
    const canvas = await inkedPixels(page);
    assert.ok(canvas.clientWidth <= 360 && canvas.clientWidth >= 300, `canvas is ${canvas.clientWidth} px wide`);
    await page.screenshot({ path: shot("widget-zh-360-dpr2"), fullPage: true });
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("the load in steps: the first chart and zone-monitor:ready, then the tab's other cards; busy until all are there, each chart drawn once", async () => {
  // The evaluation tab has three charts (ranking, profile, stability). On
  // load the widget draws the first, says it is ready, and builds and draws
  // the others in tasks of their own (issue 15); a screen reader is told it
  // is busy until every card, with its summary and table (built when
  // opened), is there. Each
  // draw sets the canvas's size once (backend::hidpi_canvas): counted here
  // through the canvas's width setter, a draw each.
  const { page, context, log } = await openPage(browser, `${server.url}#view=evaluation`, {
    width: 1280,
    height: 900,
    beforeGoto: (page) =>
      page.addInitScript(() => {
        window.__draws = new Map();
        const width = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, "width");
        Object.defineProperty(HTMLCanvasElement.prototype, "width", {
          ...width,
          set(value) {
            window.__draws.set(this, (window.__draws.get(this) ?? 0) + 1);
            width.set.call(this, value);
          },
        });
        window.__ready = [];
        document.addEventListener("zone-monitor:ready", (event) => {
          const host = event.target;
          window.__ready.push({
            cards: host.shadowRoot.querySelectorAll("figure.zm-card canvas").length,
            ready: host.dataset.ready ?? null,
            busy: host.getAttribute("aria-busy"),
          });
        });
      }),
  });
  try {
    await waitReady(page);
    // A redraw on resize would come within the frames that follow.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));
    const seen = await page.evaluate(() => {
      const host = document.querySelector("zone-monitor");
      const figures = [...host.shadowRoot.querySelectorAll("figure.zm-card")];
      // A chart's table is built when opened: open each.
      for (const f of figures) f.querySelector(".zm-table-toggle").click();
      return {
        first: window.__ready[0],
        busy: host.getAttribute("aria-busy"),
        cards: figures.map((f) => ({
          chart: f.id.split("-chart-")[1],
          label: f.querySelector("canvas").getAttribute("aria-label"),
          summary: f.querySelector(".zm-summary").textContent.length,
          rows: f.querySelectorAll(".zm-table-box tbody tr").length,
          draws: window.__draws.get(f.querySelector("canvas")) ?? 0,
        })),
      };
    });
    assert.deepEqual(seen.first, { cards: 1, ready: null, busy: "true" }, "ready with the first chart, busy until the rest");
    assert.equal(seen.busy, null);
    assert.deepEqual(seen.cards.map((c) => c.chart), ["ranking", "profile", "stability"]);
    for (const card of seen.cards) {
      assert.ok(card.label && card.summary > 0 && card.rows > 0, `${card.chart}: name, summary and table`);
      assert.equal(card.draws, 1, `${card.chart} drawn once`);
    }
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});
