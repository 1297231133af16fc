// <zone-monitor>: the embeddable widget.
//
// One script tag and one element on any page:
//
//   <script type="module" src="/zone-monitor/zone-monitor.js"></script>
//   <zone-monitor lang="zh" src="/data/zones.json"></zone-monitor>
//
// This file is glue: it wires the DOM to the Rust handle (`Widget`, compiled to
// wasm), which owns the dataset and computes every number and pixel. Nothing
// from the data is ever inserted as HTML: names go in through textContent.
// Everything lives in the element's shadow root, styled by zone-monitor.css
// (no inline styles, so it runs under `style-src 'self'`).

import init, { Widget } from "./pkg/zone_monitor.js";

const BASE = new URL(".", import.meta.url);
const DEFAULT_SRC = new URL("data/zones.json", BASE).href;

// Strings needed before the wasm is up; the rest come from Rust (Widget.texts).
const BOOT_TEXT = {
  zh: { loading: "正在加载…", failed: "组件无法加载：", badData: "数据文件有问题，无法显示：" },
  en: { loading: "Loading…", failed: "The widget could not load: ", badData: "The data file has problems and cannot be shown: " },
};

let wasmReady = null;
function loadWasm() {
  wasmReady ??= init({ module_or_path: new URL("pkg/zone_monitor_bg.wasm", BASE) });
  return wasmReady;
}

/** Creates an element with a class and optional text (never HTML). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

let instances = 0;

class ZoneMonitor extends HTMLElement {
  static observedAttributes = ["lang", "src"];

  constructor() {
    super();
    this.id_ = `zm${++instances}`;
    this.widget = null;
    this.root = this.attachShadow({ mode: "open" });
    const sheet = el("link");
    sheet.rel = "stylesheet";
    sheet.href = new URL("zone-monitor.css", BASE).href;
    this.frame = el("div", "zm");
    this.root.append(sheet, this.frame);
    this.resizeObserver = new ResizeObserver(() => this.scheduleDraw());
  }

  get langTag() {
    return (this.getAttribute("lang") || document.documentElement.lang || "zh").toLowerCase().startsWith("en") ? "en" : "zh";
  }

  connectedCallback() {
    this.resizeObserver.observe(this);
    this.load();
  }

  disconnectedCallback() {
    this.resizeObserver.disconnect();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.isConnected || before === after) return;
    if (name === "src") this.load();
    if (name === "lang" && this.widget) {
      this.widget.set_lang(this.langTag);
      this.render();
    } else if (name === "lang" && this.text !== undefined) {
      this.show(); // the dataset's problems, again, in the new language
    }
  }

  async load() {
    const boot = BOOT_TEXT[this.langTag];
    this.setAttribute("aria-busy", "true");
    this.frame.replaceChildren(el("p", "zm-status", boot.loading));
    this.widget?.free();
    this.widget = null;
    this.text = undefined;
    const src = this.getAttribute("src") ? new URL(this.getAttribute("src"), document.baseURI).href : DEFAULT_SRC;
    try {
      const [response] = await Promise.all([fetch(src), loadWasm()]);
      if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
      this.text = await response.text();
    } catch (error) {
      return this.fail(boot.failed, [String(error.message || error)]);
    }
    this.show();
  }

  /** Hands the fetched dataset to the wasm: the widget, or its problems. */
  show() {
    try {
      this.widget = Widget.load(this.text, this.langTag);
    } catch (error) {
      const problems = Array.isArray(error.problems) ? error.problems.map((p) => p.message) : [String(error.message || error)];
      return this.fail(BOOT_TEXT[this.langTag].badData, problems);
    }
    this.render();
  }

  /** Shows why nothing can be drawn: never a blank box. */
  fail(headline, messages) {
    const box = el("div", "zm-error");
    box.setAttribute("role", "alert");
    box.append(el("p", "zm-error-title", headline));
    const list = el("ul");
    for (const message of messages) list.append(el("li", "", message));
    box.append(list);
    this.frame.replaceChildren(box);
    this.removeAttribute("aria-busy");
    this.dispatchEvent(new CustomEvent("zone-monitor:error", { bubbles: true, composed: true, detail: { messages } }));
  }

  /** Builds the chrome for the current language, then draws. */
  render() {
    const t = this.widget.texts();
    this.frame.lang = this.langTag === "zh" ? "zh-CN" : "en";
    const header = el("header", "zm-header");
    header.append(el("h2", "zm-title", t.title));
    const notice = el("p", "zm-notice", t.illustrative_notice);
    header.append(notice);

    const figure = el("figure", "zm-figure");
    const chart = "shares";
    const summaryId = `${this.id_}-${chart}-summary`;
    const canvas = el("canvas", "zm-canvas");
    canvas.tabIndex = 0;
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-describedby", summaryId);
    canvas.dataset.chart = chart;
    const tooltip = el("div", "zm-tooltip");
    tooltip.hidden = true;
    tooltip.setAttribute("role", "status");
    const plot = el("div", "zm-plot");
    plot.append(canvas, tooltip);
    const caption = el("figcaption", "zm-summary", this.widget.summary(chart));
    caption.id = summaryId;
    const tableToggle = el("button", "zm-button", t.show_table);
    tableToggle.type = "button";
    tableToggle.setAttribute("aria-expanded", "false");
    const table = this.buildTable(chart);
    table.hidden = true;
    tableToggle.addEventListener("click", () => {
      table.hidden = !table.hidden;
      tableToggle.setAttribute("aria-expanded", String(!table.hidden));
      tableToggle.textContent = table.hidden ? t.show_table : t.hide_table;
    });
    figure.append(plot, caption, tableToggle, table);

    const live = el("p", "zm-live");
    live.setAttribute("aria-live", "polite");
    this.live = live;

    const langSwitch = el("button", "zm-button zm-lang", t.switch_language);
    langSwitch.type = "button";
    langSwitch.addEventListener("click", () => this.setAttribute("lang", this.langTag === "zh" ? "en" : "zh"));
    header.append(langSwitch);

    this.frame.replaceChildren(header, figure, live);
    this.canvas = canvas;
    this.tooltip = tooltip;
    this.wireChart(canvas, chart);
    this.draw();
  }

  buildTable(chart) {
    const data = this.widget.table(chart);
    const table = el("table", "zm-table");
    table.append(el("caption", "", data.caption));
    const head = el("tr");
    for (const column of data.columns) {
      const th = el("th", "", column);
      th.scope = "col";
      head.append(th);
    }
    table.append(el("thead"));
    table.tHead.append(head);
    const body = el("tbody");
    for (const row of data.rows) {
      const tr = el("tr");
      row.forEach((cell, i) => {
        const c = el(i === 0 ? "th" : "td", "", cell);
        if (i === 0) c.scope = "row";
        tr.append(c);
      });
      body.append(tr);
    }
    table.append(body);
    return table;
  }

  wireChart(canvas, chart) {
    let focused = -1;
    const show = (mark) => {
      if (!mark) {
        this.tooltip.hidden = true;
        return;
      }
      this.tooltip.textContent = mark.label;
      this.tooltip.hidden = false;
      const x = Math.min(mark.x1 + 8, canvas.clientWidth - this.tooltip.offsetWidth - 4);
      this.tooltip.style.setProperty("--x", `${Math.max(0, x)}px`);
      this.tooltip.style.setProperty("--y", `${mark.y0}px`);
    };
    const at = (event) => {
      const box = canvas.getBoundingClientRect();
      return this.widget.hit(chart, event.clientX - box.left, event.clientY - box.top);
    };
    canvas.addEventListener("pointermove", (event) => show(at(event)));
    canvas.addEventListener("pointerdown", (event) => show(at(event)));
    canvas.addEventListener("pointerleave", () => show(null));
    canvas.addEventListener("blur", () => show(null));
    canvas.addEventListener("keydown", (event) => {
      const marks = this.widget.marks(chart);
      if (!marks.length) return;
      const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: -Infinity, End: Infinity }[event.key];
      if (step === undefined) return;
      event.preventDefault();
      focused = Math.max(0, Math.min(marks.length - 1, focused < 0 && step > 0 ? 0 : focused + step));
      if (!Number.isFinite(step)) focused = step < 0 ? 0 : marks.length - 1;
      show(marks[focused]);
      this.live.textContent = marks[focused].label;
    });
  }

  scheduleDraw() {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.draw();
    });
  }

  draw() {
    if (!this.widget || !this.canvas) return;
    const width = Math.max(280, Math.floor(this.canvas.parentElement.clientWidth));
    try {
      this.widget.draw(this.canvas.dataset.chart, this.canvas, width, window.devicePixelRatio || 1);
    } catch (error) {
      return this.fail(BOOT_TEXT[this.langTag].failed, [String(error.message || error)]);
    }
    this.removeAttribute("aria-busy");
    if (this.dataset.ready !== "true") performance.mark("zone-monitor:ready");
    this.dataset.ready = "true";
    this.dispatchEvent(new CustomEvent("zone-monitor:ready", { bubbles: true, composed: true }));
  }
}

if (!customElements.get("zone-monitor")) customElements.define("zone-monitor", ZoneMonitor);
