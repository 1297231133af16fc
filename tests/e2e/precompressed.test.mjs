// The dev server sends FILE.br / FILE.gz as a portal's nginx with
// brotli_static / gzip_static would (tools/serve.py): by the request's
// Accept-Encoding, only when the compressed file is not older than FILE, and
// with FILE's content type. Plain HTTP from node; no browser needed.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { ROOT } from "./harness.mjs";

function serve(dir) {
  const child = spawn("python3", ["tools/serve.py", "--port", "0", "--dir", dir, "--quiet"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.on("error", reject);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (match) resolve({ url: match[0], stop: () => child.kill() });
    });
  });
}

// node's fetch would decode the body itself; http.get keeps the bytes.
async function get(url, acceptEncoding) {
  const { get: httpGet } = await import("node:http");
  return new Promise((resolve, reject) => {
    httpGet(url, { headers: { "Accept-Encoding": acceptEncoding } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

test("precompressed files are sent by Accept-Encoding, never when stale", async () => {
  const dir = mkdtempSync(join(tmpdir(), "zm-precompressed-"));
  const text = Buffer.from(JSON.stringify({ zones: Array(200).fill("z01") }));
  writeFileSync(join(dir, "data.json"), text);
  writeFileSync(join(dir, "data.json.br"), brotliCompressSync(text));
  writeFileSync(join(dir, "data.json.gz"), gzipSync(text, { level: 9 }));
  const server = await serve(dir);
  try {
    const br = await get(`${server.url}data.json`, "gzip, deflate, br");
    assert.equal(br.headers["content-encoding"], "br");
    assert.equal(br.headers["content-type"], "application/json");
    assert.equal(br.headers.vary, "Accept-Encoding");
    assert.deepEqual(br.body, brotliCompressSync(text));

    const gz = await get(`${server.url}data.json`, "gzip");
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.deepEqual(gz.body, gzipSync(text, { level: 9 }));

    const plain = await get(`${server.url}data.json`, "identity");
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.deepEqual(plain.body, text);

    // A .br older than its file (the file rebuilt since) is not sent.
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, "data.json.br"), past, past);
    utimesSync(join(dir, "data.json.gz"), past, past);
    const stale = await get(`${server.url}data.json`, "br, gzip");
    assert.equal(stale.headers["content-encoding"], undefined);
    assert.deepEqual(stale.body, text);
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
