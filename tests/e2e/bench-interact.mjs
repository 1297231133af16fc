// The evaluation tab's interactions at national scale, run by
// `./build.sh bench` (not a test: it measures and prints; issue 15). For each
// file given (a `make-dataset --zones N` file, not committed; or the bundled
// www/data/zones.json), the real widget page with that file served as its
// data, 1280 px DPR 1:
//
//   tab drawn      clicking the evaluation tab until the widget's
//                  zone-monitor:ready (every card's texts and drawing)
//   weight change  a slider moved by one step → zone-monitor:ready, one move
//                  per frame (the widget applies the first move of a frame at
//                  once and later ones of the frame at the next: each move is
//                  timed until its redraw, whenever that comes)
//   year change    the year slider moved → zone-monitor:ready
//   zone selected  a zone chosen (the element's selectZone) → ready
//   keep-exited    the box keeping exited zones ranked ticked or cleared
//   exit rule      the exit rule's years stepped up or down → ready
//   other tabs     on the imbalance tab the year, the level filter and a
//                  zone (chosen, then cleared); on the innovation tab the
//                  trends' indicator and a zone; on the dynamic tab a
//                  weight, keep-exited and a zone → ready, each the same way
//   table opened   on the innovation tab, the innovation strips' and the
//                  trends' "table" toggle clicked → the table painted (the
//                  click at the start of a frame; painted: a task after the
//                  next frame's callbacks, i.e. after its paint), closed
//                  again and another zone chosen between runs (a new view:
//                  its table asked for again); the first opening (a new
//                  reader's: the table's code not yet optimised) apart from
//                  the median of the others
//   data tab       on the data tab (the table of every zone's values, a
//                  page of rows at national scale), the year slider moved
//                  and the table's next page (Next and Previous in turn,
//                  the button clicked), each in a task of its own as an
//                  input event is, until the frame after it is painted
//                  (rAF, then a task); and that time in two parts: the
//                  handler's script, and the frame's style, layout and
//                  paint (from its rAF callbacks to the task after it; the
//                  rest is the wait for the frame)
//   key press      the longest Event Timing entry of ten ArrowRight presses
//                  on a weight slider, 150 ms apart (an INP-like figure;
//                  only events of 16 ms or more are reported), split into
//                  its handlers' time (the work the press caused) and the
//                  time after them until the frame was presented
//
// Each change above is timed until its first zone-monitor:ready: with a
// file of 2 MB or more the widget draws the first card the change touched
// at once and the others after the frame, a task each, and says ready
// (data-ready) again after the last; the last line gives each change
// until then ("every card"), and the next change waits for it.
//
// Medians of RUNS (default 5) of each.
//
//   node tests/e2e/bench-interact.mjs www/bench-data/zones-2000.json ...
//
// WWW=DIR serves another build's www/ (an earlier commit's, to compare).
// TABLES_ONLY=1 measures only the tables opened, DATA_ONLY=1 only the data
// tab (run either alternately with WWW=before and after, to interleave).

import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { launch, openPage, startServer } from "./harness.mjs";

const RUNS = Number(process.env.RUNS || 5);
const TABLES_ONLY = Boolean(process.env.TABLES_ONLY);
const DATA_ONLY = Boolean(process.env.DATA_ONLY);
const server = await startServer(process.env.WWW || "www");
const browser = await launch();
try {
  for (const file of process.argv.slice(2)) {
    const body = readFileSync(file);
    const { page, context } = await openPage(browser, `${server.url}#view=overview`, {
      width: 1280,
      height: 900,
      beforeGoto: (p) => p.route("**/data/zones.json", (r) => r.fulfill({ contentType: "application/json", body })),
    });
    await page.waitForFunction(() => document.querySelector("zone-monitor")?.dataset.ready === "true", null, { timeout: 120000 });
    const out = await page.evaluate(async ({ runs, tablesOnly, dataOnly }) => {
      const host = document.querySelector("zone-monitor");
      const root = host.shadowRoot;
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      // Runs `act` at the start of a frame; its time until the first
      // zone-monitor:ready. A large file's change draws its first card at
      // once and the others after the frame (data-ready again after the
      // last): the next act waits for them, and `whole` keeps the time
      // until then (named `${name}, every card` below).
      const whole = {};
      const timed = async (act, name) => {
        await new Promise(requestAnimationFrame);
        let drawn = 0;
        const ready = new Promise((resolve) => host.addEventListener("zone-monitor:ready", () => resolve((drawn = performance.now())), { once: true }));
        const t0 = performance.now();
        act();
        const first = (drawn || (await ready)) - t0;
        while (host.dataset.ready !== "true") await new Promise((resolve) => setTimeout(resolve, 1));
        if (name) (whole[name] ??= []).push(performance.now() - t0);
        return first;
      };
      // A chart's table toggle clicked at the start of a frame, until the
      // frame after it is painted; the first opening and the median of the rest.
      const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const tables = {};
      const zones = host.widget.zones().filter((z) => !z.parent);
      const opened = async (chart) => {
        const times = [];
        for (let i = 0; i <= runs; i++) {
          // Another zone chosen while the table is closed (and every card
          // drawn again): a new view, whose table's page is asked of the
          // widget when the table is opened.
          if (i) await timed(() => host.selectZone(zones[(i * 7) % zones.length].id));
          const toggle = root.querySelector(`[id$=-chart-${chart}] .zm-table-toggle`);
          await new Promise(requestAnimationFrame);
          const t0 = performance.now();
          toggle.click();
          await painted();
          times.push(performance.now() - t0);
          toggle.click();
          await painted();
        }
        tables[`${chart}: table opened, first`] = times[0];
        tables[`${chart}: table opened`] = median(times.slice(1));
      };
      // The data tab: `act` in a task after a frame, until the frame after
      // it is painted, with the handler's time and the frame's rendering.
      const dataTab = async () => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
        const framed = async (act) => {
          await frame();
          await new Promise((resolve) => setTimeout(resolve, 0));
          const t0 = performance.now();
          act();
          const script = performance.now() - t0;
          const rendered = await frame();
          await new Promise((resolve) => setTimeout(resolve, 0));
          const end = performance.now();
          return [end - t0, script, end - rendered];
        };
        await timed(() => root.querySelector('.zm-tab[data-tab="data"]').click());
        const years = root.querySelector(".zm-year");
        const times = { "year change": [], "next page": [] };
        for (let i = 0; i < runs; i++) {
          times["year change"].push(await framed(() => {
            years.value = String(Number(years.value) - (i % 2 ? -1 : 1));
            years.dispatchEvent(new Event("input"));
          }));
          const pager = root.querySelector(`.zm-scroll .zm-rows-${i % 2 ? "prev" : "next"}`);
          if (pager) times["next page"].push(await framed(() => pager.click()));
        }
        const said = {};
        for (const [name, ts] of Object.entries(times)) {
          if (ts.length) said[`data tab: ${name}`] = [0, 1, 2].map((k) => median(ts.map((t) => t[k])));
        }
        return said;
      };
      if (dataOnly) return { zones: zones.length, data: await dataTab() };
      if (tablesOnly) {
        await timed(() => root.querySelector('.zm-tab[data-tab="innovation"]').click());
        await opened("innovation");
        await opened("trends");
        return { zones: zones.length, tables };
      }
      const tab = await timed(() => root.querySelector('.zm-tab[data-tab="evaluation"]').click());
      const weight = [], year = [], zone = [];
      const slider = root.querySelector(".zm-weight input");
      const years = root.querySelector(".zm-year");
      for (let i = 0; i < runs; i++) {
        weight.push(await timed(() => {
          slider.value = String(Number(slider.value) + (i % 2 ? -1 : 1));
          slider.dispatchEvent(new Event("input"));
        }, "weight change"));
        year.push(await timed(() => {
          years.value = String(Number(years.value) - (i % 2 ? -1 : 1));
          years.dispatchEvent(new Event("input"));
        }, "year change"));
        zone.push(await timed(() => host.selectZone(zones[(i * 7) % zones.length].id), "zone selected"));
      }
      // The rules: the keep-exited box ticked or cleared, the exit rule's
      // years stepped up or down (other zones out of the ranking).
      const exited = [], rule = [];
      for (let i = 0; i < runs; i++) {
        exited.push(await timed(() => root.querySelector("input[id$=-keep-exited]").click(), "keep-exited"));
        rule.push(await timed(() => {
          const years = root.querySelector("input[id$=-rule-4]");
          years.value = String(Number(years.value) + (i % 2 ? -1 : 1));
          years.dispatchEvent(new Event("change"));
        }, "exit rule"));
      }
      // The other tabs' controls, each timed the same way (the open tab's
      // cards that respond to the control are drawn again, the others are
      // left as they are): imbalance and innovation.
      const others = {};
      const time = async (name, act) => {
        const times = [];
        for (let i = 0; i < runs; i++) times.push(await timed(() => act(i), name));
        others[name] = median(times);
      };
      const change = (selector, value) => {
        const node = root.querySelector(selector);
        node.value = value;
        node.dispatchEvent(new Event(node.type === "range" ? "input" : "change"));
      };
      await timed(() => root.querySelector('.zm-tab[data-tab="imbalance"]').click());
      await time("imbalance: year", (i) => change(".zm-year", String(Number(years.value) - (i % 2 ? -1 : 1))));
      await time("imbalance: level", (i) => change(".zm-level", i % 2 ? "" : "national"));
      await time("imbalance: zone", (i) => host.selectZone(i % 2 ? "" : zones[(i * 7) % zones.length].id));
      await timed(() => root.querySelector('.zm-tab[data-tab="innovation"]').click());
      const indicators = [...root.querySelector(".zm-indicator").options].map((o) => o.value);
      await time("innovation: indicator", (i) => change(".zm-indicator", indicators[(i % 2) + 1]));
      await time("innovation: zone", (i) => host.selectZone(i % 2 ? "" : zones[(i * 7) % zones.length].id));
      await opened("innovation");
      await opened("trends");
      // The dynamic tab (its panel is its own: looked up again).
      await timed(() => root.querySelector('.zm-tab[data-tab="dynamic"]').click());
      await time("dynamic: weight", (i) => {
        const slider = root.querySelector(".zm-weight input");
        slider.value = String(Number(slider.value) + (i % 2 ? -1 : 1));
        slider.dispatchEvent(new Event("input"));
      });
      await time("dynamic: keep-exited", () => root.querySelector("input[id$=-keep-exited]").click());
      await time("dynamic: zone", (i) => host.selectZone(zones[(i * 7) % zones.length].id));
      const data = await dataTab();
      const every = Object.fromEntries(Object.entries(whole).map(([name, times]) => [`${name}, every card`, median(times)]));
      return { zones: zones.length, tab, weight: median(weight), year: median(year), zone: median(zone), exited: median(exited), rule: median(rule), others, tables, data, every };
    }, { runs: RUNS, tablesOnly: TABLES_ONLY, dataOnly: DATA_ONLY });
    const f = (x) => `${x.toFixed(1)} ms`;
    const said = (times) => Object.entries(times).map(([name, ms]) => `${name} ${f(ms)}`).join("; ");
    const parts = (times) => Object.entries(times).map(([name, [ms, script, frame]]) => `${name} ${f(ms)} (script ${f(script)}, style, layout and paint ${f(frame)})`).join("; ");
    if (DATA_ONLY) {
      console.log(`${basename(file)} (${out.zones} zones, medians of ${RUNS}): ${parts(out.data)}`);
      await context.close();
      continue;
    }
    if (TABLES_ONLY) {
      console.log(`${basename(file)} (${out.zones} zones, medians of ${RUNS}): ${said(out.tables)}`);
      await context.close();
      continue;
    }
    await page.evaluate(() => document.querySelector("zone-monitor").shadowRoot.querySelector('.zm-tab[data-tab="evaluation"]').click());
    // A large file's tab says "Computing..." for a frame first: its sliders come after.
    await page.waitForFunction(() => document.querySelector("zone-monitor").dataset.ready === "true");
    await page.evaluate(() => {
      window.__events = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__events.push({ duration: e.duration, handlers: e.processingEnd - e.processingStart, painted: e.startTime + e.duration - e.processingEnd });
      }).observe({ type: "event", durationThreshold: 16, buffered: false });
    });
    const slider = await page.evaluateHandle(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-weight input"));
    await slider.focus();
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press(i % 2 ? "ArrowLeft" : "ArrowRight");
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(300);
    const longest = await page.evaluate(() => window.__events.reduce((a, e) => (e.duration > (a?.duration ?? 0) ? e : a), null));
    const inp = longest?.duration ?? 0;
    console.log(`${basename(file)} (${out.zones} zones, medians of ${RUNS}): evaluation tab drawn ${f(out.tab)}; weight change ${f(out.weight)}; year change ${f(out.year)}; zone selected ${f(out.zone)}; keep-exited ${f(out.exited)}; exit rule ${f(out.rule)}; key press, longest event ${inp ? `${f(inp)} (handlers ${f(longest.handlers)}, then ${f(longest.painted)} until painted)` : "< 16 ms"}`);
    console.log(`  ${said(out.others)}`);
    console.log(`  ${said(out.tables)}`);
    console.log(`  ${parts(out.data)}`);
    console.log(`  ${said(out.every)}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
