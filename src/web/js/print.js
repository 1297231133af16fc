// Print (打印): the charts of the current tab laid out for paper, each as
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

  clearPrint() {
    for (const image of this.printLayout?.querySelectorAll("img") ?? []) URL.revokeObjectURL(image.src);
    this.printLayout?.remove();
    this.printLayout = null;
  }
};
