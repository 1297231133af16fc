// The first chart of a split build against an unsplit one (issue 15), loads
// interleaved: not a test, a measure.
//
//   node tools/split/bench-first-chart.mjs DIR_A DIR_B
//
// Each DIR is a build's www/ (precompressed: node tools/bundle/precompress.mjs
// DIR, so that the wasm and the data travel as a portal sends them). Loads
// DIR/index.html in a fresh context, RUNS times each (default 7), A and B in
// turn, at each network of NETS (default "none,4g,3g": none, 9 Mbit/s down
// with 40 ms, 1.6 Mbit/s with 150 ms, through Chromium's network emulation),
// and prints the medians from navigation (PAGE: another page of DIR than
// index.html, e.g. one whose element has a national-scale src): the first chart on the canvas
// (`zone-monitor:ready`), the whole overview (`data-ready`), and the bytes
// received.
import { launch, startServer } from "../../tests/e2e/harness.mjs";

const dirs = process.argv.slice(2, 4);
const RUNS = Number(process.env.RUNS || 7);
const NETS = {
  none: null,
  "4g": { latency: 40, downloadThroughput: (9e6 / 8), uploadThroughput: (1.5e6 / 8) },
  "3g": { latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (0.75e6 / 8) },
};
const nets = (process.env.NETS || "none,4g,3g").split(",");

const servers = await Promise.all(dirs.map((d) => startServer(d)));
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once(server, net) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (NETS[net]) await cdp.send("Network.emulateNetworkConditions", { offline: false, ...NETS[net] });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => (bytes += e.encodedDataLength));
  await page.goto(`${server.url}${process.env.PAGE || "index.html"}`);
  await page.waitForSelector('zone-monitor[data-ready="true"]', { timeout: 120000 });
  const [ready, all] = await page.evaluate(() => [
    performance.getEntriesByName("zone-monitor:ready")[0].startTime,
    performance.now(),
  ]);
  await context.close();
  return { ready, all, bytes };
}

try {
  for (const net of nets) {
    const results = dirs.map(() => []);
    for (let i = 0; i < RUNS; i++) {
      for (let d = 0; d < dirs.length; d++) results[d].push(await once(servers[d], net));
    }
    for (let d = 0; d < dirs.length; d++) {
      const r = results[d];
      console.log(
        `${net.padEnd(4)} ${dirs[d].padEnd(24)} first chart ${median(r.map((x) => x.ready)).toFixed(0)} ms` +
          ` (${r.map((x) => x.ready.toFixed(0)).join(" ")}), overview ready ${median(r.map((x) => x.all)).toFixed(0)} ms, ${median(r.map((x) => x.bytes))} B received`,
      );
    }
  }
} finally {
  await browser.close();
  for (const s of servers) s.stop();
}
