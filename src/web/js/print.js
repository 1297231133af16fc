// Print (打印): the title, the notice that the values are illustrative
// (when they are) and the settings, then the charts of the current tab laid
// out for paper, each as
// vector (the SVG export, always light, its title drawn in it) at the
// page's width, with its summary, its table and the dataset's sources, and
// no controls; a page
// break between charts. Built on the Print button and on the browser's own
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
    layout.append(this.printHead());
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
   * no word of it on page 1), and what the charts show: the tab, the
   * year, the filters and the zone chosen. */
  printHead() {
    const t = this.t;
    const head = el("header", "zm-print-head");
    head.append(el(`h${this.headingLevel}`, "", this.frame.querySelector(".zm-title")?.textContent ?? ""));
    const notice = this.frame.querySelector(".zm-header .zm-notice");
    if (notice) head.append(el("p", "zm-notice", notice.textContent));
    const { tab, year } = this.widget.state();
    const said = (label, value) => [`${label}${this.langTag === "zh" ? "：" : ": "}`, value];
    const parts = [[this.tabs.find((x) => x.id === tab)?.label ?? tab], said(t.year, String(year))];
    for (const key of ["level", "area"]) {
      const select = this.frame.querySelector(`.zm-${key}`);
      if (select?.value) parts.push(said(t[key], select.selectedOptions[0].textContent));
    }
    // A zone's name is the data's: isolated from the text around it.
    if (this.zoneInput?.value) parts.push(said(t.zone, el("bdi", "", this.zoneInput.value)));
    const line = el("p", "zm-print-settings");
    parts.forEach((part, i) => line.append(...(i ? [" · "] : []), ...part));
    head.append(line);
    return head;
  }

  clearPrint() {
    for (const image of this.printLayout?.querySelectorAll("img") ?? []) URL.revokeObjectURL(image.src);
    this.printLayout?.remove();
    this.printLayout = null;
  }
};
