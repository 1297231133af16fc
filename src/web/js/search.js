// The zone search: a combobox (the ARIA 1.2 pattern: an input that owns a
// listbox of candidates) over the zones' names in both languages, their
// ids and their sub-parks. Part of a name is enough, in either case; a
// sub-park selects its core zone (the charts show core zones) and says so;
// when nothing matches, the nearest name is offered. Matching is here, not
// in Rust: a few lines of script cost the bundle less than a wasm export
// and its serializer (measured: docs in the issue 13 report).

import { el, isolated } from "./dom.js";

/** How the search compares: lower case, spaces collapsed. */
const fold = (text) => text.toLowerCase().replace(/\s+/g, " ").trim();

/** The edit distance from `query` to the closest part of `text` (Sellers'
 * approximate substring match: a match may start and end anywhere). */
function distance(query, text) {
  let row = Array(text.length + 1).fill(0);
  for (let i = 1; i <= query.length; i++) {
    const next = [i];
    for (let j = 1; j <= text.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (query[i - 1] === text[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return Math.min(...row);
}

/** The zones `query` finds, best first: an exact name or id, then names
 * that start with it, then names that contain it; core zones before
 * sub-parks, then in the data's order. */
export function matchZones(zones, query) {
  const q = fold(query);
  if (!q) return [];
  const scored = [];
  zones.forEach((zone, order) => {
    let best = 3;
    for (const field of [zone.name, zone.other, zone.id].map(fold)) {
      best = Math.min(best, field === q ? 0 : field.startsWith(q) ? 1 : field.includes(q) ? 2 : 3);
    }
    if (best < 3) scored.push([best, zone.parent ? 1 : 0, order, zone]);
  });
  return scored.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]).map((s) => s[3]);
}

/** The zone whose name (either language) or id comes closest to `query`. */
export function nearestZone(zones, query) {
  const q = fold(query);
  let nearest = null;
  let score = Infinity;
  for (const zone of zones) {
    for (const field of [zone.name, zone.other, zone.id].map(fold)) {
      const s = distance(q, field) * 100 + Math.abs(field.length - q.length);
      if (s < score) [nearest, score] = [zone, s];
    }
  }
  return nearest;
}

/** At most this many candidates are listed. */
const SHOWN = 8;

export const Search = (Base) => class extends Base {
  /** Every zone with its names, asked of the widget when the search first
   * needs it, not while the page loads. */
  get zoneList() {
    return (this.zones ??= this.widget.zones());
  }

  /** The search box: a label, the combobox, its listbox, a clear button. */
  zoneSearch(state) {
    const t = this.t;
    const box = el("div", "zm-control zm-search");
    const label = el("label", "", t.zone);
    const input = el("input", "zm-zone");
    input.type = "search";
    input.dir = "auto"; // a zone's name may be written right to left
    input.placeholder = t.zone_placeholder;
    input.autocomplete = "off";
    input.id = label.htmlFor = `${this.uid}-zone`;
    const list = el("ul", "zm-options");
    list.id = `${this.uid}-zones`;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", t.candidates);
    list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    this.zones = null; // in the language of this render
    const current = state.zone && this.zoneList.find((z) => z.id === state.zone);
    input.value = current ? current.name : "";

    let shown = []; // the candidates listed: [{ zone, option }]
    let active = -1;
    const setActive = (i) => {
      active = i;
      shown.forEach(({ option }, k) => option.setAttribute("aria-selected", String(k === i)));
      if (i >= 0) {
        input.setAttribute("aria-activedescendant", shown[i].option.id);
        shown[i].option.scrollIntoView({ block: "nearest" });
      } else input.removeAttribute("aria-activedescendant");
    };
    const close = () => {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    };
    const choose = (zone) => {
      close();
      this.chooseZone(zone);
    };
    const open = () => {
      const query = input.value;
      const found = matchZones(this.zoneList, query);
      // Nothing matches: the nearest name is the one candidate, marked so.
      const nearest = found.length || !query.trim() ? null : nearestZone(this.zoneList, query);
      const zones = nearest ? [nearest] : found.slice(0, SHOWN);
      shown = zones.map((zone, i) => {
        const option = el("li", "zm-option");
        option.id = `${list.id}-${i}`;
        option.setAttribute("role", "option");
        // The name is the data's: isolated from the words around it.
        const name = el("span", "zm-option-name", nearest ? t.no_match_nearest : "");
        name.append(el("bdi", "", zone.name));
        option.append(name);
        const parent = zone.parent && this.zoneList.find((z) => z.id === zone.parent);
        option.append(el("span", "zm-option-note", [isolated(zone.other), parent ? `${t.in_zone}${isolated(parent.name)}` : zone.level_label].join(" · ")));
        // pointerdown would move the focus off the input before the click.
        option.addEventListener("pointerdown", (event) => event.preventDefault());
        this.listen(option, "click", () => choose(zone));
        return { zone, option };
      });
      list.replaceChildren(...shown.map((s) => s.option));
      if (found.length > SHOWN) list.append(el("li", "zm-option-more", `${t.more_matches}${found.length - SHOWN}`));
      list.hidden = !shown.length;
      input.setAttribute("aria-expanded", String(!list.hidden));
      setActive(-1);
    };
    this.listen(input, "input", open);
    this.listen(input, "focus", () => input.value && open());
    this.listen(input, "blur", close);
    this.listen(input, "keydown", (event) => {
      const moves = { ArrowDown: 1, ArrowUp: -1 };
      if (event.key in moves) {
        event.preventDefault();
        if (list.hidden) open();
        const n = shown.length;
        const move = moves[event.key];
        if (n) setActive(active < 0 ? (move > 0 ? 0 : n - 1) : (active + move + n) % n);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      } else if (event.key === "Enter") {
        event.preventDefault();
        this.findZone(input.value, active >= 0 ? shown[active].zone : null);
        close();
      }
    });
    // A name typed out in full and left (Tab, or a script setting the value).
    this.listen(input, "change", () => {
      const q = fold(input.value);
      const zone = this.zoneList.find((z) => [z.name, z.other, z.id].some((f) => fold(f) === q));
      if (zone) this.chooseZone(zone);
      else if (!q) this.selectZone("");
    });
    box.append(label, input, list, this.button("zm-clear", t.clear, () => {
      input.value = "";
      this.selectZone("");
      this.announce("");
    }));
    this.zoneInput = input;
    return box;
  }

  /** Enter in the search: the highlighted candidate, else the best match;
   * when none, says so, with the nearest name. */
  findZone(query, highlighted) {
    if (!query.trim()) return this.selectZone("");
    const zone = highlighted ?? matchZones(this.zoneList, query)[0];
    if (zone) return this.chooseZone(zone);
    const nearest = nearestZone(this.zoneList, query);
    this.announce(`${this.t.unknown_zone}${isolated(query.trim())}${nearest ? `${this.t.nearest}${isolated(nearest.name)}` : ""}`);
  }

  /** Selects a zone, or a sub-park's core zone and says which. */
  chooseZone(zone) {
    const parent = zone.parent && this.zoneList.find((z) => z.id === zone.parent);
    this.selectZone((parent ?? zone).id);
    this.announce(parent ? `${isolated(zone.name)}${this.t.park_of}${isolated(parent.name)}` : "");
  }
};
