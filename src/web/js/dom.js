// The two DOM helpers every module of the widget builds with. Text goes in
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
