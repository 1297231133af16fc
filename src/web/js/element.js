// The element itself: its lifecycle (connected, disconnected, attributes),
// loading the wasm and the dataset, the colour scheme, errors and traps, and
// the guard every event handler runs under. The other modules (controls,
// cards, hash, exports) are mixins over this class; src/web/zone-monitor.js
// puts them together.

import init, { Widget, words } from "zone-monitor-wasm";
import { el, nextTask, plainButton } from "./dom.js";
import { early, freeQuietly, loadPrimary, loadSecondary, needsSecondary, secondaryLoaded, showSplit, splitWord } from "./split.js";

// Bundled, this is the URL of www/zone-monitor.js: the base of the wasm, the
// stylesheet and the bundled data.
const BASE = new URL(".", import.meta.url);
const DEFAULT_SRC = new URL("data/zones.json", BASE).href;
// The reader's system colour scheme, followed unless the theme attribute pins one.
const DARK_SYSTEM = matchMedia("(prefers-color-scheme: dark)");
// Forced colours (Windows High Contrast): the charts take the system colours.
const FORCED = matchMedia("(forced-colors: active)");
/** The CSS pixels of the page's root font: the reader's text size. */
const rootFont = () => parseFloat(getComputedStyle(document.documentElement).fontSize);
// The CSS system colours the charts' forced palette is made of, in the
// order Widget.set_system_colors takes them.
const SYSTEM_COLORS = ["Canvas", "CanvasText", "GrayText", "LinkText", "Highlight"];

// The only words said before the wasm has loaded (or when it cannot be
// called); every other user-facing string comes from Rust (`words`, `texts`),
// but for a split build's, on its second module (split.js `SPLIT_WORDS`).
// The words the page needs before the wasm is ready (downloading the wasm and
// the data, both at once): the only words outside views::ui::WORDS. The
// progress words' {placeholders} are filled with numbers only (loading.js).
const BOOT = {
  zh: {
    loading: "正在加载…",
    loading_of: "正在加载… {got} / {total} MB（{pct}%）",
    loading_mb: "正在加载… {got} MB",
    computing: "正在计算…",
    failed: "组件无法加载：",
    internal: "组件出现内部错误，请刷新页面。如果再次出现，请告知网站管理员：",
  },
  en: {
    loading: "Loading...", // not "…": the Chinese-first fonts set it mid-height
    loading_of: "Loading... {got} of {total} MB ({pct}%)",
    loading_mb: "Loading... {got} MB",
    computing: "Computing...",
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
  // A split build (ZM_SPLIT, build.sh): the primary module here, the
  // secondary after the first chart (split.js).
  wasmReady ??= (ZM_SPLIT ? loadPrimary(new URL("pkg/zone_monitor_bg.wasm", BASE), new URL("pkg/zone_monitor_bg.2.wasm", BASE)) : init({ module_or_path: new URL("pkg/zone_monitor_bg.wasm", BASE) })).then(() => (wasmLoaded = true));
  return wasmReady;
}

let instances = 0;

export class ZoneMonitorElement extends HTMLElement {
  static observedAttributes = ["lang", "src", "view", "zone", "year", "theme", "mode"];

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
    // The reader's text size for the charts (Widget.set_text_size): the
    // root's font, which the widget's text follows in rem. A box 1rem wide
    // says when it changes (the browser's font setting, a page's own
    // control), and every chart is then drawn again at the new size.
    const rem = el("div", "zm-rem");
    this.root.append(sheet, rem, this.frame);
    new ResizeObserver(this.guard(() => {
      if (!this.widget || rootFont() === this.textPx) return;
      this.applyTextSize();
      // (No cards: nothing to draw again, nor a load's panel to call ready.)
      if (this.cards.size) this.draw();
    })).observe(rem);
    // The charts follow the widget's width; its height changes with every
    // tab and summary, and redrawing for it drew every chart twice.
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const width = entry.contentRect.width;
      if (width !== this.drawnWidth) this.scheduleDraw();
      this.drawnWidth = width;
    });
    // A followed link may change any control: the chrome is rebuilt from
    // the restored state rather than patched control by control.
    this.onHashChange = this.guard(() => this.restoreFromHash() && this.render());
    this.onSchemeChange = this.guard(() => this.applyTheme());
    // A font that arrives after a drawing (a portal's web font named like
    // one of the widget's fonts, --zm-font, which the charts name too:
    // charts::style::FONT_FAMILY): every chart measured and drawn again in
    // it. Other fonts of the page draw nothing again.
    this.onFontsLoaded = this.guard((event) => {
      const ours = getComputedStyle(this).getPropertyValue("--zm-font");
      if (this.widget && event.fontfaces.some((face) => ours.includes(face.family.replace(/["']/g, "")))) this.draw();
    });
    this.onBeforePrint = this.guard(() => this.printLayout || this.preparePrint());
    this.onAfterPrint = this.guard(() => this.clearPrint());
    // Escape anywhere in the widget stops reading aloud and the sound.
    this.root.addEventListener("keydown", this.guard((event) => {
      if (event.key !== "Escape") return;
      this.stopSpeaking();
      this.stopSound();
    }));
  }

  /** The language: the element's lang attribute (the hash's lang sets it),
   * else the page address's ?lang= (as a link may carry it), else the page's. */
  get langTag() {
    // A share link carries the language in its hash: the loading and error
    // texts before the wasm reads the link speak it too.
    const key = `${this.hashPrefix}lang`;
    const link = new URLSearchParams(location.hash.slice(1)).get(key) || new URLSearchParams(location.search).get(key);
    const tag = this.getAttribute("lang") || link || document.documentElement.lang || "zh";
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

  /** Redraws the charts in the current colour scheme (`draw` false: only
   * tells the widget, before anything is drawn). */
  applyTheme(draw = true) {
    if (!this.widget) return;
    this.widget.set_dark(this.dark);
    this.widget.set_system_colors(FORCED.matches ? this.systemColors() : new Uint8Array());
    if (draw) this.draw();
  }

  /** The RGB bytes of the system colours as the page resolves them now
   * (computed on a probe, then read back from a 1×1 canvas: no parsing). */
  systemColors() {
    const probe = el("span");
    this.root.append(probe);
    const pixel = el("canvas").getContext("2d", { willReadFrequently: true });
    const bytes = SYSTEM_COLORS.flatMap((name) => {
      probe.style.setProperty("color", name);
      pixel.fillStyle = getComputedStyle(probe).color;
      pixel.fillRect(0, 0, 1, 1);
      return [...pixel.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    });
    probe.remove();
    return new Uint8Array(bytes);
  }

  connectedCallback() {
    elements.add(this);
    if (trap) return this.stop();
    this.resizeObserver.observe(this);
    if (this.hasAttribute("hash")) window.addEventListener("hashchange", this.onHashChange);
    DARK_SYSTEM.addEventListener("change", this.onSchemeChange);
    FORCED.addEventListener("change", this.onSchemeChange);
    window.addEventListener("beforeprint", this.onBeforePrint);
    window.addEventListener("afterprint", this.onAfterPrint);
    document.fonts?.addEventListener("loadingdone", this.onFontsLoaded);
    this.load();
  }

  disconnectedCallback() {
    elements.delete(this);
    this.resizeObserver.disconnect();
    window.removeEventListener("hashchange", this.onHashChange);
    DARK_SYSTEM.removeEventListener("change", this.onSchemeChange);
    FORCED.removeEventListener("change", this.onSchemeChange);
    window.removeEventListener("beforeprint", this.onBeforePrint);
    window.removeEventListener("afterprint", this.onAfterPrint);
    document.fonts?.removeEventListener("loadingdone", this.onFontsLoaded);
    this.loadAbort?.abort(); // connecting again loads again
    this.run = null; // and a show() under way stops at its next step
    this.stopPlaying();
    this.stopSpeaking();
    this.stopSound();
  }

  attributeChangedCallback(name, before, after) {
    // Not before connectedCallback (which loads): an element upgraded with
    // a src would otherwise start a second download of the same file.
    if (!elements.has(this) || before === after || this.applying || trap) return;
    // The browser reports an error thrown here instead of passing it to
    // whoever set the attribute: guard it like an event handler.
    // (A split build: a new src loads at once, as before the secondary.)
    const change = () => this.attributeChanged(name, after);
    this.guard(ZM_SPLIT && name === "src" ? early(change) : change)();
  }

  attributeChanged(name, after) {
    if (name === "src") return this.load();
    if (name === "theme") return this.applyTheme();
    if (name === "mode") return this.widget && this.setElder(after === "elder");
    if (name === "lang") {
      if (this.widget) {
        this.widget.set_lang(this.langTag);
        this.render();
      } else if (this.bytes !== undefined) {
        this.show(); // the dataset's problems, again, in the new language
      }
      return;
    }
    if (!this.widget) return;
    if (name === "view" && after) this.selectTab(after, false);
    if (name === "zone") this.selectZone(after || "");
    if (name === "year" && after) this.selectYear(Number(after));
  }

  async load() {
    // A newer load (src changed meanwhile) wins: the older one's download is
    // cancelled and it stops, without touching the newer one's state.
    this.loadAbort?.abort();
    const { signal } = (this.loadAbort = new AbortController());
    this.run = null; // an older show() stops at its next step
    this.setAttribute("aria-busy", "true");
    delete this.dataset.ready; // until this load's cards are drawn
    this.frame.replaceChildren(this.skeleton()); // loading.js
    this.widget?.free();
    this.widget = null;
    this.bytes = undefined;
    const src = this.getAttribute("src") ? new URL(this.getAttribute("src"), document.baseURI).href : DEFAULT_SRC;
    try {
      // A split build: a first load beyond the profile's (another tab, a
      // link's settings: split.js) needs the secondary before its first
      // chart: fetched beside the primary, rather than the load made twice.
      const [response] = await Promise.all([fetch(src, { signal }), ZM_SPLIT && this.beyondProfile ? Promise.all([loadWasm(), loadSecondary()]) : loadWasm()]);
      if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
      // Bytes, not text(): the wasm applies the CLI's encoding rule (a BOM
      // allowed, anything not UTF-8 an encoding problem, not U+FFFD).
      const bytes = await this.readBytes(response, signal); // loading.js: with progress
      signal.throwIfAborted();
      this.bytes = bytes;
      // A split build: a file at national scale (slowTabs) takes paths the
      // profile of the bundled file did not (a first load that needs the
      // secondary would be made twice): the secondary first. (Sent
      // compressed, 2,000 zones x 20 years is ~150 KB of brotli: the
      // secondary's ~190 KB more than doubles that download.)
      if (ZM_SPLIT && this.slowTabs) {
        await loadSecondary();
        signal.throwIfAborted();
      }
    } catch (error) {
      if (!signal.aborted) ZM_SPLIT && error.secondaryFailed ? this.failSecondary(error) : this.fail(this.t.failed, [String(error.message || error)]);
      return;
    }
    await this.sayComputing(); // loading.js
    if (signal.aborted) return;
    if (ZM_SPLIT) this.guard(early(() => showSplit(this)))();
    else this.guard(() => this.show())();
  }

  /**
   * Hands the fetched dataset to the wasm: the widget, or its problems. In
   * steps, each a task of its own so that none is long (issue 15): parse
   * the text; validate it into the dataset; build the page and its first
   * card; draw the first chart (`zone-monitor:ready`); then each other card
   * (cards.js, `drawStaged`). A newer load or show stops this one at its
   * next step.
   */
  async show() {
    if (trap) return this.stop();
    const run = (this.run = {});
    const next = async () => {
      await nextTask();
      return this.run === run && this.isConnected && !trap;
    };
    this.widget?.free();
    // An older load's cards (drawn on a resize) and those still to draw
    // (cards.js) are dropped too.
    this.widget = this.zones = this.later = this.dataAt = this.ownWeights = null;
    this.cards.clear();
    let parsed = null;
    try {
      try {
        // The marks time each step (tests/e2e/profile-load.mjs).
        performance.mark("zone-monitor:parse");
        parsed = Widget.parse(this.bytes, this.langTag);
        if (!(await next())) return;
        performance.mark("zone-monitor:validate");
        this.widget = Widget.validate(parsed, this.langTag);
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) return this.crash(error);
        if (ZM_SPLIT && needsSecondary(error)) throw error;
        const problems = Array.isArray(error.problems) ? error.problems.map((p) => p.message) : [String(error.message || error)];
        return this.fail(this.t.bad_data, problems);
      }
      if (!(await next())) return;
      performance.mark("zone-monitor:render");
      this.applyTheme(false);
      this.applyAttributes();
      this.restoreFromHash();
      await this.render(true);
    } finally {
      // Freed once the tab is drawn, not in validate's task (its strings
      // are a free each: 19 of validate's 126 ms in a CPU profile).
      // (Split: a load a placeholder cut short may have left it borrowed.)
      if (!trap) ZM_SPLIT ? freeQuietly(parsed) : parsed?.free();
    }
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
    this.bytes = undefined;
    this.fail(this.t.internal, [String(trap.message || trap)]);
  }

  /** Shows why nothing can be drawn: never a blank box (with a button that
   * runs `retry`, when given). */
  fail(headline, messages, retry) {
    const box = el("div", "zm-error");
    box.setAttribute("role", "alert");
    box.append(el("p", "zm-error-title", headline));
    const list = el("ul");
    for (const message of messages) list.append(el("li", "", message));
    box.append(list);
    if (ZM_SPLIT && retry) box.append(this.button("zm-retry", splitWord(this, "retry"), retry));
    this.frame.replaceChildren(box);
    this.removeAttribute("aria-busy");
    this.dispatchEvent(new CustomEvent("zone-monitor:error", { bubbles: true, composed: true, detail: { messages } }));
  }

  applyAttributes() {
    if (this.getAttribute("view")) this.widget.set_tab(this.getAttribute("view"));
    if (this.getAttribute("zone")) this.widget.set_zone(this.getAttribute("zone"));
    if (this.getAttribute("year")) this.widget.set_year(Number(this.getAttribute("year")));
    this.widget.set_elder(this.getAttribute("mode") === "elder");
    this.applyTextSize();
    // A finger needs 44 px targets: charts that cannot give them draw another way.
    this.widget.set_touch(matchMedia("(pointer: coarse)").matches);
  }

  /** The charts' text at the reader's size (the page's root font). */
  applyTextSize() {
    this.widget.set_text_size((this.textPx = rootFont()));
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
      // (A split build's placeholder says in English which function it
      // stood for: for the console; the reader gets their language.)
      const message = ZM_SPLIT && needsSecondary(error) ? splitWord(this, "not_yet") : ZM_SPLIT && error.secondaryFailed ? `${splitWord(this, "more_failed")}${error.message}` : error.message || error;
      this.announce(`${this.t.action_failed}${message}`);
    };
    return (...args) => {
      if (trap) return;
      // A split build: nothing but the load runs into the wasm before the
      // secondary module is in; a handler called between the primary and
      // the secondary runs once the secondary is in (before the primary,
      // a handler cannot reach the wasm: no widget yet).
      if (ZM_SPLIT && !handler.early && wasmLoaded && !secondaryLoaded()) return void this.afterSecondary(args[0]).then(() => this.guard(handler)(...args), onError);
      try {
        const result = handler(...args);
        if (result instanceof Promise) result.catch(onError);
        return result;
      } catch (error) {
        onError(error);
      }
    };
  }
}
