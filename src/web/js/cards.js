// The panel: the tab's cards (canvas, tooltip, summary, table, export
// buttons), the overview's figures and claims, the data tab, tables, pointer
// and keyboard hit-testing, and drawing (Rust draws; this schedules it).

import { el, nextFrame, nextTask } from "./dom.js";
import { loadSecondary, needsSecondary, secondaryLoaded } from "./split.js";

// A table of more rows than this is shown a page of them at a time (at
// national scale a chart's table has a row per zone: thousands of rows
// would take seconds to lay out), with "rows a–b of N", buttons and
// PageUp / PageDown. Print and the CSV have every row.
export const TABLE_ROWS = 100;
// The page of a wide table, once it is paged (over TABLE_ROWS rows): half
// as many rows over WIDE_COLUMNS columns, a quarter over VERY_WIDE. The
// browser's layout of a table grows with its cells: the data tab's 100
// rows of 63 cells were about 120 ms of the tab's 190 at 2,000 zones on a
// phone, the trends' 100 rows of 22 cells (a year each) some 60 ms of
// layout and paint to open; the data tab's 50 rows, written in place,
// still 35-60 ms of layout, prepaint and paint a year change or a page
// turned, 25 rows half that (issue 15). 25 rows are a screen and a half
// at 1280 px, and the pagers say which rows show.
const WIDE_COLUMNS = 12;
const VERY_WIDE = 40;
// Weight changes rehearsed after the load (`rehearse`): enough for V8 to
// have optimised the functions a change runs most.
const REHEARSALS = 8;
// Zones above which no weight change is rehearsed (one at 36 zones is
// ~10 ms of a task; at 2,000 some 150).
const REHEARSE_ZONES = 200;

export const Cards = (Base) => class extends Base {
  /** The open tab's panel, drawn at once; or, `staged` (on load, and a tab
   * chosen at national scale), its first card now and the others after it
   * (`drawStaged`). */
  renderTab(staged = false) {
    const tab = this.tabs.find((x) => x.id === this.widget.state().tab);
    this.shownTab = tab.id;
    this.computing = false;
    this.markTab(tab.id);
    this.panel.replaceChildren();
    this.cards.clear();
    // Wide, the ranking sits beside the sliders (zone-monitor.css).
    this.panel.classList.toggle("zm-weighted", tab.controls.includes("weights"));
    if (tab.controls.includes("weights")) this.panel.append(this.evaluationControls());
    const overview = tab.id === "overview" ? this.overview() : null;
    if (overview) this.panel.append(overview.figures);
    // Staged, the cards after the first are empty boxes until drawStaged
    // fills them, and the overview's claims follow its chart.
    const later = (this.later = []);
    tab.charts.forEach((chart, i) => {
      if (staged && i > 0) {
        const box = this.panel.appendChild(el("figure", "zm-card"));
        return later.push(() => {
          const card = this.card(chart);
          box.replaceWith(card.figure);
          this.drawCard(card);
          this.fitReadAll(card);
        });
      }
      this.panel.append(this.card(chart).figure);
      // The integration's result under the ranking, in the results' column.
      if (!i && tab.controls.includes("weights")) this.panel.append(this.integrationBox);
    });
    if (overview) {
      const claims = () => this.panel.append(overview.claims());
      if (staged) later.push(claims);
      else claims();
    }
    if (tab.id === "data") this.panel.append(...this.dataTab());
    this.saveState();
    if (staged) return this.drawStaged(later);
    this.draw();
  }

  /** Tab `id` shown as chosen, the panel named by it, its controls shown
   * (also while a slow tab says "Computing...": the row does not change
   * after it). */
  markTab(id) {
    for (const b of this.tabButtons) {
      const selected = b.dataset.tab === id;
      b.setAttribute("aria-selected", String(selected));
      b.tabIndex = selected ? 0 : -1;
    }
    this.panel.setAttribute("aria-labelledby", `${this.uid}-tab-${id}`);
    // A control is shown only where what is on screen responds to it (the
    // registry in Rust says which).
    const { controls } = this.tabs.find((x) => x.id === id);
    for (const [control, box] of Object.entries(this.controlBoxes)) box.hidden = !controls.includes(control);
    // The year does not play on under a hidden slider.
    if (!controls.includes("year")) this.stopPlaying();
  }

  /**
   * The load's drawing, a task a step (issue 15: no task over 50 ms): the
   * first chart (the layout of the page comes with it; then
   * `zone-monitor:ready`), and once that frame is on screen each other card
   * of the tab, built (title, summary, table) and drawn in a task of its
   * own, in order; data-ready and the end of aria-busy when all are. A new
   * render (another tab, a language) drops what is left.
   */
  async drawStaged(later) {
    await nextTask();
    if (this.later !== later || !this.widget) return;
    performance.mark("zone-monitor:draw");
    this.draw();
    return this.drawLater(later);
  }

  /** Once the frame drawn is on screen, each of the steps `later` in a task
   * of its own; then ready, unless a new render or change dropped them. */
  async drawLater(later) {
    const current = () => this.later === later && this.widget;
    await nextFrame();
    // A split build: the secondary module once the first chart is on
    // screen, before anything else is drawn (split.js).
    if (ZM_SPLIT) {
      try {
        await loadSecondary();
      } catch (error) {
        // (split.js tried it again meanwhile.)
        if (current()) this.failSecondary(error);
        return;
      }
    }
    while (later.length && current()) {
      try {
        later.shift()();
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) return this.crash(error);
        return this.fail(this.t.failed, [String(error.message || error)]);
      }
      await nextTask();
    }
    if (current()) this.markReady();
  }

  overview() {
    const overview = this.widget.overview();
    let headline = el("div");
    if (overview.headline.length) {
      const figures = el("section", "zm-headline");
      figures.append(el(`h${this.headingLevel + 1}`, "", this.t.headline), el("p", "zm-headline-year", this.t.headline_year));
      const list = el("ul", "zm-figures");
      for (const figure of overview.headline) {
        const item = el("li", `zm-figure-card zm-${figure.verdict}`);
        item.append(el("span", "zm-figure-value", figure.value), el("span", "zm-figure-label", figure.label));
        const foot = el("span", "zm-figure-foot");
        foot.append(el("span", "zm-badge", figure.verdict_label), el("span", "zm-claim-id", figure.claim_id));
        item.append(foot);
        list.append(item);
      }
      figures.append(list);
      headline = figures;
    }
    // The claims' section, built when the panel adds it (on load after the chart).
    const claims = () => {
      const section = el("section", "zm-claims");
      section.append(el(`h${this.headingLevel + 1}`, "", overview.heading), el("p", "zm-tally", overview.tally));
      const items = overview.claims.map((claim) => {
        const item = el("li", `zm-claim zm-${claim.verdict}`);
        item.id = `${this.uid}-claim-${claim.id}`;
        const head = el("p", "zm-claim-head");
        head.append(el("span", "zm-badge", claim.verdict_label), el("strong", "zm-claim-id", claim.id), el("span", "zm-claim-text", claim.text));
        item.append(head);
        const checks = el("ul", "zm-checks");
        for (const line of [...claim.checks, ...claim.notes]) checks.append(el("li", "", line));
        item.append(el("p", "zm-basis", claim.basis), checks);
        if (claim.ours) item.append(el("p", "zm-ours", claim.ours));
        if (claim.chart) {
          const tab = this.tabs.find((x) => x.charts.includes(claim.chart));
          if (tab) {
            item.append(this.button("zm-link", `${this.t.show_chart}`, async () => {
              await this.selectTab(tab.id, false);
              this.cards.get(claim.chart)?.canvas.focus();
            }));
          }
        }
        return item;
      });
      section.append(...this.claimGroups(overview.claims, items)); // claims.js
      return section;
    };
    return { figures: headline, claims };
  }

  dataTab() {
    // A page of rows asked of Rust, which writes only those (2,000 zones ×
    // 30 indicators are 120,000 cells); the page is kept across the
    // panel's rebuilds (`dataAt`, dropped with the dataset), and a state
    // change writes the same table's cells again (`dataAt.refresh`).
    const at = (this.dataAt ??= {});
    const [size, page] = this.pages("data");
    const data = page(at.tableFrom ?? 0);
    const scroller = el("div", "zm-scroll");
    scroller.tabIndex = 0;
    scroller.dataset.keep = "region";
    scroller.setAttribute("role", "region");
    scroller.append(this.tableElement(data, "zm-data-table", { at, keys: scroller, page, size }));
    const sources = el("section", "zm-sources");
    sources.append(el(`h${this.headingLevel + 1}`, "", this.t.sources));
    const list = el("ul");
    for (const s of this.widget.sources()) {
      const when = this.langTag === "zh" ? `（${s.kind_label}，${s.date}）` : ` (${s.kind_label}, ${s.date})`;
      // A source's title is the data's: isolated from the text around it.
      const item = el("li");
      item.append(el("bdi", "", s.title), when, el("span", "zm-source-about", s.about));
      list.append(item);
    }
    sources.append(list);
    const csv = this.button("zm-export-csv", this.t.data_csv, () => this.exportDataCsv());
    return [csv, scroller, sources, this.glossaryList()];
  }

  /** A table's page size and `page(from)`, its rows from `from` asked
   * of Rust (which writes only those); `table` is a chart's id or "data". */
  pages(table) {
    // {caption, columns, rows, from, total} as one object.
    const page = (at, size) => {
      const { table: rows, from, total } = this.widget.table_page(table, at, size);
      return Object.assign(rows, { from, total });
    };
    const { total, columns } = page(0, 0);
    const size = total > TABLE_ROWS ? TABLE_ROWS >> ((columns.length > WIDE_COLUMNS) + (columns.length > VERY_WIDE)) : TABLE_ROWS;
    // A table of TABLE_ROWS or fewer is shown whole, from its first row,
    // whatever page a longer one had open (a filter that shrank it); a
    // longer one from the start of the page holding `from`.
    return [size, (from) => page(total > TABLE_ROWS ? from - (from % size) : 0, size)];
  }

  /** What in `box` has the focus among what a table's rebuild replaces
   * (a pager's button, the data tab's region), to give it back with
   * `refocus` once the new one is on the page. */
  keptFocus(box) {
    return box.querySelector("[data-keep]:focus")?.dataset.keep;
  }

  refocus(box, keep, scroll = false) {
    if (!keep) return;
    const node = box.querySelector(`[data-keep="${keep}"]`);
    // On the first or last page a button is off: its twin takes the focus.
    const twin = keep.replace(/prev|next/, (w) => (w === "prev" ? "next" : "prev"));
    (node && !node.disabled ? node : box.querySelector(`[data-keep="${twin}"]`))?.focus({ preventScroll: !scroll });
  }

  /** A table of `data` ({caption, columns, rows}): every row when `all`
   * or when they fit TABLE_ROWS, else `size` of them between two pagers,
   * starting at `at.tableFrom` (kept there across rebuilds); PageUp/PageDown
   * page it from `keys`, the focusable region around it (else from its
   * buttons). With `page(from)`, `data` is one page ({..., from, total})
   * and `page` gives the others (a chart's table and the data tab's: Rust
   * writes a page at a time; print has every row). */
  tableElement(data, className, { all = false, at = {}, keys, page, size = TABLE_ROWS } = {}) {
    const table = el("table", `zm-table ${className || ""}`.trim());
    const caption = el("caption");
    const head = el("thead");
    const body = el("tbody");
    table.append(caption, head, body);
    // A text set only where it changed: no layout for the same words, and
    // a live region says a change only.
    const put = (node, text) => node.textContent !== text && (node.textContent = text);
    // The rows written into `into` (the header's one row, or the body's) in
    // place (a table's rows have as many cells as it has columns): a row
    // made or removed only where the count changed, a cell's text set only
    // where it changed. A page turned or a year
    // changed keeps the table's elements (issue 15: the data tab's 50 rows
    // of 63 cells made again took 40-160 ms of style and layout).
    const fill = (rows, into) => {
      const trs = into.rows;
      rows.forEach((row, r) => {
        const tr = trs[r] || into.appendChild(el("tr"));
        row.forEach((text, i) => {
          let c = tr.cells[i];
          if (!c) {
            const td = into === body && i;
            c = tr.appendChild(el(td ? "td" : "th"));
            if (!td) c.scope = into === body ? "row" : "col";
          }
          put(c, text);
        });
      });
      while (trs.length > rows.length) into.lastChild.remove();
    };
    const n = data.total ?? data.rows.length;
    const paged = !all && n > TABLE_ROWS;
    // Paged: a pager above the table says which rows show, politely, as
    // they change; the same pager below it, where a reader who has read to
    // the last row looks for the next ones (its words are not announced
    // again). Either pager's button keeps the focus when pressed, by mouse
    // or keyboard (the words above say the new rows).
    const box = el("div");
    const pagers = (paged ? ["top", "end"] : []).map((where) => {
      const pager = el("div", `zm-actions zm-pager zm-pager-${where}`);
      const said = el("span", "zm-rows");
      if (where === "top") said.setAttribute("aria-live", "polite");
      const prev = this.button("zm-rows-prev", this.t.rows_prev, () => show(from - size));
      const next = this.button("zm-rows-next", this.t.rows_next, () => show(from + size));
      prev.dataset.keep = `prev-${where}`;
      next.dataset.keep = `next-${where}`;
      pager.append(prev, said, next);
      return { pager, said, prev, next };
    });
    let from = 0;
    // The page holding `start` (the rows asked of Rust again when `fresh`:
    // a state change), its caption naming the region `keys` too.
    const show = (start, fresh) => {
      if (paged) {
        from = Math.max(0, Math.min(start, n - 1));
        at.tableFrom = from -= from % size;
      }
      if (page && (fresh || data.from !== from)) data = page(from);
      const to = Math.min(n, from + size);
      put(caption, data.caption);
      keys?.setAttribute("aria-label", data.caption);
      fill([data.columns], head);
      fill(page || !paged ? data.rows : data.rows.slice(from, to), body);
      if (!paged) return;
      const k = { from: from + 1, to, total: n };
      const words = this.t.table_rows.replace(/\{(\w+)\}/g, (_, key) => k[key].toLocaleString(this.langTag));
      const keep = this.keptFocus(box);
      for (const p of pagers) {
        put(p.said, words);
        p.prev.disabled = !from;
        p.next.disabled = to === n;
      }
      // The button pressed on the first or last page goes off: the focus
      // moves to its twin rather than falling to the page.
      this.refocus(box, keep);
    };
    // The same table after a state change, its rows written again in place.
    at.refresh = () => show(from, true);
    if (!paged) {
      show(0);
      return table;
    }
    // A property, not a listener: a rebuilt table replaces its keys.
    (keys || box).onkeydown = this.guard((event) => {
      const step = { PageDown: size, PageUp: -size }[event.key];
      if (!step) return;
      event.preventDefault();
      show(from + step);
    });
    box.append(pagers[0].pager, table, pagers[1].pager);
    show(at.tableFrom ?? data.from ?? 0);
    return box;
  }

  /** A chart card: canvas, tooltip, summary, table toggle, exports. */
  card(chart) {
    const t = this.t;
    const figure = el("figure", "zm-card");
    figure.id = `${this.uid}-chart-${chart}`;
    const canvas = el("canvas", "zm-canvas");
    canvas.tabIndex = 0;
    canvas.setAttribute("role", "img");
    const summary = el("figcaption", "zm-summary");
    summary.id = `${figure.id}-summary`;
    canvas.setAttribute("aria-describedby", summary.id);
    const tooltip = el("div", "zm-tooltip");
    tooltip.hidden = true;
    const plot = el("div", "zm-plot");
    plot.append(canvas, tooltip);
    // Each chart's width as the last layout left it, for a state change to
    // draw with (reading it lays the page out: 1.2 ms of a weight change);
    // a chart whose width changes is drawn again at the next frame. Read as
    // clientWidth (rounded, as every other draw reads it; the layout is
    // clean here); a box out of the layout (hidden, printing) keeps its last.
    (this.plotWidths ??= new ResizeObserver((entries) => {
      for (const { target } of entries) {
        const width = target.clientWidth;
        if (!target.isConnected) this.plotWidths.unobserve(target);
        if (!width) continue;
        const known = target.zmWidth;
        target.zmWidth = width;
        if (known !== undefined && known !== width) this.scheduleDraw();
      }
    })).observe(plot);
    // The open table is a region that takes focus (PageUp/PageDown page it).
    const tableBox = el("div", "zm-table-box");
    tableBox.hidden = true;
    tableBox.tabIndex = 0;
    tableBox.setAttribute("role", "region");
    const toggle = this.button("zm-table-toggle", t.show_table, () => {
      tableBox.hidden = !tableBox.hidden;
      toggle.setAttribute("aria-expanded", String(!tableBox.hidden));
      toggle.textContent = tableBox.hidden ? t.show_table : t.hide_table;
      this.fillTable(card);
    });
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", (tableBox.id = `${figure.id}-table`));
    const about = el("div", "zm-about");
    const card = { chart, figure, canvas, tooltip, summary, about, tableBox };
    const actions = el("div", "zm-actions");
    actions.append(
      toggle,
      this.speakButton(card),
      ...this.soundControls(card),
      this.button("zm-export-png", t.png, () => this.exportPng(chart)),
      this.button("zm-export-svg", t.svg, () => this.exportSvg(chart)),
      this.button("zm-export-csv", t.csv, () => this.exportCsv(chart)),
    );
    // Elder mode reads the summary first (the spec's simplified layout), its
    // first three lines only until "Read all", so the chart stays near the
    // top (the whole text is in the page for a screen reader). The button
    // folds it again, and keeps the focus either way.
    if (this.elder) {
      card.more = this.button("zm-read-all", t.read_all, () => {
        const open = summary.classList.toggle("zm-clamped") === false;
        card.more.textContent = open ? t.show_less : t.read_all;
        card.more.setAttribute("aria-expanded", String(open));
      });
      card.more.hidden = true; // until drawCard sees whether it is needed
      card.more.setAttribute("aria-controls", summary.id);
      card.more.setAttribute("aria-expanded", "false");
      summary.classList.add("zm-clamped");
      figure.append(summary, card.more, plot, about, actions, tableBox);
    } else figure.append(plot, summary, about, actions, tableBox);
    this.cards.set(chart, card);
    this.wireChart(card);
    this.fillCard(card);
    return card;
  }

  /** The texts of a card that follow the state: name, summary, the table
   * when it is open (and, once, what its measures mean), for the view's
   * generation in Rust (`Widget.generation`). */
  fillCard(card) {
    card.generation = this.widget.generation(card.chart);
    const { title, summary, about } = this.widget.card(card.chart);
    card.canvas.setAttribute("aria-label", title);
    card.summary.textContent = summary;
    if (!card.about.firstChild) card.about.append(...this.explanation(about)); // kept open across updates
    this.fillTable(card);
    this.fillSound(card);
  }

  /** The table behind a chart, asked for and built when it is open (a
   * closed one is hidden from every reader), a page of rows at a time:
   * Rust writes only those (at national scale the table has a row per
   * zone, thousands). */
  fillTable(card) {
    const box = card.tableBox;
    if (box.hidden) return;
    const [size, page] = this.pages(card.chart);
    const data = page(card.tableFrom ?? 0);
    box.onkeydown = null;
    const keep = this.keptFocus(box);
    box.replaceChildren(this.tableElement(data, "", { at: card, keys: box, page, size }));
    this.refocus(box, keep);
  }

  /** After a state change: only the cards whose view changed (its
   * generation moved: the registry lists the control for the chart, or the
   * language changed) get their texts and drawing again; the others keep
   * theirs, untouched. */
  refreshCards(after) {
    const cards = [...this.cards.values()];
    // The widths the last layout left (see `card`), not read again: if the
    // control changed one, its ResizeObserver draws that chart again.
    const widths = new Map(cards.map((card) => [card, this.chartWidth(card.canvas, card.canvas.parentElement.zmWidth)]));
    const stale = cards.filter((card) => card.generation !== this.widget.generation(card.chart));
    // National scale: the first card changed at once, the others after its
    // frame, a task each, as on load (issue 15: the stability chart's
    // Monte Carlo was a third of a weight change's 60 ms); not ready till
    // then. A load's own steps still pending are left to draw them.
    const later = this.slowTabs && (!this.later?.length || this.later.change) ? stale.slice(1) : [];
    if (later.length) {
      this.later = later.map((card) => () => {
        this.drawCard(card, true);
        this.fillCard(card);
        this.fitReadAll(card);
      });
      this.later.change = true;
      delete this.dataset.ready;
      this.drawLater(this.later);
    }
    this.draw(true, widths, stale.filter((card) => !later.includes(card)), after, later);
  }

  wireChart(card) {
    const { canvas, tooltip, chart } = card;
    let focused = -1;
    // The datum under the keyboard focus, outlined over the chart (focus.js).
    const outline = this.focusOutline(canvas);
    const show = (mark, keyboard = false) => {
      outline(keyboard ? mark : null);
      if (!mark) {
        tooltip.hidden = true;
        return;
      }
      tooltip.textContent = mark.label;
      tooltip.hidden = false;
      const width = canvas.clientWidth;
      const x = Math.max(0, Math.min(mark.x1 + 8, width - tooltip.offsetWidth - 4));
      const y = mark.y1 + 6 + tooltip.offsetHeight > canvas.clientHeight ? Math.max(0, mark.y0 - tooltip.offsetHeight - 6) : mark.y1 + 6;
      tooltip.style.setProperty("--x", `${x}px`);
      tooltip.style.setProperty("--y", `${y}px`);
    };
    const at = (event) => {
      const box = canvas.getBoundingClientRect();
      // A finger gets 22 px around each mark (a 44 px target), a mouse 8.
      return this.widget.hit(chart, event.clientX - box.left, event.clientY - box.top, event.pointerType !== "mouse");
    };
    // Between a change and a large file's later cards (drawn after its
    // frame) a card still shows the old drawing, whose marks Rust no longer
    // labels: no tooltip or key walk on it until it is drawn again.
    const current = () => card.drawnAt?.endsWith(` ${this.widget.generation(chart)}`);
    this.listen(canvas, "pointermove", (event) => show(current() ? at(event) : null));
    this.listen(canvas, "pointerdown", (event) => show(current() ? at(event) : null));
    this.listen(canvas, "pointerleave", (event) => event.pointerType === "mouse" && show(null));
    this.listen(canvas, "blur", () => show(null));
    this.listen(canvas, "keydown", (event) => {
      const count = this.widget.mark_count(chart);
      // Escape also stops reading aloud and the sound (element.js).
      if (event.key === "Escape") return show(null);
      if (event.key === "s" || event.key === "S") {
        if (card.listen) this.toggleSound(card);
        return;
      }
      if (!count || !current()) return;
      // On a grid (the heatmap) up and down move a row.
      const row = this.widget.columns(chart) || 1;
      const moves = { ArrowDown: row, ArrowRight: 1, ArrowUp: -row, ArrowLeft: -1 };
      if (event.key in moves) focused = focused < 0 ? 0 : Math.max(0, Math.min(count - 1, focused + moves[event.key]));
      else if (event.key === "Home") focused = 0;
      else if (event.key === "End") focused = count - 1;
      else return;
      event.preventDefault();
      const mark = this.widget.mark(chart, focused);
      show(mark, true);
      this.say(mark.label);
      this.datumFocused(mark.label);
    });
  }

  chartWidth(canvas, width = canvas.parentElement.clientWidth) {
    return Math.max(280, Math.floor(width));
  }

  /** A resize: the charts whose width changed are drawn again. */
  scheduleDraw() {
    if (this.pending) return;
    // A split build's redraw waits for the secondary (guarded: at another
    // width the chart may call a function the profile did not see).
    const redraw = () => {
      this.pending = 0;
      this.draw(true);
    };
    this.pending = requestAnimationFrame(ZM_SPLIT ? this.guard(redraw) : redraw);
  }

  /** Draws every card of the tab (`changed`: only those whose width, pixel
   * ratio or view generation changed since they were drawn; a new colour
   * scheme draws all), then fills the texts of the cards `stale` and runs
   * `after` (the controls' texts), then says it is ready; the cards `skip`
   * are left to later steps (refreshCards). */
  draw(changed = false, widths = new Map(), stale = [], after, skip = []) {
    if (!this.widget || !this.cards.size) {
      after?.();
      // A tab without charts is ready once its panel is on the page and
      // filled (not an older load's, nor the empty one of a load's first step).
      if (this.widget && this.panel?.isConnected && this.panel.firstChild) this.markReady();
      return;
    }
    try {
      // Every width read before anything is drawn: a drawn canvas changes
      // the layout, and reading the next card's width would lay the page
      // out again, once a card.
      const cards = [...this.cards.values()].map((card) => [card, widths.get(card) ?? this.chartWidth(card.canvas)]);
      const drawn = cards.filter(([card, width]) => !skip.includes(card) && this.drawCard(card, changed, width));
      // The texts after the drawings: a canvas's first font makes the
      // browser compute the page's pending styles (3 ms of a weight
      // change when the texts had changed first); theirs are left to the
      // frame, with elder mode's Read all fitted to them once they are in.
      for (const card of stale) this.fillCard(card);
      after?.();
      for (const card of new Set([...drawn.map(([card]) => card), ...stale])) this.fitReadAll(card);
    } catch (error) {
      // A split build: the load is made again once the secondary is in
      // (split.js showSplit).
      if (ZM_SPLIT && needsSecondary(error)) throw error;
      if (error instanceof WebAssembly.RuntimeError) return this.crash(error);
      return this.fail(this.t.failed, [String(error.message || error)]);
    }
    this.markReady();
  }

  drawCard(card, changed = false, width = this.chartWidth(card.canvas)) {
    const dpr = window.devicePixelRatio || 1;
    const drawn = `${width} ${dpr} ${this.widget.generation(card.chart)}`;
    if (changed && card.drawnAt === drawn) return false;
    this.widget.draw(card.chart, card.canvas, width, dpr);
    card.drawnAt = drawn;
    return true;
  }

  /** Elder mode's button under a summary: "Read all" only where the three
   * lines hide some of it, "Show less" while it is open and longer than
   * three lines; an open summary that now fits is folded, its button gone. */
  fitReadAll(card) {
    const { summary, more } = card;
    if (!more) return;
    const open = !summary.classList.contains("zm-clamped");
    summary.classList.add("zm-clamped");
    const cut = summary.scrollHeight > summary.clientHeight + 1;
    summary.classList.toggle("zm-clamped", !(open && cut));
    more.hidden = !cut;
    more.textContent = open && cut ? this.t.show_less : this.t.read_all;
    more.setAttribute("aria-expanded", String(open && cut));
  }

  /**
   * After a drawing: `zone-monitor:ready` (and, the first time, the User
   * Timing mark of that name): a chart is on the canvas, which the browser
   * paints in its next frame — on load the first one, the others following
   * (drawStaged); after a change, those whose view changed (none: at once).
   * data-ready="true" and aria-busy gone: every card of the tab is built
   * and drawn (what the tests wait for).
   */
  markReady() {
    if (this.computing) return; // a tab's "Computing..." frame (loading.js)
    if (!this.readyMarked) performance.mark("zone-monitor:ready");
    this.readyMarked = true;
    const whole = !this.later?.length;
    if (whole) {
      this.removeAttribute("aria-busy");
      this.dataset.ready = "true";
    }
    this.dispatchEvent(new CustomEvent("zone-monitor:ready", { bubbles: true, composed: true }));
    if (whole) this.rehearse();
  }

  /**
   * Once a tab with the weights' sliders is drawn, REHEARSALS weight
   * changes rehearsed in idle time, a task each, on a canvas off the page
   * (`Widget.rehearse`: nothing the page shows or the widget keeps
   * changes). V8 runs a wasm function in baseline code until it has run a
   * while, then optimises it in the background: the reader's first weight
   * changes took 2-4 times as long as later ones (issue 15). Not over
   * REHEARSE_ZONES zones, where a rehearsal would be a long task, and no
   * more once one took over a frame (each waits for the browser to be idle:
   * the reader's input comes first). A split build skips them until every
   * function is in (a placeholder would throw).
   */
  rehearse() {
    const { widget } = this;
    const width = parseInt(this.cards.values().next().value?.drawnAt);
    if (this.rehearsed === widget || this.slowTabs || !width || !this.panel.classList.contains("zm-weighted")) return;
    if ((ZM_SPLIT && !secondaryLoaded()) || this.zoneList.length > REHEARSE_ZONES) return;
    this.rehearsed = widget;
    const canvas = el("canvas");
    let rounds = REHEARSALS;
    const later = () => (self.requestIdleCallback || setTimeout)(step);
    const step = () => {
      if (this.widget !== widget || !this.isConnected || !rounds) return;
      const start = performance.now();
      try {
        widget.rehearse(canvas, width);
      } catch (error) {
        return this.crash(error); // a panic
      }
      if (performance.now() - start > 16) rounds = 0;
      if (--rounds > 0) later();
    };
    later();
  }
};
