// <zone-monitor>: the embeddable widget.
//
// One script tag and one element on any page:
//
//   <script type="module" src="/zone-monitor/zone-monitor.js"></script>
//   <zone-monitor lang="zh" src="/data/zones.json"></zone-monitor>
//
// Attributes: src (dataset URL; default: the bundled data/zones.json beside
// this script), lang (zh | en), view (a tab id), zone (a zone id), year, and
// heading-level (of its title; default 2, the standalone page says 1),
// mode ("elder": 长辈模式, larger text, targets and charts; also a toggle
// in the header and mode=elder in the share link),
// theme (light | dark; absent: follow the reader's system, as
// prefers-color-scheme says; the charts are drawn in the same scheme as the
// stylesheet's, and redrawn when it changes), and
// hash (present: the element keeps its state in the page's URL hash as it
// changes; the standalone page sets it). Without it the element still reads
// its state from the hash once when it loads, under its id ("#id.view=..."),
// so the share link of an embedded widget restores it too.
//
// This script is glue: it wires the DOM to the Rust handle (`Widget`, compiled to
// wasm), which owns the dataset and computes every number and pixel. Nothing
// from the data is ever inserted as HTML: names go in through textContent.
// Everything lives in the element's shadow root, styled by zone-monitor.css
// (no inline styles: positions go through CSS custom properties set with the
// CSSOM, which a strict CSP allows).
//
// This is the source, and the entry of the bundle: it puts the element
// together from the modules in js/ (element.js, the class; controls.js,
// cards.js, hash.js, exports.js, feedback.js, search.js, player.js,
// glossary.js, claims.js, settings.js, loading.js and focus.js, and the
// accessibility modules elder.js, speech.js, sound.js and print.js,
// mixins over it; dom.js, the helpers),
// each method in exactly one of them. The build (build.sh, esbuild) bundles
// them with wasm-bindgen's glue ("zone-monitor-wasm" is an alias for
// www/pkg/zone_monitor.js), minifies them and writes www/zone-monitor.js, the
// file a portal serves. Its URL is the base of the wasm, the stylesheet and
// the bundled data.

import { ZoneMonitorElement } from "./js/element.js";
import { Controls } from "./js/controls.js";
import { Cards } from "./js/cards.js";
import { Hash } from "./js/hash.js";
import { Exports } from "./js/exports.js";
import { Feedback } from "./js/feedback.js";
import { Search } from "./js/search.js";
import { Player } from "./js/player.js";
import { Glossary } from "./js/glossary.js";
import { Claims } from "./js/claims.js";
import { Settings } from "./js/settings.js";
import { Loading } from "./js/loading.js";
import { Focus } from "./js/focus.js";
import { Elder } from "./js/elder.js";
import { Speech } from "./js/speech.js";
import { Sound } from "./js/sound.js";
import { Print } from "./js/print.js";
import { Split } from "./js/split.js";

// (Split only in a split build: ZM_SPLIT, esbuild's define.)
class ZoneMonitor extends Print(Sound(Speech(Elder(Focus(Loading(Settings(Claims(Glossary(Player(Search(Feedback(Exports(Hash(Cards(Controls(ZM_SPLIT ? Split(ZoneMonitorElement) : ZoneMonitorElement)))))))))))))))) {}

if (!customElements.get("zone-monitor")) customElements.define("zone-monitor", ZoneMonitor);
