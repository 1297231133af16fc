// The datum under the keyboard focus, marked on the chart: an outline over
// the canvas at the mark's box (the marks' boxes come from Rust, in the
// canvas's CSS pixels), so a sighted keyboard user sees where they are; the
// tooltip says what it is.

import { el } from "./dom.js";

export const Focus = (Base) => class extends Base {
  /** An outline over `canvas`; the returned function moves it to a mark
   * ({x0, y0, x1, y1}) or, given null, hides it. */
  focusOutline(canvas) {
    const outline = el("div", "zm-focus-mark");
    outline.hidden = true;
    outline.setAttribute("aria-hidden", "true");
    canvas.after(outline);
    return (mark) => {
      outline.hidden = !mark;
      if (!mark) return;
      // At least 12 px, so a dot or a thin bar is visibly ringed.
      const w = Math.max(12, mark.x1 - mark.x0);
      const h = Math.max(12, mark.y1 - mark.y0);
      outline.style.setProperty("--x", `${(mark.x0 + mark.x1 - w) / 2}px`);
      outline.style.setProperty("--y", `${(mark.y0 + mark.y1 - h) / 2}px`);
      outline.style.setProperty("--w", `${w}px`);
      outline.style.setProperty("--h", `${h}px`);
    };
  }
};
