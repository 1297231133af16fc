// The DOM helpers every module of the widget builds with. Text goes in
// through textContent, never as HTML.

/** Creates an element with a class and optional text (never HTML). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A button; elements make theirs with `this.button`, which guards the handler. */
export function plainButton(className, text, onClick) {
  const b = el("button", `zm-button ${className}`.trim(), text);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

/** A name from the data inside a sentence of the widget's own (a message,
 * an option's note): wrapped in Unicode isolates (FSI … PDI) when it holds
 * right-to-left letters or directional controls, so that it cannot reorder
 * the words around it; returned as it is otherwise. The same rule as
 * `format::isolated` in Rust (the same ranges). Where an element can hold
 * one, use <bdi> instead. */
export function isolated(name) {
  return NEEDS_ISOLATION.test(name) ? `\u2068${name}\u2069` : name;
}

const NEEDS_ISOLATION = /[\u0590-\u08FF\u200E\u200F\u202A-\u202E\u2066-\u2069\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** Resolves in a new task: the load runs in steps, each a task of its own
 * (no task over 50 ms), the browser free to handle input between them. */
export function nextTask() {
  return globalThis.scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}

/** Resolves once the next frame has been produced (a task after it), or
 * after 100 ms where frames are paused (a page in the background). */
export function nextFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 100);
  });
}
