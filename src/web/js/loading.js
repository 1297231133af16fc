// While the wasm and the dataset load: a skeleton of the widget's first
// screen (title, tabs, controls, a card) at least one viewport tall, so a
// portal's content below it is already below the fold and does not jump
// when the widget draws (no layout shift), and the data's download
// progress when it is large enough to take a moment.

import { el, nextFrame } from "./dom.js";

/** Below this size (bytes) a download is quick: no progress is shown. */
const LARGE = 512 * 1024;

/** From this size (bytes; 2,000 zones of 5 years are 3.3 MB) a tab can
 * take a good part of a second to compute: choosing one says so first. */
const SLOW_TABS = 2 * 1024 * 1024;

export const Loading = (Base) => class extends Base {
  /** The skeleton, with the status line that says what is happening. */
  skeleton() {
    const box = el("div", "zm-skeleton");
    // The stylesheet may not have loaded yet: the height is set here.
    box.style.setProperty("min-height", "100vh");
    this.loadingLine = el("p", "zm-status", this.t.loading);
    this.loadingLine.setAttribute("role", "status");
    box.append(this.loadingLine);
    for (const part of ["title", "tabs", "controls", "card"]) {
      const bone = el("div", `zm-bone zm-bone-${part}`);
      bone.setAttribute("aria-hidden", "true");
      box.append(bone);
    }
    return box;
  }

  /** The response's bytes, saying how much has arrived when it is large:
   * "Loading... 3.1 of 12.4 MB (25%)", or "Loading... 3.1 MB" when the total
   * is not known: no Content-Length, or a compressed response's (its
   * Content-Length counts compressed bytes, the reader decoded ones). Once
   * `signal` aborts (a newer load began) it writes nothing more and throws. */
  async readBytes(response, signal) {
    const length = response.headers.get("content-encoding") ? 0 : Number(response.headers.get("content-length"));
    if (!response.body) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    const mb = (n) => (n / 1048576).toFixed(1);
    for (;;) {
      const { done, value } = await reader.read();
      // The aborted fetch cancels the body; a chunk read just before is dropped.
      signal.throwIfAborted();
      if (done) break;
      chunks.push(value);
      received += value.length;
      if (!this.loadingLine || received < LARGE) continue;
      // A length below what has arrived is wrong (say, a compressed one sent
      // without its Content-Encoding exposed): unknown, then.
      const total = length >= received ? length : 0;
      const words = { got: mb(received), total: mb(total), pct: Math.round((received / total) * 100) };
      this.loadingLine.textContent = (total ? this.t.loading_of : this.t.loading_mb).replace(/\{(\w+)\}/g, (_, key) => words[key]);
    }
    return new Uint8Array(await new Blob(chunks).arrayBuffer());
  }

  /** Whether the dataset is large enough (national scale) that a tab's
   * first drawing can take a good part of a second. */
  get slowTabs() {
    return this.bytes?.length >= SLOW_TABS;
  }

  /** Before a large dataset's tab is computed: the panel says
   * "Computing..." (a status, announced) and is not ready, painted before
   * the work starts; the old tab's cards and staged steps are dropped, so
   * nothing draws or says ready meanwhile (`computing`, markReady). The
   * line, which the tab's drawing replaces. */
  async sayComputingTab() {
    const line = el("p", "zm-status", this.t.computing);
    line.setAttribute("role", "status");
    this.panel.replaceChildren(line);
    this.cards.clear();
    this.later = null;
    this.computing = true;
    delete this.dataset.ready;
    this.setAttribute("aria-busy", "true");
    await nextFrame();
    return line;
  }

  /** Before the wasm reads a large dataset (the page is busy meanwhile):
   * "Computing...", painted before the work starts. */
  async sayComputing() {
    if (!this.loadingLine || !(this.bytes?.length >= LARGE)) return;
    this.loadingLine.textContent = this.t.computing;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  }
};
