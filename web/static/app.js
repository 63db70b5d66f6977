// coopatlas search page: talks only to this server (/api, /vendor). The only
// HTML taken from the API is the search snippet (escaped text with <mark>);
// everything else is inserted as text.
(function () {
  "use strict";

  const PAGE_SIZE = 10;
  const TYPE_LABELS = {
    programme: "Programme", contact: "Contact", partner: "Collectivité",
    partnership: "Partenariat", passage: "Passage",
  };
  const FACETS = [
    ["type", "Type de fiche"], ["country", "Pays"], ["theme", "Thème"], ["odd", "ODD"],
  ];
  const FIELD_LABELS = {
    kind: "Nature", lead: "Chef de file", destinations: "Destinations", budget: "Budget",
    description: "Description", emails: "Courriels", email: "Courriel", contacts: "Contacts",
    name: "Nom", role: "Fonction", organisation: "Organisme", phone: "Téléphone", url: "Site",
    country: "Pays", partnerships: "Partenariats", parties: "Parties", theme: "Thème",
  };
  const PRECISION_LABELS = { address: "adresse", city: "ville", admin: "collectivité", country: "pays" };
  const ID_PATTERN = /^(programme|contact|partner|partnership|passage)\/./;
  const regionNames = typeof Intl.DisplayNames === "function"
    ? new Intl.DisplayNames(["fr"], { type: "region" }) : null;

  const $ = (id) => document.getElementById(id);
  const state = readState();

  // ---------- small helpers ----------
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([k, v]) => {
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : v);
    });
    children.flat().forEach((c) => {
      if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
    });
    return node;
  }
  function countryName(code) {
    const upper = String(code).toUpperCase();
    try { return (regionNames && regionNames.of(upper)) || upper; } catch (e) { return upper; }
  }
  // Display labels the server gives with the facet keys (themes keyed by slug:
  // "eau-et-assainissement" -> "Eau et assainissement"), from the last search.
  let facetLabels = {};
  function facetLabel(name, key) {
    const given = facetLabels[name] && facetLabels[name][key];
    if (given) return given;
    if (name === "type") return TYPE_LABELS[key] || key;
    if (name === "country") return countryName(key);
    if (name === "odd") return "ODD " + key;
    const text = String(key).replace(/-/g, " ");
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  function plural(n, one, many) { return n.toLocaleString("fr-FR") + " " + (n > 1 ? many : one); }

  function readState() {
    const p = new URLSearchParams(location.search);
    return {
      q: p.get("q") || "", type: p.get("type") || "", country: p.get("country") || "",
      theme: p.get("theme") || "", odd: p.get("odd") || "", bbox: p.get("bbox") || "",
      near: p.get("near") || "", radius_km: p.get("radius_km") || "",
      offset: Number(p.get("offset")) || 0,
    };
  }
  function filterParams() {
    const p = new URLSearchParams();
    ["q", "type", "country", "theme", "odd", "bbox", "near", "radius_km"].forEach((k) => {
      if (state[k]) p.set(k, state[k]);
    });
    if (state.near) p.set("sort", "distance");
    return p;
  }
  async function getJson(url) {
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const err = new Error((body && body.error) || "HTTP " + res.status);
      err.status = res.status;
      throw err;
    }
    return body;
  }

  // ---------- the map ----------
  const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([20, 5], 2);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Fond : Natural Earth · lieux : GeoNames, INSEE / Etalab");
  const backgroundLayer = L.layerGroup().addTo(map);  // every match (clusters or points)
  const pageLayer = L.layerGroup().addTo(map);        // the results of this page
  const geoLayer = L.layerGroup().addTo(map);         // the radius circle / bbox outline
  const basemapReady = getJson("/vendor/world-atlas/countries-50m.json")
    .then((topo) => {
      L.geoJSON(topojson.feature(topo, topo.objects.countries), {
        interactive: false,
        style: { color: "#b3ab98", weight: 0.6, fillColor: "#f4f1e8", fillOpacity: 1 },
      }).addTo(map).bringToBack();
      document.body.dataset.basemap = "ready";
    })
    .catch((e) => { $("map-note").textContent = "Fond de carte indisponible : " + e.message; });

  function latLngsOf(geo) { return (geo || []).map((g) => [g.lat, g.lon]); }

  function popupFor(id, title, type) {
    const box = el("div", {},
      el("strong", {}, title), el("br"), el("span", {}, TYPE_LABELS[type] || type), el("br"),
      el("button", { type: "button", class: "linklike", onclick: () => showDetail(id) }, "Voir la fiche"));
    return box;
  }

  function drawPageResults(results) {
    pageLayer.clearLayers();
    results.forEach((r) => {
      const points = latLngsOf(r.geo);
      if (!points.length) return;
      if (r.type === "partnership" && points.length > 1) {
        L.polyline(points, { color: "#86307a", weight: 3, bubblingMouseEvents: false })
          .bindPopup(() => popupFor(r.id, r.title, r.type)).addTo(pageLayer);
      }
      points.forEach((p) => {
        L.circleMarker(p, {
          radius: 7, color: "#fff", weight: 2, fillColor: "#d2462d", fillOpacity: 0.95, bubblingMouseEvents: false,
        }).bindTooltip(r.title).bindPopup(() => popupFor(r.id, r.title, r.type)).addTo(pageLayer);
      });
    });
  }

  function drawGeojson(fc) {
    L.geoJSON(fc, {
      pointToLayer: (f, latlng) => L.circleMarker(latlng, {
        radius: 4, color: "#1f5fa8", weight: 1, fillColor: "#1f5fa8", fillOpacity: 0.45, bubblingMouseEvents: false,
      }),
      style: (f) => (f.geometry && f.geometry.type === "LineString"
        ? { color: "#86307a", weight: 1.5, opacity: 0.5, bubblingMouseEvents: false } : {}),
      onEachFeature: (f, layer) => {
        layer.options.bubblingMouseEvents = false;
        layer.bindPopup(() => popupFor(f.properties.id, f.properties.title, f.properties.type));
      },
    }).addTo(backgroundLayer);
  }

  function drawClusters(body) {
    (body.clusters || []).forEach((c) => {
      const count = Number(c.count) || 0;
      const size = Math.min(18, 7 + 2.5 * Math.log2(1 + count));
      const marker = L.circleMarker([c.lat, c.lon], {
        radius: size, color: "#fff", weight: 1.5, fillColor: "#1f5fa8", fillOpacity: 0.5, bubblingMouseEvents: false,
      }).bindTooltip(plural(count, "fiche", "fiches"));
      if (count > 1) {
        L.marker([c.lat, c.lon], {
          icon: L.divIcon({ className: "cluster-label", html: String(count), iconSize: [40, 20] }),
          interactive: false, keyboard: false,
        }).addTo(backgroundLayer);
      }
      marker.on("click", () => {
        const b = c.bbox;
        if (Array.isArray(b) && b.length === 4) map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { maxZoom: map.getZoom() + 3 });
        else map.setView([c.lat, c.lon], map.getZoom() + 2);
      });
      marker.addTo(backgroundLayer);
    });
  }

  // Every match on the map: /api/clusters when the server has it, else the
  // GeoJSON points (the server answers 404 for an unknown route).
  let clustersAvailable = true;
  let backgroundRequest = 0;
  async function drawBackground() {
    const ticket = ++backgroundRequest;
    const params = filterParams();
    params.delete("sort");
    let drawn = null;
    if (clustersAvailable) {
      const b = map.getBounds();
      const cp = new URLSearchParams(params);
      cp.set("zoom", String(map.getZoom()));
      if (!cp.has("bbox")) cp.set("bbox", boundsParam(b));
      try {
        const body = await getJson("/api/clusters?" + cp);
        drawn = () => drawClusters(body);
      } catch (e) {
        if (e.status === 404) clustersAvailable = false;
        else throw e;
      }
    }
    if (!drawn) {
      const fc = await getJson("/api/geojson?" + params);
      drawn = () => drawGeojson(fc);
    }
    if (ticket !== backgroundRequest) return;  // a newer search answered first
    backgroundLayer.clearLayers();
    drawn();
    pageLayer.eachLayer((layer) => layer.bringToFront && layer.bringToFront());  // this page's results stay on top
    document.body.dataset.map = "drawn";
  }

  function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }
  function boundsParam(b) {
    let west = b.getWest(), east = b.getEast();
    if (east - west >= 360) { west = -180; east = 180; }
    west = ((west + 540) % 360) - 180;
    east = ((east + 540) % 360) - 180;
    if (east === -180) east = 180;
    const f = (v) => v.toFixed(4);
    return [f(west), f(clamp(b.getSouth(), -90, 90)), f(east), f(clamp(b.getNorth(), -90, 90))].join(",");
  }

  function drawGeoFilter() {
    geoLayer.clearLayers();
    if (state.near) {
      const [lat, lon] = state.near.split(",").map(Number);
      L.circle([lat, lon], { radius: Number(state.radius_km || 100) * 1000, color: "#d2462d", weight: 2, fillOpacity: 0.06, interactive: false }).addTo(geoLayer);
    }
    if (state.bbox) {
      const [w, s, e, n] = state.bbox.split(",").map(Number);
      if (w <= e) L.rectangle([[s, w], [n, e]], { color: "#d2462d", weight: 2, fill: false, dashArray: "6 4", interactive: false }).addTo(geoLayer);
    }
    $("clear-geo").hidden = !(state.near || state.bbox);
  }

  // Clusters depend on the zoom and the view; plain points do not.
  map.on("moveend", () => {
    if (clustersAvailable && document.body.dataset.map) drawBackground().catch(() => {});
  });
  function searchAround(latlng) {
    const lat = clamp(latlng.lat, -90, 90), lon = ((latlng.lng + 540) % 360) - 180;
    state.near = lat.toFixed(4) + "," + lon.toFixed(4);
    state.radius_km = $("radius").value;
    state.bbox = "";
    state.offset = 0;
    search();
  }
  map.on("click", (e) => searchAround(e.latlng));
  // The same without a mouse: around the centre of the view.
  $("search-center").addEventListener("click", () => searchAround(map.getCenter()));
  $("search-area").addEventListener("click", () => {
    state.bbox = boundsParam(map.getBounds());
    state.near = "";
    state.radius_km = "";
    state.offset = 0;
    search();
  });
  $("clear-geo").addEventListener("click", () => {
    state.bbox = state.near = state.radius_km = "";
    state.offset = 0;
    search();
  });
  $("radius").addEventListener("change", () => {
    if (state.near) { state.radius_km = $("radius").value; state.offset = 0; search(); }
  });

  // ---------- results ----------
  function renderResults(body) {
    const list = $("result-list");
    list.replaceChildren();
    body.results.forEach((r) => {
      const snippet = el("p", { class: "snippet" });
      snippet.innerHTML = r.snippet || "";  // the API's escaped text with <mark>
      const meta = [];
      if (r.page) meta.push("p. " + r.page);
      if (r.section && r.section.length) meta.push(r.section.join(" › "));
      if (r.countries && r.countries.length) meta.push(r.countries.map((c) => c.name || countryName(c.code)).join(", "));
      if (r.distance_km !== null && r.distance_km !== undefined) meta.push(Math.round(r.distance_km).toLocaleString("fr-FR") + " km");
      list.append(el("li", { class: "result" },
        el("h3", {},
          el("span", { class: "badge " + r.type }, TYPE_LABELS[r.type] || r.type),
          el("button", { type: "button", onclick: () => showDetail(r.id) }, r.title || r.id)),
        snippet,
        el("p", { class: "meta" }, meta.join(" · "))));
    });
    const total = body.total || 0;
    $("status").textContent = total
      ? plural(total, "résultat", "résultats") + (total > PAGE_SIZE ? " — page " + (Math.floor(state.offset / PAGE_SIZE) + 1) +
        " sur " + Math.ceil(total / PAGE_SIZE) : "")
      : "Aucun résultat" + (state.q ? " pour « " + state.q + " »" : "") + ".";
    const suggestion = body.suggestion || body.corrected_query;
    const spelling = $("spelling");
    spelling.replaceChildren();
    spelling.hidden = !suggestion;
    if (suggestion) {
      spelling.append("Essayez : ", el("button", {
        type: "button", onclick: () => { $("q").value = suggestion; state.q = suggestion; state.offset = 0; search(); },
      }, suggestion));
    }
    renderPager(total);
  }

  function renderPager(total) {
    const pager = $("pager");
    pager.replaceChildren();
    const pages = Math.ceil(total / PAGE_SIZE);
    if (pages <= 1) return;
    const current = Math.floor(state.offset / PAGE_SIZE);
    const go = (n) => () => { state.offset = n * PAGE_SIZE; search().then(() => $("results").focus()); };
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
      const counts = Object.entries((facets && facets[name]) || {});
      if (!counts.length && !state[name]) return;
      counts.sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]), "fr", { numeric: true }));
      const list = el("ul", { class: "facet", "aria-label": title });
      counts.slice(0, 12).forEach(([key, count]) => {
        const active = String(state[name]).toLowerCase() === String(key).toLowerCase();
        list.append(el("li", {}, el("button", {
          type: "button", "aria-pressed": active ? "true" : "false",
          onclick: () => { state[name] = active ? "" : key; state.offset = 0; search(); },
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
        onclick: () => { state[name] = ""; state.offset = 0; search(); },
      }, facetLabel(name, state[name]) + " ✕"));
    });
  }

  // ---------- search ----------
  let searchTicket = 0;
  async function search() {
    const ticket = ++searchTicket;
    const params = filterParams();
    params.set("limit", String(PAGE_SIZE));
    if (state.offset) params.set("offset", String(state.offset));
    const visible = filterParams();
    if (state.offset) visible.set("offset", String(state.offset));
    visible.delete("sort");
    history.replaceState(null, "", visible.toString() ? "?" + visible : location.pathname);
    drawGeoFilter();
    $("status").textContent = "Recherche…";
    try {
      const body = await getJson("/api/search?" + params);
      if (ticket !== searchTicket) return;
      renderResults(body);
      facetLabels = body.facet_labels || {};
      renderFacets(body.facets);
      drawPageResults(body.results);
      document.body.dataset.results = String(body.results.length);
    } catch (e) {
      if (ticket !== searchTicket) return;
      $("result-list").replaceChildren();
      $("pager").replaceChildren();
      $("status").textContent = e.status === 503
        ? "L'index n'est pas prêt : " + e.message
        : "La recherche a échoué : " + e.message;
      return;
    }
    drawBackground().catch((e) => { $("map-note").textContent = "Carte : " + e.message; });
  }

  // ---------- detail ----------
  function fieldValue(value) {
    const values = Array.isArray(value) ? value : [value];
    return values.map((v) => {
      if (v && typeof v === "object") return el("span", {}, v.name || v.title || v.code || JSON.stringify(v));
      const text = String(v);
      if (ID_PATTERN.test(text)) return el("button", { type: "button", onclick: () => showDetail(text) }, text.split("/")[1]);
      if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(text)) return el("a", { href: "mailto:" + text }, text);
      return el("span", {}, text);
    }).flatMap((node, i) => (i ? ["; ", node] : [node]));
  }

  async function showDetail(id) {
    const panel = $("detail");
    panel.hidden = false;
    panel.replaceChildren(el("p", {}, "Chargement de la fiche…"));
    let r;
    try {
      r = await getJson("/api/entity/" + id.split("/").map(encodeURIComponent).join("/"));
    } catch (e) {
      panel.replaceChildren(el("p", {}, "Fiche introuvable : " + e.message));
      return;
    }
    const rows = [];
    const add = (label, value) => {
      if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
      rows.push(el("dt", {}, label), el("dd", {}, value instanceof Node ? value : fieldValue(value)));
    };
    add("Page du guide", r.page ? String(r.page) : "");
    add("Rubrique", (r.section || []).join(" › "));
    add("Pays", (r.countries || []).map((c) => c.name || countryName(c.code)));
    add("Thèmes", r.themes);
    add("ODD", (r.odd || []).map((n) => "ODD " + n));
    add("Lieux", (r.geo || []).map((g) => g.place + " (" + (PRECISION_LABELS[g.precision] || g.precision) + ")"));
    const common = new Set(["id", "type", "title", "text", "page", "line", "section", "countries", "themes", "odd", "geo"]);
    Object.keys(r).filter((k) => !common.has(k)).forEach((k) => add(FIELD_LABELS[k] || k, r[k]));
    panel.replaceChildren(
      el("button", { type: "button", class: "close", onclick: () => { panel.hidden = true; }, "aria-label": "Fermer la fiche" }, "✕"),
      el("span", { class: "badge " + r.type }, TYPE_LABELS[r.type] || r.type),
      el("h3", {}, r.title),
      el("dl", {}, rows),
      el("div", { class: "text" }, r.text || ""));
    panel.focus();
    const points = latLngsOf(r.geo);
    if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.5), { maxZoom: 7 });
  }

  // ---------- suggestions (combobox) ----------
  const input = $("q");
  const box = $("suggestions");
  let options = [];
  let active = -1;
  let suggestTimer = null;
  function closeSuggestions() {
    box.hidden = true;
    box.replaceChildren();
    options = [];
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }
  function choose(option) {
    closeSuggestions();
    if (option.id) { showDetail(option.id); return; }
    input.value = option.text;
    state.q = option.text;
    state.offset = 0;
    search();
  }
  function highlight(i) {
    active = i;
    [...box.children].forEach((li, j) => li.setAttribute("aria-selected", j === i ? "true" : "false"));
    if (i >= 0) input.setAttribute("aria-activedescendant", "sugg-" + i);
  }
  async function suggest() {
    const q = input.value;
    if (q.trim().length < 2) { closeSuggestions(); return; }
    let body;
    try { body = await getJson("/api/suggest?q=" + encodeURIComponent(q) + "&limit=6"); } catch (e) { closeSuggestions(); return; }
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
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(suggest, 150);
  });
  input.addEventListener("keydown", (e) => {
    if (box.hidden) return;
    if (e.key === "ArrowDown") { e.preventDefault(); highlight((active + 1) % options.length); }
    else if (e.key === "ArrowUp") { e.preventDefault(); highlight((active - 1 + options.length) % options.length); }
    else if (e.key === "Escape") closeSuggestions();
    else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(options[active]); }
  });
  input.addEventListener("blur", () => setTimeout(closeSuggestions, 100));
  $("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(suggestTimer);
    closeSuggestions();
    state.q = input.value.trim();
    state.offset = 0;
    search();
  });

  // ---------- start ----------
  input.value = state.q;
  if (state.radius_km) $("radius").value = state.radius_km;
  basemapReady.then(search);
})();
