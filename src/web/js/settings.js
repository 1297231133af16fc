// The control bar behind one "设置 / Settings" row when the widget is
// narrow (under 30rem, a phone), so the first chart is not pushed below the
// screen; open, with its row hidden, when there is room.

import { el } from "./dom.js";

/** Below this width (CSS px) of the widget the controls fold. */
const NARROW = 480;

export const Settings = (Base) => class extends Base {
  /** `bar` inside a disclosure that folds it on a narrow widget. */
  settingsRow(bar) {
    const details = el("details", "zm-settings");
    details.append(el("summary", "zm-settings-row", this.t.settings), bar);
    const fit = () => {
      const narrow = this.frame.clientWidth < NARROW;
      if (narrow === this.narrow) return;
      this.narrow = narrow;
      details.open = !narrow || Boolean(this.settingsOpened);
      details.classList.toggle("zm-folding", narrow);
    };
    // A reader who opened them keeps them open when the chrome is rebuilt.
    this.listen(details, "toggle", () => this.narrow && (this.settingsOpened = details.open));
    this.narrow = undefined;
    this.settingsFit ??= new ResizeObserver(() => this.settingsFit.fit?.());
    this.settingsFit.fit = this.guard(fit);
    this.settingsFit.observe(this.frame);
    fit();
    return details;
  }
};
