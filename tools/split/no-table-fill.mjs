// Rewrites `i32.const 1; table.fill T` (count 1) into `table.set T; nop; nop; nop`:
// binaryen 108's wasm-split cannot read table.fill. Prototype: byte pattern.
import { readFileSync, writeFileSync } from 'node:fs';
const [input, output] = process.argv.slice(2);
const bytes = readFileSync(input);
let n = 0;
for (let i = 0; i + 5 <= bytes.length; i++) {
  if (bytes[i] === 0x41 && bytes[i + 1] === 0x01 && bytes[i + 2] === 0xfc && bytes[i + 3] === 0x11 && bytes[i + 4] < 0x80) {
    const t = bytes[i + 4];
    bytes.set([0x26, t, 0x01, 0x01, 0x01], i);
    n++;
  }
}
writeFileSync(output, bytes);
console.log(`${n} table.fill rewritten`);
