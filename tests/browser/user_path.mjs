// Walks what a new user does on the real index, as a user does it (typing,
// clicking facets, zooming the map with the wheel), prints what the page shows
// at each step and saves a screenshot per step. Not a CTest test: it needs the
// index of the whole guide (scripts/index.sh). The path:
//   find the water programmes in West Africa, see them and their partnerships
//   on the map, narrow to 300 km around Dakar, open a contact to e-mail.
//   node tests/browser/user_path.mjs --serve build/web/coopatlas-serve --index var/index --source . --screenshots build/screenshots/user-path
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, requireChromium, startServer, openBrowser, settled, cardShown, urlZoom } from "./harness.mjs";

const args = parseArgs(process.argv.slice(2));
requireChromium("user_path");
const work = mkdtempSync(join(tmpdir(), "coopatlas-user-"));
const shots = args.screenshots || "build/screenshots/user-path";
mkdirSync(shots, { recursive: true });
let server = null;
let browser = null;
let step = 0;
const DAKAR = { lat: 14.6937, lon: -17.4441 };

// Web Mercator pixel of a point at a zoom (Leaflet's EPSG:3857, 256-pixel tiles).
function pixel({ lat, lon }, zoom) {
  const scale = 256 * 2 ** zoom;
  const phi = (lat * Math.PI) / 180;
  return { x: (scale * (lon + 180)) / 360, y: (scale * (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI)) / 2 };
}
try {
  server = await startServer({ serve: args.serve, index: args.index || "var/index", source: args.source || "." });
  browser = await openBrowser({ source: args.source || ".", profileDir: join(work, "profile") });
  const { page, consoleErrors, outside } = browser;
  const seen = async (what) => {
    step += 1;
    const status = await page.locator("#status").textContent();
    const titles = await page.locator("#result-list .result-title").allTextContents();
    const markers = await page.locator(".leaflet-marker-pane .result-marker").count();
    const lines = await page.locator("path.partnership-line").count();
    console.log(`\n${step}. ${what}\n   URL ${decodeURIComponent(page.url().replace(server.base, ""))}`);
    console.log(`   ${status} | ${markers} result markers, ${lines} partnership lines, map zoom ${urlZoom(page.url())}`);
    titles.forEach((t, i) => console.log(`   ${i + 1}. ${t}`));
    await page.screenshot({ path: join(shots, `${step}.png`), fullPage: true });
  };

  // A click where `point` is in the current view (the URL's carte=LAT,LON,ZOOM), as a user aims at a city.
  const clickOnMap = async (point) => {
    const [lat, lon, zoom] = new URL(page.url()).searchParams.get("carte").split(",").map(Number);
    const map = await page.locator("#map").boundingBox();
    const from = pixel({ lat, lon }, zoom);
    const to = pixel(point, zoom);
    await page.mouse.click(map.x + map.width / 2 + to.x - from.x, map.y + map.height / 2 + to.y - from.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.get("near") !== null);
    await settled(page);
  };

  await page.goto(server.base + "/", { waitUntil: "load" });
  await settled(page);
  await page.fill("#q", "eau");
  await page.press("#q", "Enter");
  await settled(page);
  await seen("Typed « eau » and pressed Enter");

  await page.click("#facets button:has-text('Programme')");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("type") === "programme");
  await settled(page);
  await seen("Clicked the facet « Programme »");

  // Zoom on West Africa with the wheel, over the marker of a programme in Benin, then search in the view.
  const benin = page.locator(".leaflet-marker-pane .result-marker[title*='Bénin']").first();
  const box = await benin.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 2; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(600);  // Leaflet's wheel zoom animation
  }
  await settled(page);
  await page.click("#search-area");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("bbox") !== null);
  await settled(page);
  await seen("Zoomed on West Africa with the wheel, clicked « Rechercher dans cette zone »");

  await page.fill("#near-place", "Dakar");
  await page.selectOption("#radius", "300");
  await page.click("#near-form button[type=submit]");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("near") !== null
    || /n'est pas un lieu/.test(document.querySelector("#near-status").textContent));
  await settled(page);
  if (!new URL(page.url()).searchParams.get("near")) {
    console.log("\n   « Autour de Dakar »: " + await page.locator("#near-status").textContent());
    for (let i = 0; i < 2; i++) {  // zoom out with the « − » button so that Dakar is in view
      await page.click(".leaflet-control-zoom-out");
      await page.waitForFunction((z) => Number(new URL(location.href).searchParams.get("carte").split(",")[2]) === z, 5 - i);
    }
    await settled(page);
    await clickOnMap(DAKAR);
  }
  await seen("Narrowed to 300 km around Dakar (radius 300 km)");

  if (await page.locator("#result-list .result").count() === 0) {
    await page.fill("#q", "");
    await page.press("#q", "Enter");
    await page.waitForFunction(() => !new URL(location.href).searchParams.get("q"));
    await settled(page);
    await seen("No water programme within 300 km of Dakar: emptied the search box, kept « Programme » and the radius");
  }

  await page.locator("#result-list .result-title").first().click();
  await cardShown(page);
  await seen("Opened the first programme's card: " + await page.locator("#detail h3").textContent());
  const mailto = page.locator("#detail a[href^='mailto:']").first();
  console.log("   e-mail link: " + await mailto.getAttribute("href"));
  const person = page.locator("#detail .contact-line a:not([href^='mailto:'])").first();
  if (await person.count()) {
    await person.click();
    await page.waitForFunction(() => (new URL(location.href).searchParams.get("fiche") || "").startsWith("contact/"));
    await cardShown(page);
    await seen("Opened the contact: " + await page.locator("#detail h3").textContent());
    console.log("   e-mail link: " + await page.locator("#detail a[href^='mailto:']").first().getAttribute("href"));
  }

  await page.goBack();
  await page.waitForFunction(() => (new URL(location.href).searchParams.get("fiche") || "").startsWith("programme/"));
  await cardShown(page);
  console.log("\nBack: the programme's card again (" + await page.locator("#detail h3").textContent() + ")");
  console.log(`console errors: ${consoleErrors.length ? consoleErrors.join("; ") : "none"}; requests off 127.0.0.1: ${outside.length}`);
} catch (e) {
  console.error("user_path: " + e.stack);
  process.exitCode = 1;
} finally {
  if (browser) await browser.context.close().catch(() => {});
  if (server) server.stop();
  rmSync(work, { recursive: true, force: true });
}
