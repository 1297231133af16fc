// National scale in the browser, run by `./build.sh bench` (not a test: it
// measures and prints; issue 15). For each file given (build.sh writes
// www/bench-data/zones-N.json with `make-dataset --zones N`, not committed):
//
//   Widget.load       Widget.parse then Widget.validate: parse, validate and
//                     index (the widget's first two tasks of a visit; the
//                     claims are checked on first use, in the overview's
//                     time), once, cold — a fresh page per file
//   each tab          the first draw of every chart of the tab, cold (its
//                     view built, the analysis it needs computed, its card's
//                     texts without the table — the page makes a table when
//                     it is opened, timed below — the canvas drawn and
//                     rasterised), at 720 px DPR 1, with the canvas's height
//   memory            the wasm's linear memory and the JS heap after it all
//
// The widget's bench wasm (www/pkg-bench, feature bench) on a plain page of
// the same server.
//
// Then the widget itself (www/index.html reading the file, in English, from
// a temporary folder of links to www's files), what a reader waits for:
//
//   tab               a click on the tab → the tab drawn (data-ready again:
//                     a file of 2 MB or more first says "Computing..." for
//                     a frame, then draws the first card and each other in
//                     a task of its own after that frame; the first card's
//                     time, to its zone-monitor:ready, is printed too) and
//                     the next frame after it (the cards built
//                     with their texts, tables closed and not built, every
//                     chart drawn, the frame painted): rAF, then a task
//   interaction       the same, from the control's event to the next frame:
//                     the year slider moved one year, a zone searched (one
//                     letter typed: the candidates listed) and chosen
//                     (Enter), the level and the area filter, the trends'
//                     indicator, the zone cleared, and the keyboard's walk
//                     over a chart's marks (the slowest of 20 arrow presses)
//                     — each on a tab that shows what it changes; a chart's
//                     table opened, and its next page; on the data tab, the
//                     year (the tab built again) and the table's next page.
//
//   node tests/e2e/bench-scale.mjs www/bench-data/zones-2000.json ...
//
// WIDGET_ONLY=1 runs the widget's part only (no www/pkg-bench needed).
// SCREENS=1280,360 (default 1280; 360 is DPR 2) and LANGS=zh,en (default
// en) choose the widget's screens and languages; RUNS=N (default 1) opens
// it N times for each and prints each tab's median (and the N times);
// TABS_ONLY=1 times the tabs and not the interactions.

import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { launch, openPage, ROOT, startServer } from "./harness.mjs";

const files = process.argv.slice(2);
const server = await startServer();
const browser = await launch();
// Every tab's charts are timed (SKIP=a,b leaves charts out while profiling).
const skip = new Set((process.env.SKIP ?? "").split(",").filter(Boolean));
try {
  for (const file of files) {
    if (process.env.WIDGET_ONLY) {
      await widgetPages(file);
      continue;
    }
    const { page, context } = await openPage(browser, `${server.url}bench-scale.html`, { width: 1024, height: 800 });
    const result = await page.evaluate(async ({ url, skip }) => {
      const { default: init, Widget } = await import("./pkg-bench/zone_monitor.js");
      const wasm = await init({ module_or_path: new URL("pkg-bench/zone_monitor_bg.wasm", location.href) });
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      const t0 = performance.now();
      const widget = Widget.validate(Widget.parse(bytes, "zh"), "zh");
      const load = performance.now() - t0;
      const canvas = document.getElementById("canvas");
      const tabs = [];
      for (const tab of widget.tabs()) {
        widget.set_tab(tab.id);
        const charts = [];
        let ms = 0;
        for (const chart of tab.charts) {
          if (skip.includes(chart)) {
            charts.push({ chart, skipped: true });
            continue;
          }
          const c0 = performance.now();
          widget.card(chart);
          widget.draw(chart, canvas, 720, 1);
          canvas.getContext("2d").getImageData(0, 0, 1, 1);
          const t = performance.now() - c0;
          ms += t;
          charts.push({ chart, ms: t, height: canvas.height });
        }
        if (tab.id === "data") {
          // The data tab has no chart: its table's first page, written in
          // wasm (the tab asks for a page of 25 rows once it has more than
          // 100, cards.js VERY_WIDE; the CSV and print write every row, not
          // timed here).
          const c0 = performance.now();
          // (Builds before table_page, for a before/after: data_page, or
          // before that every row.)
          const page = widget.table_page
            ? { rows: widget.table_page("data", 0, 25).table.rows, total: widget.table_page("data", 0, 0).total }
            : widget.data_page
              ? { rows: widget.data_page(0, 25).rows, total: widget.data_rows() }
              : { rows: widget.data_table().rows, total: NaN };
          const t = performance.now() - c0;
          ms += t;
          charts.push({ chart: `table (${page.rows.length} of ${page.total} rows)`, ms: t, height: 0 });
        }
        tabs.push({ id: tab.id, ms, charts });
      }
      const memory = performance.memory ? performance.memory.usedJSHeapSize : NaN;
      return { load, tabs, wasm: wasm.memory.buffer.byteLength, memory, bytes: bytes.length };
    }, { url: `${server.url}${file.replace(/^www\//, "")}`, skip: [...skip] });
    console.log(`\n${basename(file)} (${(result.bytes / 1e6).toFixed(1)} MB): Widget.load ${result.load.toFixed(0)} ms; wasm memory ${(result.wasm / 1e6).toFixed(0)} MB (what it grew to), JS heap ${(result.memory / 1e6).toFixed(0)} MB`);
    for (const tab of result.tabs) {
      const parts = tab.charts.map((c) => (c.skipped ? `${c.chart} skipped (SKIP)` : `${c.chart} ${c.ms.toFixed(0)} ms${c.height ? `, ${c.height} px tall` : ""}`));
      console.log(`  tab ${tab.id.padEnd(15)} ${tab.ms.toFixed(0).padStart(6)} ms   ${parts.join("; ")}`);
    }
    await context.close();
    await widgetPages(file);
  }
} finally {
  await browser.close();
  server.stop();
}

// The widget on each screen and language asked for, RUNS times each.
async function widgetPages(file) {
  const screens = (process.env.SCREENS ?? "1280").split(",").map(Number);
  const langs = (process.env.LANGS ?? "en").split(",");
  const runs = Number(process.env.RUNS || 1);
  for (const width of screens) {
    for (const lang of langs) {
      const screen = width < 600 ? { width, height: 740, dpr: 2 } : { width, height: 900, dpr: 1 };
      const times = new Map();
      const firsts = new Map();
      for (let i = 0; i < runs; i++) {
        for (const t of await widgetPage(file, screen, lang, runs === 1)) {
          times.set(t.id, [...(times.get(t.id) ?? []), t.ms]);
          firsts.set(t.id, [...(firsts.get(t.id) ?? []), t.first]);
        }
      }
      if (runs === 1) continue;
      const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
      const ms = (v) => v.map((t) => t.toFixed(0)).join(", ");
      console.log(`  tabs at ${width} px DPR ${screen.dpr}, ${lang}, median of ${runs} pages, every card drawn / the first card (each run's ms):`);
      for (const [id, v] of times) {
        const f = firsts.get(id);
        console.log(`    tab ${id.padEnd(15)} ${median(v).toFixed(0).padStart(6)} / ${median(f).toFixed(0).padStart(4)} ms   (${ms(v)} / ${ms(f)})`);
      }
    }
  }
}

// The widget reading `file` on a page of its own: each tab and interaction
// from the reader's event to the painted frame with its result (the header).
async function widgetPage(file, screen, lang, print) {
  const dir = mkdtempSync(join(tmpdir(), "zm-scale-"));
  for (const name of readdirSync(join(ROOT, "www"))) symlinkSync(join(ROOT, "www", name), join(dir, name));
  symlinkSync(resolve(file), join(dir, "scale.json"));
  const html = readFileSync(join(ROOT, "www/index.html"), "utf8")
    .replace("<zone-monitor hash", `<zone-monitor src="scale.json" lang="${lang}" hash`)
    .replace(/<link rel="preload" href="data[^>]*>/, "");
  writeFileSync(join(dir, "scale.html"), html);
  const site = await startServer(dir);
  const { page, context } = await openPage(browser, `${site.url}scale.html`, screen);
  try {
    await page.waitForSelector('zone-monitor[data-ready="true"]', { timeout: 300000 });
    const result = await page.evaluate(async ({ skip, tabsOnly }) => {
      const root = document.querySelector("zone-monitor").shadowRoot;
      const $ = (s) => root.querySelector(s);
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const host = document.querySelector("zone-monitor");
      // The last timed action's time to its first zone-monitor:ready (its
      // first card drawn: at 2 MB and more a tab and a change draw the
      // other cards after that frame, a task each).
      let first;
      const timed = async (act) => {
        await frame();
        let readyAt = null;
        const ready = () => (readyAt ??= performance.now());
        host.addEventListener("zone-monitor:ready", ready);
        const t0 = performance.now();
        act();
        // A large file's tab says "Computing..." for a frame before its
        // work: timed until the tab is drawn (data-ready again), then its
        // frame.
        while (host.dataset.ready !== "true") await frame();
        await frame();
        const ms = performance.now() - t0;
        host.removeEventListener("zone-monitor:ready", ready);
        first = readyAt === null ? ms : readyAt - t0;
        return ms;
      };
      const tab = (id) => $(`.zm-tab[data-tab="${id}"]`).click();
      const fire = (node, type) => node.dispatchEvent(new Event(type, { bubbles: true }));
      const select = (s, pick) => () => {
        const node = $(s);
        node.value = pick(Array.from(node.options).map((o) => o.value));
        fire(node, "change");
      };
      const tabs = [];
      for (const b of root.querySelectorAll(".zm-tab")) {
        if (skip.includes(b.dataset.tab)) continue;
        tabs.push({ id: b.dataset.tab, ms: await timed(() => b.click()), first });
      }
      const steps = [];
      if (tabsOnly) return { tabs, steps, memory: NaN };
      const step = async (name, on, act) => {
        if (skip.includes(on)) return;
        if (root.querySelector(".zm-tab[aria-selected=true]").dataset.tab !== on) await timed(() => tab(on));
        steps.push({ name: `${name} (${on})`, ms: await timed(act) });
      };
      const slider = () => $(".zm-year");
      const zone = () => $(".zm-zone");
      await step("year −1", "imbalance", () => {
        slider().value = String(Number(slider().value) - 1);
        fire(slider(), "input");
      });
      await step("search: a letter typed", "imbalance", () => {
        zone().focus();
        zone().value = "Z";
        fire(zone(), "input");
      });
      await step("search: Enter chooses", "imbalance", () => zone().dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true })));
      await step("level: national", "imbalance", select(".zm-level", () => "national"));
      await step("area: the first", "imbalance", select(".zm-area", (v) => v[1]));
      await step("area: all", "imbalance", select(".zm-area", () => ""));
      await step("level: all", "imbalance", select(".zm-level", () => ""));
      await step("indicator: the last", "innovation", select(".zm-indicator", (v) => v.at(-1)));
      await step("zone cleared", "innovation", () => $(".zm-clear").click());
      await step("innovation's table opened", "innovation", () => $(".zm-table-toggle").click());
      await step("its next rows", "innovation", () => $(".zm-rows-next")?.click());
      await step("year −1", "data", () => {
        slider().value = String(Number(slider().value) - 1);
        fire(slider(), "input");
      });
      await step("the table's next rows", "data", () => $(".zm-data-table")?.closest(".zm-scroll").querySelector(".zm-rows-next")?.click());
      for (const id of ["imbalance", "specialisation", "innovation", "benchmarks", "dynamic"]) {
        if (skip.includes(id)) continue;
        await timed(() => tab(id));
        for (const canvas of root.querySelectorAll(".zm-canvas")) {
          canvas.focus();
          let worst = 0;
          for (let i = 0; i < 20; i += 1) worst = Math.max(worst, await timed(() => canvas.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }))));
          steps.push({ name: `arrow key, slowest of 20 (${canvas.closest("figure").id.replace(/.*-chart-/, "")})`, ms: worst });
        }
      }
      const memory = performance.memory ? performance.memory.usedJSHeapSize : NaN;
      return { tabs, steps, memory };
    }, { skip: [...skip], tabsOnly: Boolean(process.env.TABS_ONLY) });
    if (!print) return result.tabs;
    console.log(`  the widget (index.html, ${screen.width} px DPR ${screen.dpr ?? 1}, ${lang}, a click → the next frame), JS heap ${(result.memory / 1e6).toFixed(0)} MB:`);
    for (const t of result.tabs) console.log(`    tab ${t.id.padEnd(15)} ${t.ms.toFixed(0).padStart(6)} ms, its first card ${t.first.toFixed(0)} ms`);
    for (const s of result.steps) console.log(`    ${s.name.padEnd(52)} ${s.ms.toFixed(0).padStart(6)} ms`);
    return result.tabs;
  } finally {
    await context.close();
    site.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
