// coopatlas search page: talks only to this server (/api, /vendor). The only
// HTML taken from the API is the search snippet (escaped text with <mark>);
// everything else is inserted as text. The state is in the URL (state.js);
// each user action is a history entry, the back button replays the previous one.
import {
  TYPE_LABELS, $, el, countryName, plural, getJson, getEntity, fold,
} from "./ui.js";
import {
  readState, filterParams, pushState, replaceState, stateUrl, parseView, formatView,
} from "./state.js";
import { AtlasMap, boundsParam, latLngsOf } from "./map.js";
import { renderCard } from "./cards.js";

const PAGE_SIZE = 10;
const FACETS = [["type", "Type de fiche"], ["country", "Pays"], ["theme", "Thème"], ["odd", "ODD"]];
// Partnerships drawn for a search: one page of /api/geojson (the API's largest `limit`).
const MAX_PARTNERSHIP_LINES = 1000;

let state = readState();
let facetLabels = {};  // display labels of facet keys from the last search (theme slug -> theme)

function facetLabel(name, key) {
  const given = facetLabels[name] && facetLabels[name][key];
  if (given) return given;
  if (name === "type") return TYPE_LABELS[key] || key;
  if (name === "country") return countryName(key);
  if (name === "odd") return "ODD " + key;
  const text = String(key).replace(/-/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function cardHref(id) { return stateUrl({ ...state, fiche: id }); }

// ---------- the map ----------
const atlas = new AtlasMap("map", {
  open: (id) => openCard(id, { push: true, fit: true }),
  cardHref,
  click: (latlng) => searchAround({ lat: latlng.lat, lon: latlng.lng }),
  moved: () => {
    rememberView();
    drawClusters().catch(() => {});
  },
});

function rememberView() {
  state.carte = formatView(atlas.center(), atlas.zoom());
  replaceState(state);
}

// Every match in the view as clusters; /api/geojson points when a server has no /api/clusters.
let clustersAvailable = true;
let clusterTicket = 0;
async function drawClusters() {
  const ticket = ++clusterTicket;
  const params = filterParams(state);
  params.delete("sort");
  if (clustersAvailable) {
    const cp = new URLSearchParams(params);
    cp.set("zoom", String(atlas.zoom()));
    if (!cp.has("bbox")) cp.set("bbox", boundsParam(atlas.bounds()));
    try {
      const body = await getJson("/api/clusters?" + cp);
      if (ticket === clusterTicket) atlas.drawClusters(body);
      document.body.dataset.map = "drawn";
      return;
    } catch (e) {
      if (e.status !== 404) throw e;
      clustersAvailable = false;
    }
  }
  const fc = await getJson("/api/geojson?" + params);
  if (ticket === clusterTicket) atlas.drawPoints(fc);
  document.body.dataset.map = "drawn";
}

// The partnerships of the search (or, in the « toutes les coopérations » view,
// of the chosen country and theme) as arcs. Returns their points.
let partnershipTicket = 0;
async function drawPartnerships() {
  const ticket = ++partnershipTicket;
  const params = filterParams(state);
  ["sort", "type"].forEach((k) => params.delete(k));
  params.set("type", "partnership");
  params.set("limit", String(MAX_PARTNERSHIP_LINES));
  const fc = await getJson("/api/geojson?" + params);
  if (ticket !== partnershipTicket) return [];
  const lines = atlas.drawPartnerships(fc, state.vue === "cooperations");
  const n = fc.numberMatched || 0;
  $("map-note").textContent = lines
    ? plural(n, "partenariat tracé", "partenariats tracés") + (n > MAX_PARTNERSHIP_LINES ? " (les " + MAX_PARTNERSHIP_LINES + " premiers)" : "") +
      " entre la France et ses partenaires. Cliquez sur la carte pour chercher autour d'un point."
    : "Cliquez sur la carte pour chercher autour d'un point.";
  return (fc.features || []).flatMap((f) => (f.geometry && f.geometry.coordinates || []).map(([lon, lat]) => [lat, lon]));
}

// ---------- searching around a place ----------
function searchAround(point) {
  $("near-status").textContent = point.place ? "Autour de " + point.place + " (" + $("radius").value + " km)." : "";
  const lat = Math.max(-90, Math.min(90, point.lat));
  const lon = ((point.lon + 540) % 360) - 180;
  state.near = lat.toFixed(4) + "," + lon.toFixed(4);
  state.radius_km = $("radius").value;
  state.bbox = "";
  state.offset = 0;
  state.fiche = "";
  search({ push: true, fit: true });
}

/// A place named in the guide: the first point of a search result whose place
/// name is the one typed (accents and case ignored), else one that starts with it.
async function findPlace(name) {
  const wanted = fold(name);
  const body = await getJson("/api/search?" + new URLSearchParams({ q: name, limit: "50" }));
  const points = body.results.flatMap((r) => r.geo || []);
  return points.find((g) => fold(g.place) === wanted) || points.find((g) => fold(g.place).startsWith(wanted)) || null;
}

// ---------- results ----------
function renderResults(body) {
  const list = $("result-list");
  list.replaceChildren();
  body.results.forEach((r, i) => {
    const snippet = el("p", { class: "snippet" });
    snippet.innerHTML = r.snippet || "";  // the API's escaped text with <mark>
    const meta = [];
    if (r.page) meta.push("p. " + r.page);
    if (r.section && r.section.length) meta.push(r.section.join(" › "));
    if (r.countries && r.countries.length) meta.push(r.countries.map((c) => c.name || countryName(c.code)).join(", "));
    if (r.distance_km !== null && r.distance_km !== undefined) meta.push(Math.round(r.distance_km).toLocaleString("fr-FR") + " km");
    const located = latLngsOf(r.geo).length > 0;
    list.append(el("li", { class: "result" },
      el("h3", {},
        located ? el("span", { class: "result-number type-" + r.type, title: "Repère sur la carte" }, String(state.offset + i + 1))
          : el("span", { class: "result-number unlocated", title: "Sans lieu sur la carte" }, String(state.offset + i + 1)),
        el("span", { class: "badge " + r.type }, TYPE_LABELS[r.type] || r.type),
        el("a", {
          href: cardHref(r.id), class: "result-title",
          onclick: (e) => { e.preventDefault(); openCard(r.id, { push: true, fit: true }); },
        }, r.title || r.id)),
      snippet,
      el("p", { class: "meta" }, meta.join(" · "))));
  });
  const total = body.total || 0;
  $("status").textContent = total
    ? plural(total, "résultat", "résultats") + (total > PAGE_SIZE ? " — page " + (Math.floor(state.offset / PAGE_SIZE) + 1) +
      " sur " + Math.ceil(total / PAGE_SIZE) : "")
    : "Aucun résultat" + (state.q ? " pour « " + state.q + " »" : "") + ".";
  const suggestion = body.suggestion || body.corrected_query;
  const ignored = body.ignored_words || [];
  const spelling = $("spelling");
  spelling.replaceChildren();
  spelling.hidden = !suggestion && ignored.length === 0;
  if (suggestion) {
    spelling.append("Essayez : ", el("button", {
      type: "button", onclick: () => { $("q").value = suggestion; newSearch({ q: suggestion }); },
    }, suggestion));
  }
  if (ignored.length) {
    // Words the index does not know, left out of the search: said, not hidden.
    spelling.append((suggestion ? " · " : "") + "Sans : " + ignored.join(", ") + " (absent du guide)");
  }
  renderPager(total);
}

function renderPager(total) {
  const pager = $("pager");
  pager.replaceChildren();
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return;
  const current = Math.floor(state.offset / PAGE_SIZE);
  const go = (n) => () => {
    state.offset = n * PAGE_SIZE;
    search({ push: true, fit: true }).then(() => $("results").focus());
  };
  pager.append(el("button", { type: "button", disabled: current === 0, onclick: go(current - 1), "aria-label": "Page précédente" }, "‹"));
  const shown = new Set([0, pages - 1]);
  for (let i = Math.max(0, current - 2); i <= Math.min(pages - 1, current + 2); i++) shown.add(i);
  let last = -1;
  [...shown].sort((a, b) => a - b).forEach((i) => {
    if (i > last + 1) pager.append(el("span", { "aria-hidden": "true" }, "…"));
    pager.append(el("button", {
      type: "button", onclick: go(i), "aria-current": i === current ? "page" : null, "aria-label": "Page " + (i + 1),
    }, String(i + 1)));
    last = i;
  });
  pager.append(el("button", { type: "button", disabled: current >= pages - 1, onclick: go(current + 1), "aria-label": "Page suivante" }, "›"));
}

function renderFacets(facets) {
  const box = $("facets");
  box.replaceChildren();
  FACETS.forEach(([name, title]) => {
    if (name === "type" && state.vue === "cooperations") return;
    const counts = Object.entries((facets && facets[name]) || {});
    if (!counts.length && !state[name]) return;
    counts.sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]), "fr", { numeric: true }));
    const list = el("ul", { class: "facet", "aria-label": title });
    counts.slice(0, 12).forEach(([key, count]) => {
      const active = String(state[name]).toLowerCase() === String(key).toLowerCase();
      list.append(el("li", {}, el("button", {
        type: "button", "aria-pressed": active ? "true" : "false",
        onclick: () => newSearch({ [name]: active ? "" : key }),
      }, el("span", {}, facetLabel(name, key)), el("span", { class: "count" }, Number(count).toLocaleString("fr-FR")))));
    });
    box.append(el("h3", {}, title), list);
  });
  const active = $("active-filters");
  active.replaceChildren();
  FACETS.forEach(([name, title]) => {
    if (!state[name]) return;
    active.append(el("button", {
      type: "button", "aria-label": "Retirer le filtre " + title + " : " + facetLabel(name, state[name]),
      onclick: () => newSearch({ [name]: "" }),
    }, facetLabel(name, state[name]) + " ✕"));
  });
  renderCooperationFilters(facets);
}

// ---------- the « toutes les coopérations » view ----------
function renderCooperationFilters(facets) {
  const on = state.vue === "cooperations";
  $("coop-toggle").setAttribute("aria-pressed", on ? "true" : "false");
  $("coop-toggle").textContent = on ? "Revenir à la recherche" : "Toutes les coopérations";
  $("coop-filters").hidden = !on;
  if (!on) return;
  const fill = (select, name, allLabel) => {
    const counts = Object.entries((facets && facets[name]) || {})
      .sort((a, b) => facetLabel(name, a[0]).localeCompare(facetLabel(name, b[0]), "fr"));
    select.replaceChildren(el("option", { value: "" }, allLabel),
      ...counts.map(([key, n]) => el("option", { value: key }, facetLabel(name, key) + " (" + n + ")")));
    if (state[name] && !counts.some(([key]) => key.toLowerCase() === state[name].toLowerCase())) {
      select.append(el("option", { value: state[name] }, facetLabel(name, state[name])));
    }
    select.value = state[name] || "";
  };
  fill($("coop-country"), "country", "Tous les pays");
  fill($("coop-theme"), "theme", "Tous les thèmes");
}

// ---------- search ----------
/// Starts a new search from the current one with `changes` (a history entry; the map fits the results).
function newSearch(changes) {
  Object.assign(state, changes, { offset: 0, fiche: "" });
  return search({ push: true, fit: true });
}

let searchTicket = 0;
/// Runs the search of `state`. `push`: a new history entry; `fit`: the map fits
/// the results (or the radius), else it keeps its view (restored from the URL).
async function search({ push = false, fit = false } = {}) {
  const ticket = ++searchTicket;
  document.body.dataset.busy = "search";  // cleared once the results and the map are drawn
  if (push) pushState(state);
  const params = filterParams(state);
  params.set("limit", String(PAGE_SIZE));
  if (state.offset) params.set("offset", String(state.offset));
  atlas.drawFilter(state);
  $("clear-geo").hidden = !(state.near || state.bbox);
  if (!state.near) $("near-status").textContent = "";
  $("status").textContent = "Recherche…";
  let body;
  try {
    body = await getJson("/api/search?" + params);
  } catch (e) {
    if (ticket !== searchTicket) return;
    $("result-list").replaceChildren();
    $("pager").replaceChildren();
    $("status").textContent = e.status === 503
      ? "L'index n'est pas prêt : " + e.message
      : "La recherche a échoué : " + e.message;
    delete document.body.dataset.busy;
    return;
  }
  if (ticket !== searchTicket) return;
  facetLabels = body.facet_labels || {};
  renderResults(body);
  renderFacets(body.facets);
  const points = atlas.drawResults(body.results, state.offset);
  document.body.dataset.results = String(body.results.length);
  const linePoints = await drawPartnerships().catch(() => []);
  if (ticket !== searchTicket) return;
  if (fit && !state.fiche) {
    if (state.near) {
      const [lat, lon] = state.near.split(",").map(Number);
      atlas.fitCircle(lat, lon, Number(state.radius_km || 100));
    } else if (!state.bbox) {
      atlas.fitPoints(points.length ? points : linePoints);
    }
    rememberView();
  }
  await drawClusters().catch((e) => { $("map-note").textContent = "Carte : " + e.message; });
  if (ticket === searchTicket) delete document.body.dataset.busy;
}

// ---------- record cards ----------
let cardTicket = 0;
async function openCard(id, { push = false, fit = false } = {}) {
  const ticket = ++cardTicket;
  document.body.dataset.card = "loading";
  state.fiche = id;
  if (push) pushState(state);
  const panel = $("detail");
  panel.hidden = false;
  panel.replaceChildren(el("p", {}, "Chargement de la fiche…"));
  let record;
  try {
    record = await getEntity(id);
  } catch (e) {
    if (ticket === cardTicket) {
      panel.replaceChildren(el("p", {}, "Fiche introuvable : " + e.message));
      document.body.dataset.card = "missing";
    }
    return;
  }
  const card = await renderCard(record, {
    open: (other) => openCard(other, { push: true, fit: true }),
    cardHref,
    around: (g) => searchAround(g),
    close: () => closeCard({ push: true }),
  });
  if (ticket !== cardTicket) return;
  panel.replaceChildren(...card.nodes);
  panel.setAttribute("aria-labelledby", "detail-title");
  document.body.dataset.card = record.type;
  if (push) panel.focus();
  const points = atlas.drawFocus(record, card.related);
  if (fit && points.length) {
    atlas.fitPoints(points, 8);
    rememberView();
    drawClusters().catch(() => {});
  }
}

function closeCard({ push = false } = {}) {
  cardTicket += 1;
  state.fiche = "";
  if (push) pushState(state);
  $("detail").hidden = true;
  $("detail").replaceChildren();
  delete document.body.dataset.card;
  atlas.clearFocus();
}

// ---------- applying the URL (first load, back and forward) ----------
function applyState() {
  $("q").value = state.q;
  if (state.radius_km) $("radius").value = state.radius_km;
  $("near-place").value = "";
  const view = parseView(state.carte);
  if (view) atlas.setView(view);
  const searched = search({ fit: !view });
  if (state.fiche) openCard(state.fiche, { fit: !view });
  else closeCard();
  return searched;
}

window.addEventListener("popstate", () => {
  state = readState();
  applyState();
});

// ---------- controls ----------
$("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  suggestions.close();
  newSearch({ q: $("q").value.trim() });
});
$("search-area").addEventListener("click", () => newSearch({ bbox: boundsParam(atlas.bounds()), near: "", radius_km: "" }));
$("search-center").addEventListener("click", () => {
  const c = atlas.center();
  searchAround({ lat: c.lat, lon: c.lng });
});
$("clear-geo").addEventListener("click", () => newSearch({ bbox: "", near: "", radius_km: "" }));
$("radius").addEventListener("change", () => {
  if (state.near) newSearch({ radius_km: $("radius").value });
});
$("near-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const name = $("near-place").value.trim();
  if (!name) return;
  $("near-status").textContent = "Recherche du lieu…";
  try {
    const place = await findPlace(name);
    if (!place) {
      $("near-status").textContent = "« " + name + " » n'est pas un lieu placé sur la carte du guide : cliquez sur la carte "
        + "à cet endroit pour chercher dans un rayon de " + $("radius").value + " km.";
      return;
    }
    searchAround(place);
  } catch (err) {
    $("near-status").textContent = "Recherche du lieu impossible : " + err.message;
  }
});
$("coop-toggle").addEventListener("click", () => {
  if (state.vue === "cooperations") newSearch({ vue: "", country: "", theme: "" });
  else newSearch({ vue: "cooperations", q: "", type: "", odd: "", bbox: "", near: "", radius_km: "" });
});
$("coop-country").addEventListener("change", (e) => newSearch({ country: e.target.value }));
$("coop-theme").addEventListener("change", (e) => newSearch({ theme: e.target.value }));

// ---------- suggestions (combobox) ----------
const suggestions = (() => {
  const input = $("q");
  const box = $("suggestions");
  let options = [];
  let active = -1;
  let timer = null;
  function close() {
    clearTimeout(timer);
    box.hidden = true;
    box.replaceChildren();
    options = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }
  function choose(option) {
    close();
    if (option.id) { openCard(option.id, { push: true, fit: true }); return; }
    input.value = option.text;
    newSearch({ q: option.text });
  }
  function highlight(i) {
    active = i;
    [...box.children].forEach((li, j) => li.setAttribute("aria-selected", j === i ? "true" : "false"));
    if (i >= 0) input.setAttribute("aria-activedescendant", "sugg-" + i);
  }
  async function suggest() {
    const q = input.value;
    if (q.trim().length < 2) { close(); return; }
    let body;
    try { body = await getJson("/api/suggest?q=" + encodeURIComponent(q) + "&limit=6"); } catch (e) { close(); return; }
    if (input.value !== q) return;
    options = (body.completions || []).map((text) => ({ text }));
    (body.records || []).forEach((r) => options.push({ text: r.title, id: r.id, type: r.type }));
    box.replaceChildren();
    options.forEach((o, i) => {
      box.append(el("li", {
        id: "sugg-" + i, role: "option", "aria-selected": "false",
        onmousedown: (e) => { e.preventDefault(); choose(o); },
      }, o.text, o.type ? el("span", { class: "kind" }, TYPE_LABELS[o.type] || o.type) : null));
    });
    box.hidden = !options.length;
    input.setAttribute("aria-expanded", options.length ? "true" : "false");
    active = -1;
  }
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });
  input.addEventListener("keydown", (e) => {
    if (box.hidden) return;
    if (e.key === "ArrowDown") { e.preventDefault(); highlight((active + 1) % options.length); }
    else if (e.key === "ArrowUp") { e.preventDefault(); highlight((active - 1 + options.length) % options.length); }
    else if (e.key === "Escape") close();
    else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(options[active]); }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  return { close };
})();

// ---------- start ----------
atlas.ready
  .catch((e) => { $("map-note").textContent = "Fond de carte indisponible : " + e.message; })
  .then(applyState);
