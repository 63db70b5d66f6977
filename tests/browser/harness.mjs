// What the browser scripts share: command-line flags, coopatlas-serve on a free
// port, Debian's Chromium headless through playwright-core, a guard that
// refuses any request leaving 127.0.0.1, and the console errors of the page.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

/// --name value pairs of the command line.
export function parseArgs(argv) {
  return Object.fromEntries(
    argv.reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
}

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/// Exits with 77 (CTest's "skipped") when Chromium is not installed.
export function requireChromium(name) {
  if (!existsSync(CHROMIUM)) {
    console.error(`${name}: ${CHROMIUM} is missing (scripts/setup.sh --with-browser installs it); skipping`);
    process.exit(77);
  }
}

/// ok/FAIL lines on stdout; failures() lists what failed.
export function checker() {
  const failed = [];
  const check = (ok, what) => {
    console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
    if (!ok) failed.push(what);
    return ok;
  };
  return { check, fail: (what) => failed.push(what), failures: () => failed };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/// Starts coopatlas-serve over `index` and waits for /healthz. Returns {base, stop}.
export async function startServer({ serve, index, source }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(serve, ["--index", index, "--port", String(port), "--host", "127.0.0.1",
    "--static", join(source, "web/static"), "--vendor", join(source, "node_modules")],
  { stdio: ["ignore", "inherit", "inherit"] });
  const stop = () => { if (child.exitCode === null) child.kill("SIGTERM"); };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`coopatlas-serve exited with ${child.exitCode}`);
    try {
      const res = await fetch(base + "/healthz");
      if (res.ok) return { base, stop };
    } catch (e) { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error("coopatlas-serve did not answer /healthz");
}

/// Headless Chromium with a fresh profile in `profileDir`. Returns {context, page,
/// consoleErrors, outside}: the page's console errors and the requests refused
/// because they left 127.0.0.1.
export async function openBrowser({ source, profileDir, viewport = { width: 1400, height: 900 } }) {
  const require = createRequire(resolve(source, "package.json"));
  const { chromium } = require("playwright-core");
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] || await context.newPage();
  // CTest runs this beside other tests on a small machine: waits are generous, never timed checks.
  page.setDefaultTimeout(60000);
  const consoleErrors = [];
  const outside = [];
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    // The page asks /api/clusters first and falls back to /api/geojson on 404.
    const url = (msg.location() && msg.location().url) || "";
    if (url.includes("/api/clusters") && msg.text().includes("404")) return;
    consoleErrors.push(`${msg.text()} (${url})`);
  });
  page.on("pageerror", (e) => consoleErrors.push("page error: " + e.message));
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.hostname === "127.0.0.1") return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  return { context, page, consoleErrors, outside };
}

/// Waits until the page has answered its current search and drawn the map.
export async function settled(page) {
  await page.waitForFunction(() => !document.body.dataset.busy && document.body.dataset.map === "drawn");
}

/// Waits until the record card is drawn; returns its type.
export async function cardShown(page) {
  await page.waitForFunction(() => document.body.dataset.card && document.body.dataset.card !== "loading");
  return page.evaluate(() => document.body.dataset.card);
}

/// The zoom of the map view the URL holds (carte=LAT,LON,ZOOM), or null.
export function urlZoom(url) {
  const view = new URL(url).searchParams.get("carte");
  return view ? Number(view.split(",")[2]) : null;
}
