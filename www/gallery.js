// The chart gallery: every chart the widget has, in Chinese and English,
// drawn from the bundled dataset, for people to look at (and for the e2e test
// that screenshots it at DPR 1 and 2).

import * as glue from "./pkg/zone_monitor.js";
import init, { Widget } from "./pkg/zone_monitor.js";

const status = document.getElementById("status");
const gallery = document.getElementById("gallery");

try {
  if (glue.__zm_secondary) {
    // A split build (SPLIT=1 ./build.sh build, tools/split/README.md): the
    // primary, then at once the secondary with the primary's exports.
    // The placeholders are never called: the secondary is in before any call.
    const imports = glue.__wbg_imports();
    imports.placeholder = new Proxy({}, { get: () => () => { throw new Error("the secondary wasm is not loaded"); } });
    const primary = await WebAssembly.instantiateStreaming(fetch(new URL("pkg/zone_monitor_bg.wasm", import.meta.url)), imports);
    await WebAssembly.instantiateStreaming(fetch(new URL(`pkg/${glue.__zm_secondary}`, import.meta.url)), { primary: primary.instance.exports });
    glue.__wbg_finalize(primary.instance, primary.module);
  } else {
    await init({ module_or_path: new URL("pkg/zone_monitor_bg.wasm", import.meta.url) });
  }
  const text = new Uint8Array(await (await fetch(new URL("data/zones.json", import.meta.url))).arrayBuffer());
  const widgets = { zh: Widget.validate(Widget.parse(text, "zh"), "zh"), en: Widget.validate(Widget.parse(text, "en"), "en") };
  const cards = [];
  for (const chart of widgets.zh.charts()) {
    for (const lang of ["zh", "en"]) {
      const figure = document.createElement("figure");
      const canvas = document.createElement("canvas");
      canvas.setAttribute("role", "img");
      const card = widgets[lang].card(chart);
      canvas.setAttribute("aria-label", card.title);
      const caption = document.createElement("figcaption");
      caption.lang = lang === "zh" ? "zh-CN" : "en";
      caption.textContent = `${chart} (${lang}): ${card.summary}`;
      figure.append(canvas, caption);
      gallery.append(figure);
      cards.push({ chart, lang, canvas });
    }
  }
  const draw = () => {
    for (const { chart, lang, canvas } of cards) {
      widgets[lang].draw(chart, canvas, Math.floor(canvas.parentElement.clientWidth - 16), window.devicePixelRatio || 1);
    }
  };
  draw();
  new ResizeObserver(draw).observe(gallery);
  status.textContent = `${cards.length / 2} charts · ${cards.length} drawings`;
  document.body.dataset.ready = "true";
} catch (error) {
  status.textContent = `Error: ${error.message || error}`;
  document.body.dataset.ready = "error";
}
