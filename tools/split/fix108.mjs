// What binaryen 108 (Debian's, the only one with wasm-split) gets wrong or
// cannot read in the widget's wasm, mended byte-wise in place:
//   --before: `table.fill T` of one slot (wasm-bindgen's externref glue;
//     108 cannot parse table.fill) becomes `table.set T` and three nops;
//   --after: 108 writes the export of the externref table
//     (`__wbindgen_externrefs`, table 1) as table 0, the funcref table
//     (Chromium: "WebAssembly.Table.set(): Argument 1 is invalid for
//     table: function-typed object must be null..."): the export is
//     pointed back at the table of externref type.
//   node tools/split/fix108.mjs --before|--after FILE.wasm
import { readFileSync, writeFileSync } from "node:fs";

const [mode, file] = process.argv.slice(2);
const bytes = readFileSync(file);

function leb(pos) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[pos++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [value >>> 0, pos];
}

// Every section: [id, start of contents, end].
const sections = [];
for (let pos = 8; pos < bytes.length; ) {
  const id = bytes[pos];
  const [size, start] = leb(pos + 1);
  sections.push([id, start, start + size]);
  pos = start + size;
}
const section = (id) => sections.find(([i]) => i === id);

// The types of the tables, imported ones first: 0x70 funcref, 0x6f externref.
function tableTypes() {
  const types = [];
  const imports = section(2);
  if (imports) {
    let [count, pos] = leb(imports[1]);
    for (; count > 0; count--) {
      for (let k = 0; k < 2; k++) { const [len, p] = leb(pos); pos = p + len; }
      const kind = bytes[pos++];
      if (kind === 0) pos = leb(pos)[1];
      else if (kind === 1) { types.push(bytes[pos]); const flags = bytes[pos + 1]; pos = leb(pos + 2)[1]; if (flags & 1) pos = leb(pos)[1]; }
      else if (kind === 2) { const flags = bytes[pos++]; pos = leb(pos)[1]; if (flags & 1) pos = leb(pos)[1]; }
      else if (kind === 3) pos += 2;
      else throw new Error(`import kind ${kind}`);
    }
  }
  const tables = section(4);
  if (tables) {
    let [count, pos] = leb(tables[1]);
    for (; count > 0; count--) {
      types.push(bytes[pos]);
      const flags = bytes[pos + 1];
      pos = leb(pos + 2)[1];
      if (flags & 1) pos = leb(pos)[1];
    }
  }
  return types;
}

let fixed = 0;
if (mode === "--before") {
  const [, start, end] = section(10);
  const types = tableTypes();
  for (let i = start; i + 5 <= end; i++) {
    if (bytes[i] === 0x41 && bytes[i + 1] === 0x01 && bytes[i + 2] === 0xfc && bytes[i + 3] === 0x11 && bytes[i + 4] < 0x80) {
      // Only a fill of the externref table is wasm-bindgen's: bytes that
      // match elsewhere (another instruction's immediates) are refused.
      if (types[bytes[i + 4]] !== 0x6f) throw new Error(`a table.fill-like match at byte ${i} is not of the externref table: not written`);
      bytes.set([0x26, bytes[i + 4], 0x01, 0x01, 0x01], i);
      fixed++;
    }
  }
  // The bytes are matched, not decoded: a count below two means they met
  // something else (or wasm-bindgen's glue changed), and the wasm is left
  // alone. (wasm-opt inlines the glue where it is called: two at 1499f5f,
  // three at e392da4, each the same one-slot fill.)
  if (fixed < 2) throw new Error(`expected wasm-bindgen's table.fill of one slot at least twice, found ${fixed}: not written`);
} else if (mode === "--after") {
  const types = tableTypes();
  const externref = types.indexOf(0x6f);
  const exports = section(7);
  if (exports && externref >= 0) {
    let [count, pos] = leb(exports[1]);
    for (; count > 0; count--) {
      const [len, p] = leb(pos);
      const name = bytes.subarray(p, p + len).toString();
      pos = p + len;
      const kind = bytes[pos];
      const [index, next] = leb(pos + 1);
      if (kind === 1 && name === "__wbindgen_externrefs" && index !== externref) {
        if (next - (pos + 1) !== 1 || externref > 0x7f) throw new Error("table index not one byte");
        bytes[pos + 1] = externref;
        fixed++;
      }
      pos = next;
    }
  }
} else throw new Error("--before or --after");
writeFileSync(file, bytes);
console.log(`fix108 ${mode} ${file}: ${fixed} fixed`);
