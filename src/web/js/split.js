// The widget's wasm in two modules (issue 15; opt-in, `SPLIT=1
// ./build.sh build`: tools/split/README.md): the primary, which holds what the
// overview's first load runs (binaryen's wasm-split, guided by a profile of
// that load), and the secondary, every other function, loaded after the
// first chart is on screen. Only in a split build: ZM_SPLIT is esbuild's
// define, false otherwise, and this module then drops out of the bundle.
// What the reader sees meanwhile (`Split`, a mixin of the element): a
// handler waiting for the secondary says so, a load made again shows the
// skeleton, a secondary that cannot be fetched is tried again, then said
// with a button that tries once more.
//
// The primary imports a placeholder for each function of the secondary that
// it may call (named by the function's slot in the primary's table); once
// the secondary is instantiated (with the primary's exports as its imports:
// memory, tables, globals, functions) its element segment puts the real
// functions in those slots. A placeholder called before that finds the
// secondary compiled (and instantiates it at once) or not yet here: then it
// throws an error (`needsSecondary`), and the wasm frames under it are dropped without
// Rust's epilogues. What the caller must do then: the stack pointers back
// to where they rest (`rest`) and the work again from its start (the page
// does that only for a load, element.js `show`); no handler runs into the
// wasm before the secondary is in (element.js `guard`).

import * as glue from "zone-monitor-wasm";

let primary = null; // the primary's exports
let secondaryUrl = null;
let compiled = null; // the secondary, compiled
let loaded = false;
let loading = null;
let resting = null; // the stack pointers between calls

/** A promise with its resolve and reject, its rejection handled (nobody
 * may be waiting). */
function deferred() {
  const d = {};
  d.promise = new Promise((resolve, reject) => Object.assign(d, { resolve, reject }));
  d.promise.catch(() => {});
  return d;
}
// (Pure: a build without the split drops them.)
let arrival = /* @__PURE__ */ deferred(); // the secondary in, or the fetch under way failed
const primaryIn = /* @__PURE__ */ deferred();

/** Whether `error` is a placeholder's: the secondary was needed before it came. */
export const needsSecondary = (error) => error?.needsSecondary === true;

/** Instantiates the primary (its URL), the secondary's URL kept for later. */
export async function loadPrimary(url, secondary) {
  secondaryUrl = secondary;
  const imports = glue.__wbg_imports();
  imports.placeholder = new Proxy({}, { get: (_, slot) => (...args) => placeholder(Number(slot), args) });
  const { instance, module } = await WebAssembly.instantiateStreaming(fetch(url), imports);
  primary = instance.exports;
  glue.__wbg_finalize(instance, module);
  resting = [primary["%global"].value, primary["%global_0"].value];
  primaryIn.resolve();
}

function placeholder(slot, args) {
  if (!loaded) {
    // (The page says element.js's words for it, in the reader's language:
    // this message is for the console.)
    if (!compiled) throw Object.assign(new Error(`the widget's second module is not loaded yet (function ${slot})`), { needsSecondary: true });
    instantiate();
  }
  return primary["%table"].get(slot)(...args);
}

function instantiate() {
  new WebAssembly.Instance(compiled, { primary });
  loaded = true;
  arrival.resolve();
}

/** Whether every function is callable. */
export const secondaryLoaded = () => loaded;

/** Fetches, compiles and instantiates the secondary, once (fetched and
 * compiled beside the primary when called before it is in: loadPrimary
 * first, for the URL; instantiated once both are). A failed fetch
 * is tried again (TRIES times in all, a pause between: a phone's link that
 * dropped for a moment); if every try fails the promise rejects with the
 * last error, marked `secondaryFailed`, and the next call tries anew. */
export function loadSecondary() {
  loading ??= compileSecondary().then(async (module) => {
    compiled = module;
    await primaryIn.promise;
    if (!loaded) instantiate();
  }, (error) => {
    loading = null;
    const failed = Object.assign(error instanceof Error ? error : new Error(String(error)), { secondaryFailed: true });
    arrival.reject(failed);
    arrival = deferred();
    throw failed;
  });
  return loading;
}

/** Resolves once the secondary is in, without fetching it (the load
 * fetches it after its first chart: a fetch before would slow that chart
 * on a slow link); rejects if the fetch under way fails. */
export const secondaryArrives = () => arrival.promise;

const TRIES = 3;

async function compileSecondary() {
  for (let tried = 1; ; tried++) {
    try {
      return await WebAssembly.compileStreaming(fetch(secondaryUrl));
    } catch (error) {
      if (tried === TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * tried));
    }
  }
}

/** The stack pointers back where they rest between calls: only when no wasm
 * is running, after a placeholder's error dropped the frames that would
 * have. */
function rest() {
  primary["%global"].value = resting[0];
  primary["%global_0"].value = resting[1];
}

/** element.js `show` in a split build: a load that needed the secondary
 * before it came is made again once it has, on both modules. What the load
 * cut short half-made is left, not freed (its borrow flags may be set). */
export async function showSplit(element) {
  const shown = element.show();
  const run = element.run;
  try {
    await shown;
  } catch (error) {
    if (!needsSecondary(error)) throw error;
    rest(); // no wasm runs now: a promise's reaction
    element.widget = null;
    // What this load had put on the page goes, the skeleton back until it
    // is made again. Left there, its panel was found by a drawing (a
    // resize's, a font's) between the new load's validate and render: no
    // cards (show() drops them) but a panel on the page, so it said the
    // widget ready (data-ready) just before render() emptied the page
    // (what theme.test.mjs most likely met once: no export button right
    // after data-ready).
    element.loadingAgain();
    try {
      await loadSecondary();
    } catch (failure) {
      return element.run === run && element.failSecondary(failure);
    }
    if (element.run === run) return showSplit(element);
  }
}

/** Marks a handler that element.js `guard` runs before the secondary is in
 * (the load). */
export const early = (handler) => Object.assign(handler, { early: true });

/** Frees a wasm-bindgen object, quietly: one a placeholder's error cut short may
 * still be borrowed, and wasm-bindgen then throws. */
export function freeQuietly(object) {
  try {
    object?.free();
  } catch {}
}

/** What the page says of the secondary, in the reader's language (as
 * element.js's BOOT words: before the wasm can be asked for words, and
 * only in a split build). */
const SPLIT_WORDS = {
  zh: {
    more_loading: "正在加载组件的其余部分…",
    more_failed: "组件的其余部分无法加载：",
    not_yet: "组件的其余部分尚未加载",
    retry: "重试",
  },
  en: {
    more_loading: "Loading the rest of the widget...",
    more_failed: "The rest of the widget could not load: ",
    not_yet: "The rest of the widget has not loaded yet",
    retry: "Try again",
  },
};

/** The element's word `key` of SPLIT_WORDS, in its language. */
export const splitWord = (element, key) => SPLIT_WORDS[element.langTag][key];

/** The settings of a link whose first loads are in the primary. */
const PROFILED = ["view", "zone", "year", "lang", "mode"];

/** The element's side of the split (src/web/zone-monitor.js adds it to
 * the element only in a split build). */
export const Split = (Base) => class extends Base {
  /** Whether the first load needs the secondary before its first chart:
   * its first tab is not the overview (the link's view, else the view
   * attribute: restoreFromHash's order), or the link holds settings or
   * the element attributes the profile's loads had not (build.sh
   * split_wasm: the overview's own link, with a zone, elder mode, either
   * language; a link that also sets a level, an area, the weights, ...
   * would add 16 KB gzip to the primary). The page then fetches it with
   * the primary rather than make the load twice. */
  get beyondProfile() {
    const link = [...new URLSearchParams(location.hash.slice(1))].filter(([key]) => key.startsWith(this.hashPrefix));
    const view = new Map(link).get(`${this.hashPrefix}view`) || this.getAttribute("view");
    return (Boolean(view) && view !== "overview") || this.hasAttribute("zone") || this.hasAttribute("year") ||
      link.some(([key]) => !PROFILED.includes(key.slice(this.hashPrefix.length)));
  }

  /** A load that needed the secondary before it came (showSplit) leaves
   * the page for the skeleton, busy, until it is made again. */
  loadingAgain() {
    this.later = null;
    this.cards.clear();
    delete this.dataset.ready;
    this.setAttribute("aria-busy", "true");
    this.frame.replaceChildren(this.skeleton());
    this.loadingLine.textContent = splitWord(this, "more_loading");
  }

  /** The secondary could not be fetched (tried TRIES times): said, with a
   * button that loads the widget again (and so tries once more). */
  failSecondary(error) {
    this.fail(splitWord(this, "more_failed"), [String(error.message || error)], early(() => this.load()));
  }

  /** A handler called before the secondary is in waits for it (element.js
   * `guard`); for the reader's action the page says so meanwhile, busy (a
   * tab chosen at once on a slow link waits a second). One promise for
   * every waiting handler: they run in the order they were called. */
  afterSecondary(event) {
    // While the widget loads (busy) its load fetches the secondary after
    // the first chart (cards.js drawLater) or when it needs it (showSplit):
    // a handler run meanwhile (the link written, a resize) waits for that;
    // otherwise (a file's problems listed, the load over) it is fetched now.
    this.secondaryWait ??= (this.hasAttribute("aria-busy") ? secondaryArrives() : loadSecondary()).finally(() => {
      this.secondaryWait = null;
      if (!this.waitSaid) return;
      this.waitSaid = false;
      this.announce("");
      if (this.dataset.ready) this.removeAttribute("aria-busy");
    });
    // Said for what the reader did, not for a pointer passing over a chart.
    if (!this.waitSaid && ["click", "keydown", "input", "change"].includes(event?.type)) {
      this.waitSaid = true;
      this.announce(splitWord(this, "more_loading"));
      this.setAttribute("aria-busy", "true");
    }
    return this.secondaryWait;
  }
};
