// Print (打印): the title, the notice that the values are illustrative
// (when they are) and the settings; the overview's headline figures; each
// chart of the current tab as vector (the SVG export, always light, its
// title drawn in it) at the page's width with its summary and table, a page
// break between charts; the overview's claims with their checks; the
// dataset's sources. No controls. Built on the Print button and on the browser's own
// print (beforeprint), removed after; the stylesheet's @media print shows
// it alone.

import { el } from "./dom.js";

/** CSS pixels across the printable width of an A4 page (170 mm at 96 px/in). */
const PAGE_WIDTH = 640;
/** A page of every row: paper shows the whole table. */
const EVERY_ROW = 0xffffffff;

export const Print = (Base) => class extends Base {
  printButton() {
    return this.button("zm-print", this.t.print, () => {
      this.preparePrint();
      window.print();
    });
  }

  /** Builds the print layout of the current tab (again, if it is there). */
  preparePrint() {
    if (!this.widget) return;
    this.clearPrint();
    const layout = el("div", "zm-print-layout");
    // What the tab shows beside its charts (the overview's headline figures
    // before them, its claims and their checks after: a tester found paper
    // without them), as on screen but every group of claims open and no
    // buttons, nor ids (the page's own).
    const copy = (selector) => {
      const node = this.panel.querySelector(selector)?.cloneNode(true);
      if (!node) return [];
      for (const n of node.querySelectorAll("button")) n.remove();
      for (const n of node.querySelectorAll("[id]")) n.removeAttribute("id");
      for (const n of node.querySelectorAll("details")) {
        n.open = true;
        n.hidden = false;
      }
      return [node];
    };
    layout.append(this.printHead(), ...copy(".zm-headline"));
    for (const card of this.cards.values()) {
      const { title, summary } = this.widget.card(card.chart);
      const { table } = this.widget.table_page(card.chart, 0, EVERY_ROW);
      const section = el("section", "zm-print-chart");
      const svg = new Blob([this.widget.export_svg(card.chart, PAGE_WIDTH)], { type: "image/svg+xml" });
      const image = el("img", "zm-print-image");
      image.src = URL.createObjectURL(svg);
      image.alt = title;
      // The drawing carries the title; on paper it is not said twice.
      section.append(image, el("p", "zm-summary", summary), this.tableElement(table, "", { all: true }));
      layout.append(section);
    }
    layout.append(...copy(".zm-claims"));
    const sources = el("section", "zm-print-sources");
    sources.append(el(`h${this.headingLevel + 1}`, "", this.t.sources));
    for (const s of this.widget.sources()) {
      const item = el("p", "", `[${s.id}] `);
      item.append(el("bdi", "", s.title), this.langTag === "zh" ? `（${s.date}）` : ` (${s.date})`);
      sources.append(item);
    }
    layout.append(sources);
    this.frame.append(layout);
    this.printLayout = layout;
  }

  /** The paper's first lines: the widget's title, the illustrative-data
   * notice when the file has one (a tester: printed figures made up with
   * no word of it on page 1), and the settings the tab's charts respond to
   * (the registry's controls): the year, the filters, the zone chosen, the
   * weights. */
  printHead() {
    const t = this.t;
    const head = el("header", "zm-print-head");
    head.append(el(`h${this.headingLevel}`, "", this.frame.querySelector(".zm-title")?.textContent ?? ""));
    const notice = this.frame.querySelector(".zm-header .zm-notice");
    if (notice) head.append(el("p", "zm-notice", notice.textContent));
    const state = this.widget.state();
    const { label, controls } = this.tabs.find((x) => x.id === state.tab);
    const said = (key, value) => [`${t[key]}${this.langTag === "zh" ? "：" : ": "}`, value];
    const parts = [[label]];
    if (controls.includes("year")) parts.push(said("year", String(state.year)));
    for (const key of ["level", "area"]) {
      const select = this.frame.querySelector(`.zm-${key}`);
      // An area's name is the data's: isolated from the text around it.
      if (controls.includes(key) && select?.value) parts.push(said(key, el("bdi", "", select.selectedOptions[0].textContent)));
    }
    const zone = controls.includes("zone") && this.zoneList.find((z) => z.id === state.zone);
    if (zone) parts.push(said("zone_chosen", el("bdi", "", zone.name)));
    const line = el("p", "zm-print-settings");
    parts.forEach((part, i) => line.append(...(i ? [" · "] : []), ...part));
    head.append(line);
    // The method and each dimension's share, not the screen's line about
    // moving the sliders (a tester found instructions on paper).
    if (controls.includes("weights")) {
      const [sep, next] = this.langTag === "zh" ? ["、", "；"] : [", ", "; "];
      const shares = this.widget.framework().dimensions.map((d) => `${d.name} ${d.share}`).join(sep);
      const method = this.frame.querySelector(".zm-method")?.selectedOptions[0]?.textContent ?? "";
      head.append(el("p", "zm-print-weights", [...said("method", method), next, ...said("weights", shares)].join("")));
    }
    return head;
  }

  clearPrint() {
    for (const image of this.printLayout?.querySelectorAll("img") ?? []) URL.revokeObjectURL(image.src);
    this.printLayout?.remove();
    this.printLayout = null;
  }
};
