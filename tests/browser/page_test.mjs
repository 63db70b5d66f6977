// Browser test of the search page (ctest label "browser"): starts
// coopatlas-serve on a free port over a fixture index, drives Debian's
// Chromium headless through playwright-core, and checks what a user sees:
// results with page numbers and snippets, paging and facets; markers for the
// located results and a map that fits them; partnerships as lines; a
// programme's title that is its name; record cards with e-mail links; the URL
// holding the state, with a working back button; a search around a named
// place; the « toutes les coopérations » view; no console error and no request
// leaving 127.0.0.1. Screenshots go to --screenshots DIR.
//   node page_test.mjs --serve BIN --fixture-tool BIN --source DIR [--index DIR] [--screenshots DIR]
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  parseArgs, requireChromium, checker, startServer, openBrowser, settled, cardShown, urlZoom,
} from "./harness.mjs";

const args = parseArgs(process.argv.slice(2));
requireChromium("page_test");
const { check, fail, failures } = checker();

const work = mkdtempSync(join(tmpdir(), "coopatlas-page-"));
let server = null;
let browser = null;
try {
  let index = args.index;
  if (!index) {
    index = join(work, "index");
    const made = spawnSync(args["fixture-tool"], [index], { encoding: "utf8" });
    if (made.status !== 0) throw new Error("fixture index: " + made.stderr);
  }
  if (args.screenshots) mkdirSync(args.screenshots, { recursive: true });
  const shoot = async (name) => {
    if (args.screenshots) await page.screenshot({ path: join(args.screenshots, name), fullPage: true });
  };
  server = await startServer({ serve: args.serve, index, source: args.source });
  const { base } = server;
  browser = await openBrowser({ source: args.source, profileDir: join(work, "profile") });
  const { page, consoleErrors, outside } = browser;
  const search = async (q) => {
    await page.fill("#q", q);
    await page.press("#q", "Enter");
    await page.waitForFunction((text) => new URL(location.href).searchParams.get("q") === (text || null), q);
    await settled(page);
  };
  const param = (name) => new URL(page.url()).searchParams.get(name);

  await page.goto(base + "/", { waitUntil: "load" });
  await page.waitForSelector("body[data-basemap=ready]", { timeout: 60000 });
  await settled(page);
  const basemapPaths = await page.locator(".leaflet-overlay-pane path").count();
  check(basemapPaths > 100, `the Natural Earth basemap draws (${basemapPaths} paths)`);
  check(await page.getByText("GeoNames (CC-BY 4.0)").count() > 0, "the credits name GeoNames");
  check(await page.locator(".map-legend").count() === 1, "the map has a legend of the marker colours");

  // Suggestions as you type; the arrow keys and Enter choose one.
  await page.fill("#q", "");
  await page.type("#q", "pota", { delay: 30 });
  await page.waitForSelector("#suggestions li", { timeout: 30000 });
  const first = await page.locator("#suggestions li").first().textContent();
  check(first.includes("potable"), "suggestions complete 'pota'");
  await page.press("#q", "ArrowDown");
  check(await page.locator("#suggestions li[aria-selected=true]").count() === 1, "the arrow keys select a suggestion");
  await page.press("#q", "Enter");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("q") !== null);
  check(await page.inputValue("#q") === first, `Enter on a suggestion searches for it (${first})`);
  await settled(page);

  // A search: results with badges, snippets with <mark>, printed page numbers, paging.
  await search("eau potable");
  const results = await page.locator("#result-list .result").count();
  check(results === 10, `a search shows a page of 10 results (${results})`);
  check(await page.locator("#result-list .snippet mark").count() > 0, "snippets highlight the words with <mark>");
  const meta = await page.locator("#result-list .meta").first().textContent();
  check(/p\. \d+/.test(meta), `results show the printed page number (${meta})`);
  check(await page.locator("#result-list .badge").count() === results, "every result has a type badge");
  const pageButtons = await page.locator("#pager button").filter({ hasText: /^\d+$/ }).count();
  check(pageButtons >= 2, `the pager offers page numbers (${pageButtons})`);
  await page.click("#pager button[aria-label='Page 2']");
  await page.waitForFunction(() => document.querySelector("#status").textContent.includes("page 2"));
  check(await page.locator("#pager button[aria-current=page]").textContent() === "2", "page 2 is the current page");
  await settled(page);

  // Facets: the type filter narrows to partners, whose markers are drawn in the partner colour.
  await page.click("#facets button:has-text('Collectivité')");
  await page.waitForFunction(() => [...document.querySelectorAll("#result-list .badge")].every((b) => b.textContent === "Collectivité")
    && document.querySelectorAll("#result-list .badge").length > 0);
  await settled(page);
  check(param("type") === "partner", "the type facet filters (URL has type=partner)");
  const partnerMarkers = await page.locator(".leaflet-marker-pane .result-marker.type-partner").count();
  check(partnerMarkers >= 2, `each located partner has a marker in its colour (${partnerMarkers})`);
  await page.click("#active-filters button");
  await settled(page);

  // A located programme: its marker is drawn and the map fits it; its title is its name.
  await search("Sèmè City");
  const seme = await (await fetch(base + "/api/search?q=S%C3%A8m%C3%A8%20City&type=programme")).json();
  const semeTitle = seme.results.length ? seme.results[0].title : "";
  check(semeTitle === "Sèmè City, ville intelligente et durable",
    `the programme's title is its name, not its label (${semeTitle})`);
  const shownTitles = await page.locator("#result-list .result-title").allTextContents();
  check(shownTitles.includes(semeTitle), "the page shows that title in the results");
  check(!shownTitles.some((t) => /^mutualisable|^« clés en main »/i.test(t) && t.length > 40),
    "no result title is a label followed by the name");
  const programmeMarkers = await page.locator(".leaflet-marker-pane .result-marker.type-programme").count();
  check(programmeMarkers >= 1, `the located programme has a marker (${programmeMarkers})`);
  const zoom = urlZoom(page.url());
  check(zoom !== null && zoom >= 5, `the map fits the results instead of the world view (zoom ${zoom})`);
  await shoot("search-seme-city.png");

  // Its card: destinations, themes, ODD with their names, lead, the person to write to.
  await page.click(`#result-list .result-title:text-is("${semeTitle}")`);
  check(await cardShown(page) === "programme", "clicking a result opens its card");
  check(param("fiche") !== null && param("fiche").startsWith("programme/"), "the URL names the open card (fiche=...)");
  check(await page.locator("#detail h3").textContent() === semeTitle, "the card's heading is the programme's name");
  const card = await page.locator("#detail dl").textContent();
  check(card.includes("Destinations") && card.includes("Bénin"), "the card lists the destinations");
  check(card.includes("ODD 7 – Énergie propre"), "the card names the ODD");
  check(card.includes("Chef de file") && card.includes("Hauts-de-France"), "the card gives the lead");
  const mail = await page.locator("#detail a[href^='mailto:']").first().getAttribute("href");
  check(mail === "mailto:juliette.delbe@hautsdefrance.fr", `the card's contact is a mailto link (${mail})`);
  check(card.includes("Juliette Delbe"), "the card names the contact");
  await shoot("card-programme.png");

  // The back button closes the card, then returns to the previous search.
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.get("fiche"));
  await page.waitForFunction(() => document.querySelector("#detail").hidden);
  check(true, "back closes the card");
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "eau potable");
  await settled(page);
  check(await page.inputValue("#q") === "eau potable", "back again returns to the previous search");
  await page.goForward();
  await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "Sèmè City");
  await settled(page);
  check(await page.locator("#result-list .result-title").first().isVisible(), "forward replays the search");

  // Partnerships draw as lines France <-> partner; a partner's card lists its partnerships.
  await search("eau");
  const lines = await page.locator("path.partnership-line").count();
  check(lines >= 1, `the search's partnerships are drawn as lines (${lines})`);
  await page.goto(base + "/?fiche=partner/lyon", { waitUntil: "load" });
  check(await cardShown(page) === "partner", "a URL with fiche= opens that card on load");
  check(await page.locator("#detail a:has-text('Lyon et Cotonou')").count() === 1, "a partner's card lists its partnerships");
  check((await page.locator("#detail dl").textContent()).includes("p. 42"), "the card gives the guide's page");
  check(await page.locator("path.focus-line").count() >= 1, "the partner's partnerships are drawn on the map");
  await page.click("#detail a:has-text('Lyon et Cotonou')");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("fiche") === "partnership/lyon-cotonou");
  check(await cardShown(page) === "partnership", "a partnership opens from the partner's card");
  check(await page.locator("#detail a:has-text('Ville de Cotonou')").count() === 1, "a partnership's card links its parties");

  // Around a named place, 300 km: the circle is drawn, results come with their distance.
  await page.goto(base + "/", { waitUntil: "load" });
  await settled(page);
  await page.fill("#near-place", "Cotonou");
  await page.selectOption("#radius", "300");
  await page.click("#near-form button[type=submit]");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("near") !== null);
  await settled(page);
  const [nearLat, nearLon] = param("near").split(",").map(Number);
  check(Math.abs(nearLat - 6.3654) < 0.01 && Math.abs(nearLon - 2.4183) < 0.01, `"Autour de Cotonou" searches around Cotonou (${param("near")})`);
  check(param("radius_km") === "300", "within the radius chosen (300 km)");
  check(await page.locator("path.near-circle").count() === 1, "the radius is drawn on the map");
  const distances = await page.locator("#result-list .meta").allTextContents();
  check(distances.length > 0 && distances.every((m) => / km$/.test(m)), "every result gives its distance");
  const nearTitles = await page.locator("#result-list .result-title").allTextContents();
  check(nearTitles.includes("Ville de Cotonou") && !nearTitles.includes("Métropole de Lyon"),
    `Cotonou is within 300 km, Lyon is not (${nearTitles.join(", ")})`);
  await shoot("around-cotonou-300km.png");

  // « Toutes les coopérations »: every partnership as lines, filterable by country and theme.
  await page.click("#clear-geo");
  await settled(page);
  await page.click("#coop-toggle");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("vue") === "cooperations");
  await settled(page);
  check(await page.locator("path.partnership-line").count() >= 1, "the view draws the guide's partnerships");
  const countries = await page.locator("#coop-country option").allTextContents();
  check(countries.some((c) => c.startsWith("Bénin")), `the view offers the partnerships' countries (${countries.join(", ")})`);
  const benin = await page.locator("#coop-country option", { hasText: "Bénin" }).getAttribute("value");
  await page.selectOption("#coop-country", benin);
  await page.waitForFunction(() => (new URL(location.href).searchParams.get("country") || "").toUpperCase() === "BJ");
  await settled(page);
  check(await page.locator("#coop-theme option").count() >= 2, "and their themes");
  check([...await page.locator("#result-list .badge").allTextContents()].every((b) => b === "Partenariat"),
    "the view lists partnerships only");
  await shoot("toutes-les-cooperations.png");
  await page.click("#coop-toggle");
  await page.waitForFunction(() => !new URL(location.href).searchParams.get("vue"));
  await settled(page);

  // A double click zooms in and does not search around the point.
  const box = await page.locator("#map").boundingBox();
  const zoomBefore = urlZoom(page.url());
  await page.mouse.dblclick(box.x + box.width * 0.5, box.y + box.height * 0.6);
  await page.waitForFunction((z) => Number((new URL(location.href).searchParams.get("carte") || "0,0,0").split(",")[2]) > z, zoomBefore);
  await page.waitForTimeout(600);  // longer than the page's wait for a second click
  check(!param("near"), "a double click zooms in without searching around the point");

  // A click on the map searches around that point.
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.6);
  await page.waitForFunction(() => new URL(location.href).searchParams.get("near") !== null);
  await settled(page);
  check(await page.locator("#clear-geo").isVisible(), "a map click filters around a point");
  check(!(await page.locator("#status").textContent()).includes("échoué"), "the search around a point answers");

  // A server without /api/clusters: the page falls back to /api/geojson points.
  await page.route("**/api/clusters**", (route) =>
    route.fulfill({ status: 404, contentType: "application/json", body: '{"error":"no route"}' }));
  const geojsonAsked = page.waitForRequest((r) => r.url().includes("/api/geojson") && !r.url().includes("type=partnership"),
    { timeout: 60000 });
  await page.goto(base + "/?type=partner", { waitUntil: "load" });
  await geojsonAsked;
  await settled(page);
  const points = await page.locator(".leaflet-overlay-pane path.leaflet-interactive").count();
  check(points >= 3, `without /api/clusters the map draws the GeoJSON points (${points} shapes)`);
  await page.unroute("**/api/clusters**");

  check(consoleErrors.length === 0, "no console error" + (consoleErrors.length ? ": " + consoleErrors.join("; ") : ""));
  check(outside.length === 0, "no request leaves 127.0.0.1" + (outside.length ? ": " + outside.join(", ") : ""));
} catch (e) {
  fail(e.message);
  console.error("page_test: " + e.stack);
} finally {
  if (browser) await browser.context.close().catch(() => {});
  if (server) server.stop();
  rmSync(work, { recursive: true, force: true });
}
if (failures().length) {
  console.error(`page_test: ${failures().length} check(s) failed`);
  process.exit(1);
}
console.log("page_test: all checks passed");
