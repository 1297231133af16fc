// The state in the URL hash: read on load and on hashchange, written after
// every change (when the element has the hash attribute; once the change is
// on screen), and the share link.
// Rust writes and reads the settings (`state_params`, `restore_params`);
// this module only encodes them in the URL.

import { nextFrame } from "./dom.js";

export const Hash = (Base) => class extends Base {
  /** The prefix of this element's keys in the hash: none for the element
   * that owns the hash, its id (if any) for one embedded among others. */
  get hashPrefix() {
    return this.hasAttribute("hash") || !this.id ? "" : `${this.id}.`;
  }

  /** Restores the state from this element's settings in the hash (Rust
   * reads them); true when it held any. */
  restoreFromHash() {
    if (!this.widget) return false;
    const pairs = []; // flat: key, value, key, value, ...
    for (const [key, value] of new URLSearchParams(location.hash.slice(1))) {
      if (key.startsWith(this.hashPrefix)) pairs.push(key.slice(this.hashPrefix.length), value);
    }
    if (!pairs.length) return false;
    // Settings the data cannot use are said, not dropped silently.
    this.linkIgnored = this.widget.restore_params(pairs);
    const { lang } = this.widget.state();
    if (lang !== this.langTag) this.withoutEcho(() => this.setAttribute("lang", lang));
    this.reflectMode();
    return true;
  }

  /** The state as the share link's settings (Rust writes them). */
  stateParams() {
    return new URLSearchParams(this.widget.state_params());
  }

  /** Records the state: in the hash (when asked to) and as an event. */
  saveState() {
    const params = this.stateParams();
    // The link is written once the frame with the change is on screen:
    // Chromium's replaceState took 2–4 ms, a quarter of a weight change,
    // and a slider's steps in one frame need one write.
    if (this.hasAttribute("hash") && !this.linkPending) {
      this.linkPending = true;
      nextFrame().then(this.guard(() => {
        this.linkPending = false;
        if (!this.isConnected || !this.widget || !this.hasAttribute("hash")) return;
        const hash = `#${this.stateParams()}`;
        if (location.hash !== hash) history.replaceState(null, "", hash);
      }));
    }
    this.dispatchEvent(new CustomEvent("zone-monitor:statechange", { bubbles: true, composed: true, detail: Object.fromEntries(params) }));
  }

  shareLink() {
    const url = new URL(location.href);
    const params = new URLSearchParams();
    for (const [key, value] of this.stateParams()) params.set(this.hashPrefix + key, value);
    url.hash = params.toString();
    return url.href;
  }

  withoutEcho(action) {
    this.applying = true;
    try {
      action();
    } finally {
      this.applying = false;
    }
  }
};
