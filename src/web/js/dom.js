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
 * an option's note): wrapped in Unicode isolates (FSI … PDI), so that its
 * direction cannot reorder the words around it, as `format::isolated` does
 * in Rust. Where an element can hold one, use <bdi> instead. */
export function isolated(name) {
  return `\u2068${name}\u2069`;
}
