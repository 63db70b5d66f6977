// Browser test of the search page (ctest label "browser"): starts
// coopatlas-serve on a free port over a fixture index, drives Debian's
// Chromium headless through playwright-core, and checks that the page loads
// without console errors, that no request leaves 127.0.0.1, that a search
// shows results with page numbers and snippets, paging and facets, and that
// the map draws (basemap, markers, a partnership line).
//   node page_test.mjs --serve BIN --fixture-tool BIN --source DIR [--index DIR] [--screenshot PNG]
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  console.error(`page_test: ${CHROMIUM} is missing (scripts/setup.sh --with-browser installs it); skipping`);
  process.exit(77);
}
const require = createRequire(join(args.source, "package.json"));
const { chromium } = require("playwright-core");

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};

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

async function waitHealthy(base, child) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`coopatlas-serve exited with ${child.exitCode}`);
    try {
      const res = await fetch(base + "/healthz");
      if (res.ok) return;
    } catch (e) { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("coopatlas-serve did not answer /healthz");
}

const work = mkdtempSync(join(tmpdir(), "coopatlas-page-"));
let server = null;
let context = null;
try {
  let index = args.index;
  if (!index) {
    index = join(work, "index");
    const made = spawnSync(args["fixture-tool"], [index], { encoding: "utf8" });
    if (made.status !== 0) throw new Error("fixture index: " + made.stderr);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(args.serve, ["--index", index, "--port", String(port), "--host", "127.0.0.1",
    "--static", join(args.source, "web/static"), "--vendor", join(args.source, "node_modules")],
  { stdio: ["ignore", "inherit", "inherit"] });
  await waitHealthy(base, server);

  context = await chromium.launchPersistentContext(join(work, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] || await context.newPage();
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

  await page.goto(base + "/", { waitUntil: "load" });
  await page.waitForSelector("body[data-basemap=ready]", { timeout: 20000 });
  await page.waitForSelector("body[data-map=drawn]", { timeout: 20000 });
  const basemapPaths = await page.locator(".leaflet-overlay-pane path").count();
  check(basemapPaths > 100, `the Natural Earth basemap draws (${basemapPaths} paths)`);
  check(await page.getByText("GeoNames (CC-BY 4.0)").count() > 0, "the credits name GeoNames");

  // Suggestions as you type.
  await page.fill("#q", "");
  await page.type("#q", "pota", { delay: 30 });
  await page.waitForSelector("#suggestions li", { timeout: 5000 });
  const first = await page.locator("#suggestions li").first().textContent();
  check(first.includes("potable"), "suggestions complete 'pota'");
  // Keyboard: arrow down then Enter runs the search for the first completion.
  await page.press("#q", "ArrowDown");
  check(await page.locator("#suggestions li[aria-selected=true]").count() === 1, "the arrow keys select a suggestion");
  await page.press("#q", "Enter");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("q") !== null);
  check(await page.inputValue("#q") === first, `Enter on a suggestion searches for it (${first})`);

  // A search: results with badges, snippets with <mark>, printed page numbers.
  await page.fill("#q", "eau potable");
  await page.press("#q", "Enter");
  await page.waitForFunction(() => document.querySelectorAll("#result-list .result").length > 0
    && document.querySelector("#status").textContent.includes("résultat"));
  const results = await page.locator("#result-list .result").count();
  check(results === 10, `a search shows a page of 10 results (${results})`);
  check(await page.locator("#result-list .snippet mark").count() > 0, "snippets highlight the words with <mark>");
  const meta = await page.locator("#result-list .meta").first().textContent();
  check(/p\. \d+/.test(meta), `results show the printed page number (${meta})`);
  check(await page.locator("#result-list .badge").count() === results, "every result has a type badge");

  // Paging.
  const pageButtons = await page.locator("#pager button").filter({ hasText: /^\d+$/ }).count();
  check(pageButtons >= 2, `the pager offers page numbers (${pageButtons})`);
  await page.click("#pager button[aria-label='Page 2']");
  await page.waitForFunction(() => document.querySelector("#status").textContent.includes("page 2"));
  check(await page.locator("#pager button[aria-current=page]").textContent() === "2", "page 2 is the current page");

  // Facets: the type filter narrows to partners; the map shows their markers.
  await page.click("#facets button:has-text('Collectivité')");
  await page.waitForFunction(() => [...document.querySelectorAll("#result-list .badge")].every((b) => b.textContent === "Collectivité")
    && document.querySelectorAll("#result-list .badge").length > 0);
  check(new URL(page.url()).searchParams.get("type") === "partner", "the type facet filters (URL has type=partner)");
  await page.waitForFunction(() => document.querySelectorAll(".leaflet-overlay-pane path.leaflet-interactive").length >= 3);
  check(true, "result markers are drawn on the map");

  // Partnerships draw as lines.
  await page.click("#active-filters button");
  await page.fill("#q", "");
  await page.press("#q", "Enter");
  await page.waitForFunction(() => document.querySelector("#facets button") !== null);
  await page.click("#facets button:has-text('Partenariat')");
  await page.waitForFunction(() => [...document.querySelectorAll(".leaflet-overlay-pane path.leaflet-interactive")]
    .some((p) => p.getAttribute("stroke") === "#86307a"));
  check(true, "a partnership is drawn as a line");

  // Detail of a record.
  await page.click("#result-list .result h3 button");
  await page.waitForSelector("#detail h3");
  check((await page.locator("#detail h3").textContent()).length > 0, "clicking a result opens its record");

  // Search around a map click.
  await page.click("#active-filters button");
  await page.waitForFunction(() => !new URL(location.href).searchParams.get("type"));
  const box = await page.locator("#map").boundingBox();
  await page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.2);
  await page.waitForFunction(() => new URL(location.href).searchParams.get("near") !== null);
  check(await page.locator("#clear-geo").isVisible(), "a map click filters around a point");
  await page.waitForFunction(() => document.querySelector("#status").textContent !== "Recherche…");
  check(!(await page.locator("#status").textContent()).includes("échoué"), "the search around a point answers");

  // A server without /api/clusters: the page falls back to /api/geojson points.
  await page.route("**/api/clusters**", (route) =>
    route.fulfill({ status: 404, contentType: "application/json", body: '{"error":"no route"}' }));
  const geojsonAsked = page.waitForRequest((r) => r.url().includes("/api/geojson"), { timeout: 15000 });
  await page.goto(base + "/?type=partner", { waitUntil: "load" });
  await geojsonAsked;
  await page.waitForSelector("body[data-map=drawn]", { timeout: 20000 });
  const points = await page.locator(".leaflet-overlay-pane path.leaflet-interactive").count();
  check(points >= 6, `without /api/clusters the map draws the GeoJSON points (${points} shapes)`);
  await page.unroute("**/api/clusters**");

  if (args.screenshot) {
    await page.click("#clear-geo");
    await page.fill("#q", "eau");
    await page.press("#q", "Enter");
    await page.waitForTimeout(800);
    await page.screenshot({ path: args.screenshot, fullPage: true });
  }
  check(consoleErrors.length === 0, "no console error" + (consoleErrors.length ? ": " + consoleErrors.join("; ") : ""));
  check(outside.length === 0, "no request leaves 127.0.0.1" + (outside.length ? ": " + outside.join(", ") : ""));
} catch (e) {
  failures.push(e.message);
  console.error("page_test: " + e.stack);
} finally {
  if (context) await context.close().catch(() => {});
  if (server && server.exitCode === null) server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`page_test: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log("page_test: all checks passed");
