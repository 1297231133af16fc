// <zone-monitor>: the embeddable widget.
//
// One script tag and one element on any page:
//
//   <script type="module" src="/zone-monitor/zone-monitor.js"></script>
//   <zone-monitor lang="zh" src="/data/zones.json"></zone-monitor>
//
// Attributes: src (dataset URL; default: the bundled data/zones.json beside
// this script), lang (zh | en), view (a tab id), zone (a zone id), year, and
// heading-level (of its title; default 2, the standalone page says 1),
// theme (light | dark; absent: follow the reader's system, as
// prefers-color-scheme says; the charts are drawn in the same scheme as the
// stylesheet's, and redrawn when it changes), and
// hash (present: the element keeps its state in the page's URL hash as it
// changes; the standalone page sets it). Without it the element still reads
// its state from the hash once when it loads, under its id ("#id.view=..."),
// so the share link of an embedded widget restores it too.
//
// This file is glue: it wires the DOM to the Rust handle (`Widget`, compiled to
// wasm), which owns the dataset and computes every number and pixel. Nothing
// from the data is ever inserted as HTML: names go in through textContent.
// Everything lives in the element's shadow root, styled by zone-monitor.css
// (no inline styles: positions go through CSS custom properties set with the
// CSSOM, which a strict CSP allows).
//
// This is the source; the build (build.sh, esbuild) bundles it with
// wasm-bindgen's glue ("zone-monitor-wasm" is an alias for
// www/pkg/zone_monitor.js), minifies it and writes www/zone-monitor.js, the
// file a portal serves. Its URL is the base of the wasm, the stylesheet and
// the bundled data.

import init, { Widget, words } from "zone-monitor-wasm";

const BASE = new URL(".", import.meta.url);
const DEFAULT_SRC = new URL("data/zones.json", BASE).href;
// The reader's system colour scheme, followed unless the theme attribute pins one.
const DARK_SYSTEM = matchMedia("(prefers-color-scheme: dark)");

// The only words said before the wasm has loaded (or when it cannot be
// called); every other user-facing string comes from Rust (`words`, `texts`).
const BOOT = {
  zh: {
    loading: "正在加载…",
    failed: "组件无法加载：",
    internal: "组件出现内部错误，请刷新页面。如果再次出现，请告知网站管理员：",
  },
  en: {
    loading: "Loading…",
    failed: "The widget could not load: ",
    internal: "The widget hit an internal error. Please reload the page; if it happens again, tell the site's administrators: ",
  },
};

let wasmReady = null;
// The first trap of the wasm (a Rust panic), once there is one. The module is
// shared by every element on the page and its state is then unknown, so no
// element calls it again; each says so instead.
let trap = null;
const elements = new Set();

// Whether the module can be called (for the words it holds).
let wasmLoaded = false;

function loadWasm() {
  wasmReady ??= init({ module_or_path: new URL("pkg/zone_monitor_bg.wasm", BASE) }).then(() => (wasmLoaded = true));
  return wasmReady;
}

/** Creates an element with a class and optional text (never HTML). */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A button; elements make theirs with `this.button`, which guards the handler. */
function plainButton(className, text, onClick) {
  const b = el("button", `zm-button ${className}`.trim(), text);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

let instances = 0;

class ZoneMonitor extends HTMLElement {
  static observedAttributes = ["lang", "src", "view", "zone", "year", "theme"];

  constructor() {
    super();
    this.uid = `zm${++instances}`;
    this.widget = null;
    this.cards = new Map(); // chart id → { canvas, tooltip, summary, table, ... }
    this.root = this.attachShadow({ mode: "open" });
    const sheet = el("link");
    sheet.rel = "stylesheet";
    sheet.href = new URL("zone-monitor.css", BASE).href;
    this.frame = el("div", "zm");
    this.root.append(sheet, this.frame);
    this.resizeObserver = new ResizeObserver(() => this.scheduleDraw());
    this.onHashChange = this.guard(() => {
      const lang = this.langTag;
      if (this.restoreFromHash()) lang === this.langTag ? this.update() : this.render();
    });
    this.onSchemeChange = this.guard(() => this.applyTheme());
  }

  get langTag() {
    const tag = this.getAttribute("lang") || document.documentElement.lang || "zh";
    return tag.toLowerCase().startsWith("en") ? "en" : "zh";
  }

  /** The level of the widget's title: 2 inside a portal's page (which has
   * its own h1), 1 where the widget is the page (attribute heading-level). */
  get headingLevel() {
    const level = Number(this.getAttribute("heading-level"));
    return Number.isInteger(level) && level >= 1 && level <= 5 ? level : 2;
  }

  /** The widget's words in the current language: from Rust once the wasm
   * has loaded, the boot words before. */
  get t() {
    if (this.words?.lang !== this.langTag) this.words = wasmLoaded && !trap ? { ...BOOT[this.langTag], ...words(this.langTag), lang: this.langTag } : null;
    return this.words ?? BOOT[this.langTag];
  }

  /** Whether the charts are dark: the same rule as the stylesheet's dark
   * custom properties (theme="dark", or a dark system unless theme="light"). */
  get dark() {
    const theme = this.getAttribute("theme");
    return theme === "dark" || (theme !== "light" && DARK_SYSTEM.matches);
  }

  /** Redraws the charts in the current colour scheme. */
  applyTheme() {
    if (!this.widget) return;
    this.widget.set_dark(this.dark);
    this.draw();
  }

  connectedCallback() {
    elements.add(this);
    if (trap) return this.stop();
    this.resizeObserver.observe(this);
    if (this.hasAttribute("hash")) window.addEventListener("hashchange", this.onHashChange);
    DARK_SYSTEM.addEventListener("change", this.onSchemeChange);
    this.load();
  }

  disconnectedCallback() {
    elements.delete(this);
    this.resizeObserver.disconnect();
    window.removeEventListener("hashchange", this.onHashChange);
    DARK_SYSTEM.removeEventListener("change", this.onSchemeChange);
    this.stopPlaying();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.isConnected || before === after || this.applying || trap) return;
    // The browser reports an error thrown here instead of passing it to
    // whoever set the attribute: guard it like an event handler.
    this.guard(() => this.attributeChanged(name, after))();
  }

  attributeChanged(name, after) {
    if (name === "src") return this.load();
    if (name === "theme") return this.applyTheme();
    if (name === "lang") {
      if (this.widget) {
        this.widget.set_lang(this.langTag);
        this.render();
      } else if (this.text !== undefined) {
        this.show(); // the dataset's problems, again, in the new language
      }
      return;
    }
    if (!this.widget) return;
    if (name === "view" && after) this.selectTab(after, false);
    if (name === "zone") this.selectZone(after || "");
    if (name === "year" && after) this.selectYear(Number(after));
  }

  // ---- loading ---------------------------------------------------------

  async load() {
    this.setAttribute("aria-busy", "true");
    this.frame.replaceChildren(el("p", "zm-status", this.t.loading));
    this.widget?.free();
    this.widget = null;
    this.text = undefined;
    const src = this.getAttribute("src") ? new URL(this.getAttribute("src"), document.baseURI).href : DEFAULT_SRC;
    try {
      const [response] = await Promise.all([fetch(src), loadWasm()]);
      if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
      this.text = await response.text();
    } catch (error) {
      return this.fail(this.t.failed, [String(error.message || error)]);
    }
    this.guard(() => this.show())();
  }

  /** Hands the fetched dataset to the wasm: the widget, or its problems. */
  show() {
    if (trap) return this.stop();
    try {
      this.widget = Widget.load(this.text, this.langTag);
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) return this.crash(error);
      const problems = Array.isArray(error.problems) ? error.problems.map((p) => p.message) : [String(error.message || error)];
      return this.fail(this.t.bad_data, problems);
    }
    this.widget.set_dark(this.dark);
    this.applyAttributes();
    this.restoreFromHash();
    this.render();
  }

  /**
   * A trap in the wasm (a Rust panic: a bug, never bad data; the release
   * build aborts on panic) leaves the module's state unknown: say so and stop
   * calling it, rather than carry on with half-updated state.
   */
  crash(error) {
    trap ??= error;
    for (const element of elements) element.stop();
  }

  /** Says the module is broken and lets go of it: nothing calls it again. */
  stop() {
    this.stopPlaying();
    this.widget = null;
    this.text = undefined;
    this.fail(this.t.internal, [String(trap.message || trap)]);
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

  applyAttributes() {
    if (this.getAttribute("view")) this.widget.set_tab(this.getAttribute("view"));
    if (this.getAttribute("zone")) this.widget.set_zone(this.getAttribute("zone"));
    if (this.getAttribute("year")) this.widget.set_year(Number(this.getAttribute("year")));
  }

  // ---- state in the URL hash ------------------------------------------

  /** The prefix of this element's keys in the hash: none for the element
   * that owns the hash, its id (if any) for one embedded among others. */
  get hashPrefix() {
    return this.hasAttribute("hash") || !this.id ? "" : `${this.id}.`;
  }

  /** Restores the state from this element's settings in the hash (Rust
   * reads them); true when it held any. */
  restoreFromHash() {
    if (!this.widget) return false;
    const pairs = []; // flat: key, value, key, value, ...
    for (const [key, value] of new URLSearchParams(location.hash.slice(1))) {
      if (key.startsWith(this.hashPrefix)) pairs.push(key.slice(this.hashPrefix.length), value);
    }
    if (!pairs.length) return false;
    // Settings the data cannot use are said, not dropped silently.
    this.linkIgnored = this.widget.restore_params(pairs);
    const { lang } = this.widget.state();
    if (lang !== this.langTag) this.withoutEcho(() => this.setAttribute("lang", lang));
    return true;
  }

  /** The state as the share link's settings (Rust writes them). */
  stateParams() {
    return new URLSearchParams(this.widget.state_params());
  }

  /** Records the state: in the hash (when asked to) and as an event. */
  saveState() {
    const params = this.stateParams();
    if (this.hasAttribute("hash")) {
      const hash = `#${params}`;
      if (location.hash !== hash) history.replaceState(null, "", hash);
    }
    this.dispatchEvent(new CustomEvent("zone-monitor:statechange", { bubbles: true, composed: true, detail: Object.fromEntries(params) }));
  }

  shareLink() {
    const url = new URL(location.href);
    const params = new URLSearchParams();
    for (const [key, value] of this.stateParams()) params.set(this.hashPrefix + key, value);
    url.hash = params.toString();
    return url.href;
  }

  withoutEcho(action) {
    this.applying = true;
    try {
      action();
    } finally {
      this.applying = false;
    }
  }

  // ---- building the chrome --------------------------------------------

  render() {
    const t = this.t;
    const texts = this.widget.texts();
    this.frame.lang = this.langTag === "zh" ? "zh-CN" : "en";
    this.frame.replaceChildren();

    const header = el("header", "zm-header");
    header.append(el(`h${this.headingLevel}`, "zm-title", texts.title));
    header.append(this.button("zm-lang", texts.switch_language, () => this.setAttribute("lang", this.langTag === "zh" ? "en" : "zh")));
    header.lastChild.lang = this.langTag === "zh" ? "en" : "zh-CN";
    if (texts.illustrative_notice) header.append(el("p", "zm-notice", texts.illustrative_notice));
    const warnings = this.widget.warnings();
    if (warnings.length) {
      const box = el("details", "zm-warnings");
      box.append(el("summary", "", `${t.warnings}${warnings.length}`));
      const list = el("ul");
      for (const w of warnings) list.append(el("li", "", w.message));
      box.append(list);
      header.append(box);
    }

    this.tabs = this.widget.tabs();
    const tablist = el("div", "zm-tabs");
    tablist.setAttribute("role", "tablist");
    tablist.setAttribute("aria-label", t.tabs);
    this.tabButtons = this.tabs.map((tab, i) => {
      const b = this.button("zm-tab", tab.label, () => this.selectTab(tab.id, true));
      b.id = `${this.uid}-tab-${tab.id}`;
      b.setAttribute("role", "tab");
      b.setAttribute("aria-controls", `${this.uid}-panel`);
      b.dataset.tab = tab.id;
      this.listen(b, "keydown", (event) => this.onTabKey(event, i));
      return b;
    });
    tablist.append(...this.tabButtons);

    this.panel = el("section", "zm-panel");
    this.panel.id = `${this.uid}-panel`;
    this.panel.setAttribute("role", "tabpanel");
    this.panel.tabIndex = -1;

    this.live = el("p", "zm-live");
    this.live.setAttribute("aria-live", "polite");

    this.frame.append(header, tablist, this.controls());
    if (this.linkIgnored?.length) {
      const notice = el("p", "zm-link-notice", `${t.link_ignored}${this.linkIgnored.join(", ")}`);
      notice.setAttribute("role", "status");
      this.frame.append(notice);
    }
    this.frame.append(this.panel, this.live);
    this.renderTab();
  }

  controls() {
    const t = this.t;
    const bar = el("div", "zm-controls");

    // Year: a slider over the data's years, with play and pause.
    const state = this.widget.state();
    const years = Array.from(this.widget.years());
    const yearBox = el("div", "zm-control");
    const yearLabel = el("label", "", t.year);
    const slider = el("input", "zm-year");
    slider.type = "range";
    slider.min = String(years[0]);
    slider.max = String(years[years.length - 1]);
    slider.step = "1";
    slider.value = String(state.year);
    slider.id = yearLabel.htmlFor = `${this.uid}-year`;
    const output = el("output", "zm-year-value", String(state.year));
    output.htmlFor = slider.id;
    this.listen(slider, "input", () => this.selectYear(Number(slider.value)));
    this.playButton = this.button("zm-play", t.play, () => (this.playing ? this.stopPlaying() : this.startPlaying()));
    this.playButton.setAttribute("aria-pressed", "false");
    yearBox.append(yearLabel, slider, output, this.playButton);
    this.yearSlider = slider;
    this.yearOutput = output;

    // Zone: search by name, clear.
    const zoneBox = el("div", "zm-control");
    const zoneLabel = el("label", "", t.zone);
    const input = el("input", "zm-zone");
    input.type = "search";
    input.placeholder = t.zone_placeholder;
    input.id = zoneLabel.htmlFor = `${this.uid}-zone`;
    const list = el("datalist");
    list.id = `${this.uid}-zones`;
    input.setAttribute("list", list.id);
    this.zoneList = this.widget.zones();
    for (const zone of this.zoneList) {
      const option = el("option");
      option.value = zone.name;
      option.label = zone.level_label;
      list.append(option);
    }
    const current = this.zoneList.find((z) => z.id === state.zone);
    input.value = current ? current.name : "";
    this.listen(input, "change", () => {
      const zone = this.zoneList.find((z) => z.name === input.value.trim() || z.id === input.value.trim());
      if (zone) this.selectZone(zone.id);
      else if (input.value.trim() === "") this.selectZone("");
      else this.announce(`${t.unknown_zone}${input.value}`);
    });
    zoneBox.append(zoneLabel, input, list, this.button("zm-clear", t.clear, () => {
      input.value = "";
      this.selectZone("");
    }));
    this.zoneInput = input;

    // Level filter.
    const levelBox = el("div", "zm-control");
    const levelLabel = el("label", "", t.level);
    const select = el("select", "zm-level");
    select.id = levelLabel.htmlFor = `${this.uid}-level`;
    for (const [value, label] of [["", t.all_levels], ["national", t.national], ["regional", t.regional]]) {
      const option = el("option", "", label);
      option.value = value;
      select.append(option);
    }
    select.value = state.level;
    this.listen(select, "change", () => {
      this.widget.set_level(select.value);
      this.update();
    });
    levelBox.append(levelLabel, select);

    // The indicator the trends chart follows.
    const indicatorBox = el("div", "zm-control zm-control-indicator");
    const indicatorLabel = el("label", "", t.indicator);
    const indicatorSelect = el("select", "zm-indicator");
    indicatorSelect.id = indicatorLabel.htmlFor = `${this.uid}-indicator`;
    for (const indicator of this.widget.indicators()) {
      const unit = !indicator.unit ? "" : this.langTag === "zh" ? `（${indicator.unit}）` : ` (${indicator.unit})`;
      const option = el("option", "", indicator.name + unit);
      option.value = indicator.id;
      indicatorSelect.append(option);
    }
    indicatorSelect.value = state.indicator || "gdp";
    this.listen(indicatorSelect, "change", () => {
      this.widget.set_indicator(indicatorSelect.value);
      this.update();
    });
    indicatorBox.append(indicatorLabel, indicatorSelect);

    // Log scale, for the charts that offer it.
    const logBox = el("div", "zm-control zm-control-log");
    const log = el("input");
    log.type = "checkbox";
    log.id = `${this.uid}-log`;
    log.checked = state.log_scale;
    const logLabel = el("label", "", t.log);
    logLabel.htmlFor = log.id;
    this.listen(log, "change", () => {
      this.widget.set_log_scale(log.checked);
      this.update();
    });
    logBox.append(log, logLabel);

    const share = this.button("zm-share", t.share, async () => {
      const link = this.shareLink();
      try {
        await navigator.clipboard.writeText(link);
        this.announce(t.copied);
      } catch {
        this.announce(link);
      }
    });

    bar.append(yearBox, zoneBox, levelBox, indicatorBox, logBox, share);
    this.controlBoxes = { year: yearBox, zone: zoneBox, level: levelBox, indicator: indicatorBox, log_scale: logBox };
    return bar;
  }

  onTabKey(event, index) {
    const count = this.tabButtons.length;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: count - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = this.tabButtons[(next + count) % count];
    this.selectTab(target.dataset.tab, false);
    target.focus();
  }

  // ---- state changes ---------------------------------------------------

  selectTab(id, focusPanel) {
    if (!this.widget.set_tab(id)) return;
    this.renderTab();
    if (focusPanel) this.panel.focus({ preventScroll: true });
  }

  selectZone(id) {
    if (!this.widget.set_zone(id)) return;
    const zone = this.zoneList?.find((z) => z.id === id);
    if (this.zoneInput) this.zoneInput.value = zone ? zone.name : "";
    this.update();
  }

  selectYear(year) {
    if (!this.widget.set_year(year)) return;
    this.update();
  }

  startPlaying() {
    const years = Array.from(this.widget.years());
    this.playing = setInterval(
      this.guard(() => {
        const i = years.indexOf(this.widget.state().year);
        this.selectYear(years[(i + 1) % years.length]);
      }),
      1200,
    );
    this.playButton.textContent = this.t.pause;
    this.playButton.setAttribute("aria-pressed", "true");
  }

  stopPlaying() {
    clearInterval(this.playing);
    this.playing = null;
    if (this.playButton) {
      this.playButton.textContent = this.t.play;
      this.playButton.setAttribute("aria-pressed", "false");
    }
  }

  /** After a state change: controls, charts, tables and the hash follow. */
  update() {
    if (!this.widget || !this.panel) return;
    const { year, tab } = this.widget.state();
    this.yearSlider.value = String(year);
    this.yearOutput.textContent = String(year);
    if (tab === "data" || tab !== this.shownTab) this.renderTab();
    else this.refreshCards();
    this.saveState();
  }

  /** A button whose handler runs guarded. */
  button(className, text, onClick) {
    return plainButton(className, text, this.guard(onClick));
  }

  /** Listens for `type` on `target`, guarded. */
  listen(target, type, handler) {
    target.addEventListener(type, this.guard(handler));
  }

  /**
   * Wraps an event handler (or a promise-returning one) so that an error is
   * said to the reader and kept in the console, a trap ends the widget, and
   * nothing runs once the module has trapped.
   */
  guard(handler) {
    const onError = (error) => {
      if (error instanceof WebAssembly.RuntimeError) return this.crash(error);
      console.error(error);
      this.announce(`${this.t.action_failed}${error.message || error}`);
    };
    return (...args) => {
      if (trap) return;
      try {
        const result = handler(...args);
        if (result instanceof Promise) result.catch(onError);
        return result;
      } catch (error) {
        onError(error);
      }
    };
  }

  announce(message) {
    this.live.textContent = "";
    // A fresh text node after a tick makes screen readers announce repeats too.
    requestAnimationFrame(() => (this.live.textContent = message));
  }

  // ---- the panel -------------------------------------------------------

  renderTab() {
    const tab = this.tabs.find((x) => x.id === this.widget.state().tab);
    this.shownTab = tab.id;
    for (const b of this.tabButtons) {
      const selected = b.dataset.tab === tab.id;
      b.setAttribute("aria-selected", String(selected));
      b.tabIndex = selected ? 0 : -1;
    }
    this.panel.setAttribute("aria-labelledby", `${this.uid}-tab-${tab.id}`);
    this.panel.replaceChildren();
    this.cards.clear();
    // A control is shown only where what is on screen responds to it (the
    // registry in Rust says which).
    for (const [control, box] of Object.entries(this.controlBoxes)) box.hidden = !tab.controls.includes(control);
    if (tab.controls.includes("weights")) this.panel.append(this.evaluationControls());
    const overview = tab.id === "overview" ? this.overview() : null;
    if (overview) this.panel.append(overview.figures);
    for (const chart of tab.charts) this.panel.append(this.card(chart));
    if (overview) this.panel.append(overview.claims);
    if (tab.id === "data") this.panel.append(...this.dataTab());
    this.draw();
    this.saveState();
  }

  overview() {
    const overview = this.widget.overview();
    const section = el("section", "zm-claims");
    let headline = el("div");
    if (overview.headline.length) {
      const figures = el("section", "zm-headline");
      figures.append(el(`h${this.headingLevel + 1}`, "", this.t.headline));
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
    section.append(el(`h${this.headingLevel + 1}`, "", overview.heading), el("p", "zm-tally", overview.tally));
    const list = el("ul", "zm-claim-list");
    for (const claim of overview.claims) {
      const item = el("li", `zm-claim zm-${claim.verdict}`);
      item.id = `${this.uid}-claim-${claim.id}`;
      const head = el("p", "zm-claim-head");
      head.append(el("span", "zm-badge", claim.verdict_label), el("strong", "zm-claim-id", claim.id), el("span", "zm-claim-text", claim.text));
      item.append(head);
      const checks = el("ul", "zm-checks");
      for (const line of [...claim.checks, ...claim.notes]) checks.append(el("li", "", line));
      item.append(checks);
      if (claim.chart) {
        const tab = this.tabs.find((x) => x.charts.includes(claim.chart));
        if (tab) {
          item.append(this.button("zm-link", `${this.t.show_chart}`, () => {
            this.selectTab(tab.id, false);
            this.cards.get(claim.chart)?.canvas.focus();
          }));
        }
      }
      list.append(item);
    }
    section.append(list);
    return { figures: headline, claims: section };
  }

  /** Weight sliders per dimension, the method, reset: the ranking follows. */
  evaluationControls() {
    const t = this.t;
    const framework = this.widget.framework();
    const box = el("section", "zm-evaluation");
    const heading = el(`h${this.headingLevel + 1}`, "", framework.name);
    const help = el("p", "zm-help", t.weights_help);
    help.id = `${this.uid}-weights-help`;
    const fieldset = el("fieldset", "zm-weights");
    fieldset.append(el("legend", "", t.weights));
    const sliders = framework.dimensions.map((dimension) => {
      const row = el("div", "zm-weight");
      const label = el("label", "", dimension.name);
      const slider = el("input");
      const output = el("output", "zm-weight-value");
      slider.type = "range";
      slider.min = "0";
      slider.max = "60";
      slider.step = "1";
      slider.value = String(Math.round(dimension.weight));
      output.textContent = dimension.share;
      slider.id = label.htmlFor = `${this.uid}-weight-${dimension.id}`;
      slider.setAttribute("aria-describedby", help.id);
      output.htmlFor = slider.id;
      row.append(label, slider, output);
      fieldset.append(row);
      return { slider, output };
    });
    const values = () => new Float64Array(sliders.map((s) => Number(s.slider.value)));
    const showShares = () => this.widget.weight_shares(values()).forEach((share, i) => (sliders[i].output.textContent = share));
    const status = el("p", "zm-evaluation-status");
    status.setAttribute("role", "status");
    // Applies a change of the evaluation settings: the status line then says
    // why they cannot be used, or what the new ranking is.
    const applyEvaluation = (change) => {
      try {
        change();
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) throw error;
        status.textContent = String(error.message || error);
        return;
      }
      status.textContent = this.widget.evaluation_summary().summary;
      this.update();
    };
    const applyWeights = () => {
      showShares();
      applyEvaluation(() => this.widget.set_weights(values()));
    };
    for (const s of sliders) this.listen(s.slider, "input", applyWeights);

    const methodRow = el("div", "zm-control");
    const methodLabel = el("label", "", t.method);
    const method = el("select", "zm-method");
    method.id = methodLabel.htmlFor = `${this.uid}-method`;
    for (const preset of framework.presets) {
      const option = el("option", "", preset.label);
      option.value = preset.id;
      method.append(option);
    }
    method.value = framework.preset;
    this.listen(method, "change", () => applyEvaluation(() => this.widget.set_preset(method.value)));
    methodRow.append(methodLabel, method);
    const reset = this.button("zm-reset", t.reset, () => {
      this.widget.reset_evaluation();
      this.renderTab();
    });
    box.append(heading, help, fieldset, methodRow, reset, status);
    return box;
  }

  dataTab() {
    const table = this.tableElement(this.widget.data_table(), "zm-data-table");
    const scroller = el("div", "zm-scroll");
    scroller.tabIndex = 0;
    scroller.setAttribute("role", "region");
    scroller.setAttribute("aria-label", table.caption.textContent);
    scroller.append(table);
    const sources = el("section", "zm-sources");
    sources.append(el(`h${this.headingLevel + 1}`, "", this.t.sources));
    const list = el("ul");
    for (const s of this.widget.sources()) {
      const about = this.langTag === "zh" ? `（${s.date}，${s.kind}）` : ` (${s.date}, ${s.kind})`;
      list.append(el("li", "", `[${s.id}] ${s.title}${about}`));
    }
    sources.append(list);
    const csv = this.button("zm-export-csv", this.t.data_csv, () => this.download(new Blob([this.widget.export_data_csv()], { type: "text/csv;charset=utf-8" }), `zones-${this.widget.state().year}.csv`));
    return [csv, scroller, sources];
  }

  tableElement(data, className) {
    const table = el("table", `zm-table ${className || ""}`.trim());
    table.append(el("caption", "", data.caption));
    const head = el("tr");
    for (const column of data.columns) {
      const th = el("th", "", column);
      th.scope = "col";
      head.append(th);
    }
    const thead = el("thead");
    thead.append(head);
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
    table.append(thead, body);
    return table;
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
    const tableBox = el("div", "zm-table-box");
    tableBox.hidden = true;
    const toggle = this.button("zm-table-toggle", t.show_table, () => {
      tableBox.hidden = !tableBox.hidden;
      toggle.setAttribute("aria-expanded", String(!tableBox.hidden));
      toggle.textContent = tableBox.hidden ? t.show_table : t.hide_table;
    });
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", (tableBox.id = `${figure.id}-table`));
    const actions = el("div", "zm-actions");
    actions.append(
      toggle,
      this.button("zm-export-png", t.png, () => this.exportPng(chart)),
      this.button("zm-export-svg", t.svg, () => this.download(new Blob([this.widget.export_svg(chart, this.chartWidth(canvas))], { type: "image/svg+xml" }), `${chart}.svg`)),
      this.button("zm-export-csv", t.csv, () => this.download(new Blob([this.widget.export_csv(chart)], { type: "text/csv;charset=utf-8" }), `${chart}.csv`)),
    );
    figure.append(plot, summary, actions, tableBox);
    const card = { chart, canvas, tooltip, summary, tableBox };
    this.cards.set(chart, card);
    this.wireChart(card);
    this.fillCard(card);
    return figure;
  }

  /** The texts of a card that follow the state: name, summary, table. */
  fillCard(card) {
    const { title, summary, table } = this.widget.card(card.chart);
    card.canvas.setAttribute("aria-label", title);
    card.summary.textContent = summary;
    card.tableBox.replaceChildren(this.tableElement(table));
  }

  refreshCards() {
    for (const card of this.cards.values()) this.fillCard(card);
    this.draw();
  }

  wireChart(card) {
    const { canvas, tooltip, chart } = card;
    let focused = -1;
    const show = (mark) => {
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
      return this.widget.hit(chart, event.clientX - box.left, event.clientY - box.top);
    };
    this.listen(canvas, "pointermove", (event) => show(at(event)));
    this.listen(canvas, "pointerdown", (event) => show(at(event)));
    this.listen(canvas, "pointerleave", (event) => event.pointerType === "mouse" && show(null));
    this.listen(canvas, "blur", () => show(null));
    this.listen(canvas, "keydown", (event) => {
      const marks = this.widget.marks(chart);
      if (event.key === "Escape") return show(null);
      if (!marks.length) return;
      const moves = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
      if (event.key in moves) focused = focused < 0 ? 0 : Math.max(0, Math.min(marks.length - 1, focused + moves[event.key]));
      else if (event.key === "Home") focused = 0;
      else if (event.key === "End") focused = marks.length - 1;
      else return;
      event.preventDefault();
      show(marks[focused]);
      this.announce(marks[focused].label);
    });
  }

  // ---- drawing and exports --------------------------------------------

  chartWidth(canvas) {
    return Math.max(280, Math.floor(canvas.parentElement.clientWidth));
  }

  scheduleDraw() {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.draw();
    });
  }

  draw() {
    if (!this.widget || !this.cards.size) {
      if (this.widget) this.markReady();
      return;
    }
    const dpr = window.devicePixelRatio || 1;
    try {
      for (const card of this.cards.values()) this.widget.draw(card.chart, card.canvas, this.chartWidth(card.canvas), dpr);
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) return this.crash(error);
      return this.fail(this.t.failed, [String(error.message || error)]);
    }
    this.markReady();
  }

  markReady() {
    this.removeAttribute("aria-busy");
    if (this.dataset.ready !== "true") performance.mark("zone-monitor:ready");
    this.dataset.ready = "true";
    this.dispatchEvent(new CustomEvent("zone-monitor:ready", { bubbles: true, composed: true }));
  }

  /** The chart as a PNG, light whatever the screen shows (like the SVG):
   * exports go into documents and print. */
  exportPng(chart) {
    const card = this.cards.get(chart);
    const canvas = document.createElement("canvas");
    this.widget.export_png(chart, canvas, this.chartWidth(card.canvas), 2);
    canvas.toBlob((blob) => blob && this.download(blob, `${chart}.png`), "image/png");
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
}

if (!customElements.get("zone-monitor")) customElements.define("zone-monitor", ZoneMonitor);
