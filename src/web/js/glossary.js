// What the measures mean: under a chart's summary, a line per measure it
// shows and a disclosure with how to read it and the report's sentence it
// backs; on the data tab, the glossary of every measure. The words are
// Rust's (views::glossary).

import { el } from "./dom.js";

export const Glossary = (Base) => class extends Base {
  /** Between a term and what it means. */
  get colon() {
    return this.langTag === "zh" ? "：" : ": ";
  }

  /** A chart's measures explained: `about` from `widget.card`. */
  explanation(about) {
    if (!about.length) return [];
    const t = this.t;
    const lines = about.map((m) => {
      const p = el("p", "zm-about-line");
      p.append(el("strong", "", m.term), `${this.colon}${m.line}`);
      return p;
    });
    const more = el("details", "zm-about-more");
    more.append(el("summary", "", t.what_means));
    for (const m of about) more.append(...this.reading(m));
    return [...lines, more];
  }

  /** How to read one measure, and the report's sentence it backs. */
  reading(m) {
    const p = el("p", "", `${m.term}${this.colon}${m.reading}`);
    return m.report ? [p, el("p", "zm-report-quote", `${this.t.report_says}${m.report}`)] : [p];
  }

  /** The glossary of every measure, for the data tab. */
  glossaryList() {
    const section = el("section", "zm-glossary");
    section.append(el(`h${this.headingLevel + 1}`, "", this.t.glossary));
    const list = el("dl");
    for (const m of this.widget.glossary()) {
      list.append(el("dt", "", m.term), el("dd", "", `${m.line}${this.langTag === "zh" ? "" : " "}${m.reading}`));
      if (m.report) list.append(el("dd", "zm-report-quote", `${this.t.report_says}${m.report}`));
    }
    section.append(list);
    return section;
  }
};
