// 长辈模式, elder mode: larger text, larger targets, one chart per row with
// its summary first, and the charts drawn larger by Rust (ELDER_SCALE in
// src/charts/style.rs). Set by the toggle in the header, the attribute
// mode="elder", or the share link (mode=elder, read and written by Rust);
// the attribute always reflects the state, which the stylesheet follows.

export const Elder = (Base) => class extends Base {
  /** Whether elder mode is on (the Rust session holds it). */
  get elder() {
    return Boolean(this.widget?.state().elder);
  }

  /** The header's toggle. */
  elderToggle() {
    const toggle = this.button("zm-elder", this.t.elder, () => this.setElder(!this.elder));
    toggle.setAttribute("aria-pressed", String(this.elder));
    return toggle;
  }

  /** Turns elder mode on or off and rebuilds the widget around it. */
  setElder(on) {
    this.widget.set_elder(on);
    this.reflectMode();
    this.render();
    this.frame.querySelector(".zm-elder")?.focus();
  }

  /** The attribute follows the state (the stylesheet reads it). */
  reflectMode() {
    this.withoutEcho(() => (this.elder ? this.setAttribute("mode", "elder") : this.removeAttribute("mode")));
  }
};
