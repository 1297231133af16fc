// The widget's wasm in two modules (issue 15, a prototype: `SPLIT=1
// ./build.sh build`, tools/split/README.md): the primary, which holds what
// the overview's first load runs (binaryen's wasm-split, guided by a profile
// of that load), and the secondary, every other function, loaded after the
// first chart is on screen. Only in a split build: ZM_SPLIT is esbuild's
// define, false otherwise, and this module then drops out of the bundle.
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
}

function placeholder(slot, args) {
  if (!loaded) {
    if (!compiled) throw Object.assign(new Error(`the widget's second module is not loaded yet (function ${slot})`), { needsSecondary: true });
    instantiate();
  }
  return primary["%table"].get(slot)(...args);
}

function instantiate() {
  new WebAssembly.Instance(compiled, { primary });
  loaded = true;
}

/** Whether every function is callable. */
export const secondaryLoaded = () => loaded;

/** Fetches, compiles and instantiates the secondary, once. */
export function loadSecondary() {
  // A failed fetch is tried again at the next call, not kept.
  loading ??= WebAssembly.compileStreaming(fetch(secondaryUrl)).then((module) => {
    compiled = module;
    if (!loaded) instantiate();
  }, (error) => {
    loading = null;
    throw error;
  });
  return loading;
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
    element.widget = null;
    await loadSecondary();
    rest();
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
