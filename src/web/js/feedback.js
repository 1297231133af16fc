// What the widget tells the reader: one message line under the controls,
// seen and heard (a polite live region that is also visible), with a
// button to dismiss it. A failed search, a copied link, an action that did
// not work all go through `announce`; the datum under the keyboard focus,
// which the chart's tooltip already shows, goes to a screen reader only
// (`say`).

import { el } from "./dom.js";

export const Feedback = (Base) => class extends Base {
  /** The message line: built once per render, empty until there is news. */
  messageLine() {
    const box = el("div", "zm-message");
    this.message = el("p", "zm-message-text");
    this.message.setAttribute("role", "status");
    this.dismissMessage = this.dismissButton(() => this.announce(""));
    this.dismissMessage.hidden = true;
    box.append(this.message, this.dismissMessage);
    this.messageBox = box;
    return box;
  }

  /** A "dismiss" button that runs `close` and leaves the focus on the panel. */
  dismissButton(close) {
    const b = this.button("zm-dismiss", "×", () => {
      close();
      this.panel.focus({ preventScroll: true });
    });
    b.setAttribute("aria-label", this.t.dismiss);
    b.title = this.t.dismiss;
    return b;
  }

  /** Shows and says `message` ("" clears the line). */
  announce(message) {
    if (!this.message) return;
    this.message.textContent = "";
    this.messageBox.classList.toggle("zm-shown", Boolean(message));
    this.dismissMessage.hidden = !message;
    // A fresh text node after a tick makes screen readers announce repeats too.
    requestAnimationFrame(() => (this.message.textContent = message));
  }

  /** Says `message` to a screen reader only: for what is already on screen. */
  say(message) {
    this.live.textContent = "";
    requestAnimationFrame(() => (this.live.textContent = message));
  }
};
