// The overview's claims folded by verdict: a disclosure per badge, with
// its count (the contradictions open, the rest closed, so a phone does not
// scroll past 19 claims), and a switch to show only the contradictions.

import { el } from "./dom.js";

export const Claims = (Base) => class extends Base {
  /** `items` (one per claim, in order) grouped by the claims' badges. */
  claimGroups(claims, items) {
    const groups = new Map(); // badge → { details, list, contradictory, count }
    claims.forEach((claim, i) => {
      if (!groups.has(claim.verdict_label)) {
        const details = el("details", `zm-claim-group zm-${claim.verdict}`);
        const list = el("ul", "zm-claim-list");
        details.append(el("summary"), list);
        details.open = claim.verdict === "contradictory";
        groups.set(claim.verdict_label, { details, list, contradictory: details.open, count: 0 });
      }
      const group = groups.get(claim.verdict_label);
      group.list.append(items[i]);
      group.count++;
    });
    for (const [badge, group] of groups) {
      group.details.firstChild.textContent = this.langTag === "zh" ? `${badge}（${group.count}）` : `${badge} (${group.count})`;
    }
    const all = [...groups.values()];
    if (!all.some((g) => g.contradictory)) return all.map((g) => g.details);
    const only = this.button("zm-only-contradictions", this.t.only_contradictions, () => {
      const on = only.getAttribute("aria-pressed") !== "true";
      only.setAttribute("aria-pressed", String(on));
      for (const g of all) {
        g.details.hidden = on && !g.contradictory;
        if (on && g.contradictory) g.details.open = true;
      }
    });
    only.setAttribute("aria-pressed", "false");
    return [only, ...all.map((g) => g.details)];
  }
};
