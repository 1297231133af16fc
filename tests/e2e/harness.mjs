// Shared set-up of the end-to-end tests: the dev server (tools/serve.py, which
// sends the strict CSP a portal would), Debian's Chromium driven by
// playwright-core, and a page wrapper that records what a person would not see
// but a test must: console messages, CSP violations, requests.

import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SHOTS = join(ROOT, "target", "e2e");
mkdirSync(SHOTS, { recursive: true });

/** Starts tools/serve.py on a free port, serving `dir` (default www);
 * resolves to { url, stop }. */
export function startServer(dir = "www") {
  const child = spawn("python3", ["tools/serve.py", "--port", "0", "--dir", dir, "--quiet"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`serve.py exited with ${code}: ${out}`)));
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (match) resolve({ url: match[0], stop: () => child.kill() });
    });
  });
}

/** The dev server on www/ and one browser, started before a test file's
 * tests and stopped after them; read through these live bindings. */
export let server;
export let browser;

export function useServerAndBrowser() {
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    server?.stop();
  });
}

/** Debian's Chromium, headless, with nothing reaching outside this machine. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Opens `url` in a fresh context and records console messages, page errors,
 * CSP violations and every request. Returns { page, context, log }.
 */
export async function openPage(browser, url, { width = 1024, height = 800, dpr = 1, colorScheme = "light", bypassCSP = false, touch = false, beforeGoto } = {}) {
  // `touch`: a finger (pointer: coarse), a phone's when narrow.
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, colorScheme, bypassCSP, hasTouch: touch, isMobile: touch && width < 600 });
  const page = await context.newPage();
  const log = { console: [], errors: [], requests: [], csp: [], failed: [] };
  page.on("console", (message) => log.console.push({ type: message.type(), text: message.text() }));
  page.on("pageerror", (error) => log.errors.push(String(error)));
  page.on("request", (request) => log.requests.push(request.url()));
  page.on("response", (response) => response.status() >= 400 && log.failed.push(`${response.status()} ${response.url()}`));
  page.on("requestfailed", (request) => log.failed.push(`${request.failure()?.errorText} ${request.url()}`));
  await page.exposeFunction("__cspViolation", (text) => log.csp.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      window.__cspViolation(`${event.violatedDirective}: ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
  await beforeGoto?.(page);
  await page.goto(url);
  return { page, context, log };
}

/** Waits until the first <zone-monitor> on the page says it has drawn. */
export async function waitReady(page, selector = "zone-monitor") {
  await page.waitForSelector(`${selector}[data-ready="true"]`, { timeout: 15000 });
}

/** Problems a person would never want: console errors or warnings, page errors, CSP violations. */
export function problems(log) {
  return [
    ...log.console.filter((m) => m.type === "error" || m.type === "warning").map((m) => `console ${m.type}: ${m.text}`),
    ...log.errors.map((e) => `page error: ${e}`),
    ...log.csp.map((v) => `CSP violation: ${v}`),
    ...log.failed.map((f) => `failed request: ${f}`),
  ];
}

export function shot(name) {
  return join(SHOTS, `${name}.png`);
}

/** Runs `fn(root, arg)` in the page with the first widget's shadow root
 * (`fn` is sent as source: it sees nothing of the test's scope). */
export function inWidget(page, fn, arg) {
  return page.evaluate(([source, arg]) => {
    const root = document.querySelector("zone-monitor").shadowRoot;
    return new Function("root", "arg", `return (${source})(root, arg)`)(root, arg);
  }, [fn.toString(), arg]);
}

/** The first widget's tab ids, in order. */
export function tabIds(page) {
  return page.evaluate(() => [...document.querySelector("zone-monitor").shadowRoot.querySelectorAll('[role="tab"]')].map((t) => t.dataset.tab));
}

/** Clicks a tab of the first widget and waits until its panel is the one
 * shown (the tab selected and the panel labelled by it), not for a time. */
export async function clickTab(page, id) {
  await page.evaluate((id) => document.querySelector("zone-monitor").shadowRoot.querySelector(`[role="tab"][data-tab="${id}"]`).click(), id);
  await page.waitForFunction((id) => {
    const root = document.querySelector("zone-monitor").shadowRoot;
    const tab = root.querySelector(`[role="tab"][data-tab="${id}"]`);
    return tab.getAttribute("aria-selected") === "true" && root.querySelector(".zm-panel").getAttribute("aria-labelledby") === tab.id;
  }, id);
}

let axeSource = null;

/** Runs axe-core (the npm package) in the page, evaluated through the
 * DevTools protocol so the page's CSP does not apply to it, and returns its
 * violations, one line each. */
export async function axeViolations(page) {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
  });
}

/** Before a page loads: sums its layout shifts (not after input) into
 * `window.__cls`, from the browser's own entries (PerformanceObserver,
 * buffered). For `openPage`'s `beforeGoto`. */
export function observeLayoutShifts(page) {
  return page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** The page's address once the widget has written its link (it writes it
 * after the frame that shows a change: hash.js). */
export function linkOf(page) {
  const frameThenTask = "new Promise((r) => requestAnimationFrame(() => setTimeout(r)))";
  return page.evaluate(`${frameThenTask}.then(() => ${frameThenTask}).then(() => location.href)`);
}

/** Resolves after the page has painted twice: what a layout shift or a
 * redraw scheduled for the next frame needs to be seen (and reported). */
export function twoFrames(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}
