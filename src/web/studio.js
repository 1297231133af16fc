// The studio page (www/studio.html): a portal operator's way from a
// spreadsheet to the widget on their site, in their browser only.
//
// 1. template downloads (XLSX, CSV) of the bundled dataset's values;
// 2. a filled file opened (picker or drag-and-drop);
// 3. its problems, at sheet, row and column with the fix, counted per kind,
//    a click showing the row;
// 4. the widget previewing the imported data (warnings allow it, errors do
//    not);
// 5. the checked JSON to download and the embed code to copy, with the
//    Subresource Integrity hash of the served script.
//
// Glue only, like the widget's script: reading and checking the table is
// `values::import` in Rust (the same code as `zone-monitor import-values`),
// compiled into the studio's own wasm ("studio-wasm" is an alias for
// www/pkg-studio/zone_monitor.js); every word comes from Rust
// (`values::words`) but the loading line of the HTML. Nothing from a file
// is inserted as HTML: text goes in through textContent.

import init, { import_table, studio_words, template_csv, template_xlsx } from "studio-wasm";

const BASE = new URL(".", import.meta.url);
const CSP = "Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

const state = {
  lang: (new URLSearchParams(location.search).get("lang") || document.documentElement.lang).startsWith("en") ? "en" : "zh",
  base: "", // the bundled dataset's text: the base every import goes onto
  file: null, // { name, bytes } of the last file opened
  result: null, // the last import's result (import_table)
  dataset: null, // the last dataset that passed, as text
  sri: "", // sha384-… of zone-monitor.js as served
  shown: null, // the problem whose row is shown: { line, letter }
  folder: "/zone-monitor/", // the widget's folder on the operator's site
  dataUrl: "/zone-monitor/data/zones.json", // their data file's URL
};
let words = {};

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(className, text, onClick) {
  const b = el("button", `st-button ${className}`.trim(), text);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

function download(bytes, name, type) {
  const a = el("a");
  a.href = URL.createObjectURL(new Blob([bytes], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function sha384(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-384", bytes));
  return `sha384-${btoa(String.fromCharCode(...digest))}`;
}

/** The widget in the preview: loads the given dataset's text the way it
 * loads a fetched one (its bytes in `bytes`, then `show`, the element's own
 * steps in element.js; the e2e test fails if they change), once its first
 * load (the bundled data) is over, so that one cannot overwrite this. */
const preview = document.createElement("zone-monitor");
preview.setAttribute("src", "data/zones.json");
// The preview speaks the studio's language (renderPreview): no switch of its own.
preview.setAttribute("no-lang-switch", "");
const firstLoad = new Promise((resolve) => {
  preview.addEventListener("zone-monitor:ready", resolve, { once: true });
  preview.addEventListener("zone-monitor:error", resolve, { once: true });
});
async function showInPreview(text) {
  await firstLoad;
  await customElements.whenDefined("zone-monitor");
  preview.widget?.free();
  preview.widget = null;
  preview.bytes = new TextEncoder().encode(text);
  preview.show();
}

async function openFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  state.file = { name: file.name, bytes };
  state.shown = null;
  check();
}

/** Imports the open file onto the base, in the page's language. */
function check() {
  if (!state.file) return;
  try {
    state.result = import_table(state.base, state.file.bytes, state.lang);
  } catch (error) {
    state.result = { failed: String(error.message || error) };
  }
  if (state.result.dataset) {
    state.dataset = state.result.dataset;
    showInPreview(state.dataset);
  }
  render();
}

/** A step's section: made once (the preview's element must never leave the
 * page, or it loads its src again), its content replaced on each render. */
const sections = new Map();
function section(id, title) {
  let s = sections.get(id);
  if (!s) {
    s = el("section", "st-step");
    s.id = id;
    s.setAttribute("aria-labelledby", `${id}-title`);
    sections.set(id, s);
  }
  const h = el("h2", "", title);
  h.id = `${id}-title`;
  s.replaceChildren(h);
  return s;
}

function renderTemplate() {
  const s = section("st-template", words.step_template);
  s.append(
    el("p", "st-help", words.template_help),
    button("st-xlsx", words.template_xlsx, () =>
      download(template_xlsx(state.base, state.lang), state.lang === "zh" ? "数值模板.xlsx" : "values-template.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ),
    button("st-csv", words.template_csv, () => download(template_csv(state.base, state.lang), "values-template.csv", "text/csv;charset=utf-8")),
  );
  return s;
}

function renderOpen() {
  const s = section("st-open", words.step_open);
  const zone = el("div", "st-drop");
  const label = el("label", "st-file-label", words.open_file);
  const input = el("input", "st-file");
  input.type = "file";
  input.accept = ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";
  input.addEventListener("change", () => input.files[0] && openFile(input.files[0]));
  label.append(input);
  zone.append(label, el("p", "st-help", words.drop_here));
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("st-dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("st-dragging"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("st-dragging");
    const file = e.dataTransfer.files[0];
    if (file) openFile(file);
  });
  s.append(zone);
  if (state.file) s.append(el("p", "st-file-name", state.file.name));
  return s;
}

function renderCheck() {
  const s = section("st-check", words.step_check);
  const r = state.result;
  const status = el("div", "st-summary");
  status.setAttribute("role", "status");
  s.append(status);
  if (!r) {
    status.append(el("p", "", words.no_file));
    return s;
  }
  if (r.failed) {
    status.append(el("p", "st-bad", words.failed + r.failed));
    return s;
  }
  const verdict = r.errors > 0 ? words.has_errors : r.warnings > 0 ? words.only_warnings : words.no_problems;
  status.append(
    el("p", r.errors > 0 ? "st-bad" : r.warnings > 0 ? "st-warn" : "st-good", verdict),
    el("p", "st-counts-line", `${words.rows_read}: ${r.rows} · ${words.errors}: ${r.errors} · ${words.warnings}: ${r.warnings}`),
  );
  if (r.problems.length === 0) return s;
  const counts = new Map();
  for (const p of r.problems) counts.set(p.kind, { label: p.label, n: (counts.get(p.kind)?.n || 0) + 1 });
  const countList = el("ul", "st-counts");
  countList.setAttribute("aria-label", words.counts);
  // The kind's name, its code in parentheses (what --json and docs/DATA.md call it).
  const counted = state.lang === "zh" ? ({ label, n }, kind) => `${label}（${kind}）：${n}` : ({ label, n }, kind) => `${label} (${kind}): ${n}`;
  for (const [kind, c] of counts) countList.append(el("li", "", counted(c, kind)));
  s.append(el("h3", "", words.counts), countList);

  const list = el("ol", "st-problems");
  for (const p of r.problems) {
    const item = el("li", p.severity === "error" ? "st-error" : "st-warning");
    item.dataset.kind = p.kind;
    const text = el("p", "st-message", `${p.severity === "error" ? words.error : words.warning}${state.lang === "zh" ? "：" : ": "}${p.message}`);
    item.append(text);
    if (p.line != null && r.lines.some(([line]) => line === p.line)) {
      const show = button("st-show", words.show_row, () => {
        state.shown = state.shown?.line === p.line && state.shown?.letter === p.letter ? null : { line: p.line, letter: p.letter };
        render();
        document.querySelector(".st-row")?.focus();
      });
      show.setAttribute("aria-expanded", String(state.shown?.line === p.line && state.shown?.letter === p.letter));
      item.append(show);
      if (state.shown?.line === p.line && state.shown?.letter === p.letter) item.append(rowTable(p));
    }
    list.append(item);
  }
  s.append(list);
  return s;
}

/** The header and the problem's row as the file has them, its cell marked. */
function rowTable(p) {
  const r = state.result;
  const header = r.lines[0];
  const row = r.lines.find(([line]) => line === p.line);
  const table = el("table", "st-row");
  table.tabIndex = -1;
  table.append(el("caption", "", `${words.row_in_file}${p.sheet ? ` (${p.sheet})` : ""}`));
  const letters = (i) => {
    let s = "";
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const width = Math.max(header[1].length, row[1].length);
  const head = el("tr");
  head.append(el("th", "", ""));
  for (let i = 0; i < width; i++) head.append(el("th", letters(i) === p.letter ? "st-marked" : "", letters(i)));
  table.append(head);
  for (const [line, cells] of row[0] === header[0] ? [header] : [header, row]) {
    const tr = el("tr");
    tr.append(el("th", "", String(line)));
    for (let i = 0; i < width; i++) {
      tr.append(el("td", line === p.line && letters(i) === p.letter ? "st-marked" : "", cells[i] ?? ""));
    }
    table.append(tr);
  }
  return table;
}

function renderPreview() {
  let s = sections.get("st-preview");
  if (!s) {
    s = section("st-preview", "");
    s.append(el("p", "st-help"), preview);
  }
  s.querySelector("h2").textContent = words.step_preview;
  s.querySelector(".st-help").textContent = words.preview_help;
  preview.setAttribute("lang", state.lang);
  return s;
}

function snippet(folder, data) {
  const dir = folder.endsWith("/") ? folder : `${folder}/`;
  return [
    `<link rel="preload" href="${dir}pkg/zone_monitor_bg.wasm" as="fetch" type="application/wasm" crossorigin>`,
    `<link rel="preload" href="${data}" as="fetch" type="application/json" crossorigin>`,
    `<script type="module" src="${dir}zone-monitor.js" integrity="${state.sri}" crossorigin="anonymous"></script>`,
    `<zone-monitor lang="${state.lang}" src="${data}"></zone-monitor>`,
    "",
    CSP,
  ].join("\n");
}

function renderPublish() {
  const s = section("st-publish", words.step_publish);
  const json = button("st-json", words.download_json, () => download(state.dataset, "zones.json", "application/json"));
  json.disabled = !state.dataset || state.result?.errors > 0;
  s.append(el("p", "st-help", words.json_help), json);

  const field = (key, name, cls) => {
    const label = el("label", "st-field", words[key]);
    const input = el("input", cls);
    input.value = state[name];
    input.addEventListener("input", () => {
      state[name] = input.value;
      code.textContent = snippet(state.folder, state.dataUrl);
    });
    label.append(input);
    s.append(label);
  };
  field("folder", "folder", "st-folder");
  field("data_url", "dataUrl", "st-data-url");
  const code = el("pre", "st-code", snippet(state.folder, state.dataUrl));
  code.setAttribute("aria-label", words.embed_code);
  code.tabIndex = 0;
  const said = el("p", "st-said");
  said.setAttribute("role", "status");
  const copy = button("st-copy", words.copy, async () => {
    try {
      await navigator.clipboard.writeText(code.textContent);
      said.textContent = words.copied;
    } catch {
      said.textContent = words.copy_failed;
    }
  });
  s.append(el("h3", "", words.embed_code), code, copy, said, el("p", "st-help", words.sri_help));
  return s;
}

const header = el("header", "st-header");
const intro = el("p", "st-intro");

function render() {
  const main = document.getElementById("studio");
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  document.title = words.title;
  header.replaceChildren(
    el("h1", "", words.title),
    button("st-lang", words.switch_language, () => {
      state.lang = state.lang === "zh" ? "en" : "zh";
      words = studio_words(state.lang);
      check();
      render();
    }),
  );
  header.querySelector(".st-lang").lang = state.lang === "zh" ? "en" : "zh";
  intro.textContent = words.intro;
  const parts = [header, intro, renderTemplate(), renderOpen(), renderCheck(), renderPreview(), renderPublish()];
  if (main.firstElementChild !== header) main.replaceChildren(...parts);
  main.removeAttribute("aria-busy");
}

async function start() {
  const [, base, script] = await Promise.all([
    init({ module_or_path: new URL("pkg-studio/zone_monitor_bg.wasm", BASE) }),
    fetch(new URL("data/zones.json", BASE)).then((r) => r.text()),
    fetch(new URL("zone-monitor.js", BASE)).then((r) => r.arrayBuffer()),
  ]);
  state.base = base;
  state.dataset = base;
  state.sri = await sha384(script);
  words = studio_words(state.lang);
  render();
}

start().catch((error) => {
  const main = document.getElementById("studio");
  main.replaceChildren(el("p", "st-bad", `The studio could not load / 工作台无法加载: ${error.message || error}`));
});
