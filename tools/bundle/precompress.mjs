// Writes FILE.gz (gzip -9) and FILE.br (brotli, quality 11) beside every
// file under the given folders, for a server that sends precompressed files
// (nginx gzip_static / brotli_static, IIS with a rewrite rule: README,
// "Embedding"). Node's own zlib: nothing to install. Files already ending in
// .gz or .br, and SHA256SUMS, are left alone.
//
//   node tools/bundle/precompress.mjs DIR...

import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (!/\.(gz|br)$/.test(name) && name !== "SHA256SUMS") yield path;
  }
}

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error("usage: node tools/bundle/precompress.mjs DIR...");
  process.exit(2);
}
for (const dir of dirs) {
  for (const path of files(dir)) {
    const bytes = readFileSync(path);
    // mtime 0 in the gzip header: the same input gives the same .gz.
    writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
    );
  }
}
