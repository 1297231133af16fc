// ./build.sh dist's tarball (build.sh test writes it before these tests):
// unpacked, its SHA256SUMS hold, and served by a plain static server
// (Python's http.server: no CSP, no rewriting) from a folder of a site, its
// pages show the widget and the studio with no request outside the folder.

import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT, launch, openPage, problems, shot } from "./harness.mjs";

let server;
let browser;
let site;
let folder;

before(async () => {
  const dist = join(ROOT, "dist");
  const tarball = readdirSync(dist).find((f) => /^zone-monitor-.*\.tar\.gz$/.test(f));
  assert.ok(tarball, "./build.sh dist has written a tarball");
  folder = tarball.replace(/\.tar\.gz$/, "");
  site = mkdtempSync(join(tmpdir(), "zm-dist-"));
  execFileSync("tar", ["-xzf", join(dist, tarball), "-C", site]);
  const child = spawn("python3", ["-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", site], { stdio: ["ignore", "pipe", "ignore"] });
  server = await new Promise((resolve, reject) => {
    let out = "";
    child.on("error", reject);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/port (\d+)/);
      if (match) resolve({ url: `http://127.0.0.1:${match[1]}/`, stop: () => child.kill() });
    });
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test("the tarball's SHA256SUMS hold and list every file, each with its .gz and .br", () => {
  const dir = join(site, folder);
  execFileSync("sha256sum", ["--check", "--quiet", "SHA256SUMS"], { cwd: dir });
  const listed = readFileSync(join(dir, "SHA256SUMS"), "utf8").trim().split("\n").map((l) => l.split(/\s+/)[1]);
  for (const f of ["zone-monitor.js", "zone-monitor.css", "pkg/zone_monitor_bg.wasm", "studio.html", "pkg-studio/zone_monitor_bg.wasm", "data/zones.json", "index.html", "demo.html", "EMBED.md"]) {
    for (const name of [f, `${f}.gz`, `${f}.br`]) assert.ok(listed.includes(name), `${name} in SHA256SUMS`);
  }
  assert.ok(!listed.some((f) => f.endsWith(".map")), "no source maps");
  const embed = readFileSync(join(dir, "EMBED.md"), "utf8");
  const served = readFileSync(join(dir, "zone-monitor.js"));
  const sri = execFileSync("openssl", ["dgst", "-sha384", "-binary"], { input: served }).toString("base64");
  assert.ok(embed.includes(`integrity="sha384-${sri}"`), "EMBED.md has the script's SRI hash");
});

for (const page of ["index.html", "demo.html", "studio.html"]) {
  test(`${page} from the folder: the widget, and no request outside the folder`, async () => {
    const base = `${server.url}${folder}/`;
    const { page: p, context, log } = await openPage(browser, `${base}${page}`, { width: 1024, height: 900 });
    try {
      await p.waitForSelector('zone-monitor[data-ready="true"]', { timeout: 20000 });
      if (page === "studio.html") await p.waitForSelector(".st-xlsx");
      await p.screenshot({ path: shot(`dist-${page}`) });
      const outside = log.requests.filter((url) => !url.startsWith(base) && !url.startsWith("data:") && !url.startsWith("blob:"));
      assert.deepEqual(outside, []);
      assert.deepEqual(problems(log), []);
    } finally {
      await context.close();
    }
  });
}
