// Downloads: a chart as PNG (drawn by Rust on a canvas of its own) or SVG, a
// chart's table or the data tab as CSV. Rust writes every file's content.

import { el } from "./dom.js";

export const Exports = (Base) => class extends Base {
  /** The chart as a PNG, light whatever the screen shows (like the SVG):
   * exports go into documents and print. */
  exportPng(chart) {
    const card = this.cards.get(chart);
    const canvas = document.createElement("canvas");
    this.widget.export_png(chart, canvas, this.chartWidth(card.canvas), 2);
    canvas.toBlob((blob) => blob && this.download(blob, `${chart}.png`), "image/png");
  }

  /** The chart as SVG, at the width it has on screen. */
  exportSvg(chart) {
    const width = this.chartWidth(this.cards.get(chart).canvas);
    this.download(new Blob([this.widget.export_svg(chart, width)], { type: "image/svg+xml" }), `${chart}.svg`);
  }

  /** The chart's table as CSV. */
  exportCsv(chart) {
    this.download(new Blob([this.widget.export_csv(chart)], { type: "text/csv;charset=utf-8" }), `${chart}.csv`);
  }

  /** The data tab's table, for the year shown, as CSV. */
  exportDataCsv() {
    this.download(new Blob([this.widget.export_csv("data")], { type: "text/csv;charset=utf-8" }), `zones-${this.widget.state().year}.csv`);
  }

  download(blob, name) {
    const a = el("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    this.root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }
};
