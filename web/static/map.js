// The map of the page: an offline basemap (Natural Earth country outlines from
// world-atlas, no tile server), then, from bottom to top, every match as
// server-side clusters (/api/clusters), the partnerships of the search as arcs
// (France <-> partner), the geographic filter, this page's results as numbered
// markers coloured by type, and the open record card's places.
/* global L, topojson */
import { TYPE_LABELS, TYPE_COLOURS, el, getJson, plural } from "./ui.js";

const PARTNERSHIP_COLOUR = TYPE_COLOURS.partnership;

/// Points of a record's geo[] as Leaflet [lat, lon] pairs.
export function latLngsOf(geo) {
  return (geo || []).filter((g) => Number.isFinite(g.lat) && Number.isFinite(g.lon)).map((g) => [g.lat, g.lon]);
}

/// A gentle arc from a to b ([lat, lon]): a quadratic Bézier curve bent to the
/// left of the way, so that two partnerships between nearby places stay apart.
export function arc(a, b, steps = 24) {
  const [lat1, lon1] = a;
  const [lat2, lon2] = b;
  const dLat = lat2 - lat1;
  const dLon = lon2 - lon1;
  if (Math.hypot(dLat, dLon) < 0.05) return [a, b];
  const cLat = (lat1 + lat2) / 2 + dLon * 0.18;
  const cLon = (lon1 + lon2) / 2 - dLat * 0.18;
  const points = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    points.push([u * u * lat1 + 2 * u * t * cLat + t * t * lat2, u * u * lon1 + 2 * u * t * cLon + t * t * lon2]);
  }
  return points;
}

/// The lines of a partnership with several parties: from the first party to each other one.
function partnershipArcs(points) {
  return points.slice(1).map((p) => arc(points[0], p));
}

export class AtlasMap {
  /// `handlers`: {open(id) — show a record card, cardHref(id) — its URL,
  /// click(latlng) — the user clicked the map, moved() — the view changed}.
  constructor(container, handlers) {
    this.handlers = handlers;
    this.map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: 12, keyboard: true }).setView([20, 5], 2);
    this.map.attributionControl.setPrefix("Leaflet");
    this.map.attributionControl.addAttribution("Fond : Natural Earth · lieux : GeoNames, INSEE / Etalab");
    this.clusterLayer = L.layerGroup().addTo(this.map);
    this.partnershipLayer = L.layerGroup().addTo(this.map);
    this.filterLayer = L.layerGroup().addTo(this.map);
    this.resultLayer = L.layerGroup().addTo(this.map);
    this.focusLayer = L.layerGroup().addTo(this.map);
    L.control.layers(null, {
      "Toutes les fiches trouvées (groupes)": this.clusterLayer,
      "Partenariats (France ↔ partenaire)": this.partnershipLayer,
      "Résultats de cette page": this.resultLayer,
    }, { collapsed: false, position: "topright" }).addTo(this.map);
    this.addLegend();
    this.quiet = false;  // true while the page itself moves the map (moves without animation end at once)
    this.map.on("moveend", () => { if (!this.quiet) this.handlers.moved(); });
    // A click searches around its point, unless it is the first half of a double click (zoom).
    this.clickTimer = null;
    this.map.on("click", (e) => {
      clearTimeout(this.clickTimer);
      this.clickTimer = setTimeout(() => this.handlers.click(e.latlng), 300);
    });
    this.map.on("dblclick", () => clearTimeout(this.clickTimer));
    this.ready = getJson("/vendor/world-atlas/countries-50m.json").then((topo) => {
      L.geoJSON(topojson.feature(topo, topo.objects.countries), {
        interactive: false,
        style: { color: "#b3ab98", weight: 0.6, fillColor: "#f4f1e8", fillOpacity: 1 },
      }).addTo(this.map).bringToBack();
      document.body.dataset.basemap = "ready";
    });
  }

  addLegend() {
    const legend = L.control({ position: "bottomleft" });
    legend.onAdd = () => {
      const box = el("div", { class: "map-legend", role: "group", "aria-label": "Légende de la carte" });
      ["programme", "partner", "contact", "passage"].forEach((type) => box.append(
        el("span", {}, el("i", { class: "dot type-" + type, "aria-hidden": "true" }), TYPE_LABELS[type])));
      box.append(el("span", {}, el("i", { class: "line", "aria-hidden": "true" }), "Partenariat"));
      box.append(el("span", {}, el("i", { class: "cluster", "aria-hidden": "true" }), "Groupe de fiches"));
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    legend.addTo(this.map);
  }

  // ---------- the view ----------
  /// Moves the map without reporting it as the user's move.
  move(action) {
    this.quiet = true;
    try { action(); } finally { this.quiet = false; }
  }
  setView(view) { this.move(() => this.map.setView([view.lat, view.lon], view.zoom, { animate: false })); }
  fitPoints(points, maxZoom = 7) {
    if (!points.length) return false;
    this.move(() => this.map.fitBounds(L.latLngBounds(points).pad(0.25), { maxZoom, animate: false }));
    return true;
  }
  fitCircle(lat, lon, radiusKm) {
    const bounds = L.latLng(lat, lon).toBounds(radiusKm * 2000);
    this.move(() => this.map.fitBounds(bounds, { animate: false }));
  }
  center() { return this.map.getCenter(); }
  zoom() { return this.map.getZoom(); }
  bounds() { return this.map.getBounds(); }

  // ---------- popups ----------
  popup(id, title, type, extra) {
    return () => el("div", { class: "map-popup" },
      el("span", { class: "badge " + type }, TYPE_LABELS[type] || type),
      el("strong", {}, title),
      extra || null,
      el("a", {
        href: this.handlers.cardHref(id),
        onclick: (e) => { e.preventDefault(); this.map.closePopup(); this.handlers.open(id); },
      }, "Voir la fiche"));
  }

  // ---------- layers ----------
  /// This page's results: one numbered marker per point, coloured by type; a
  /// partnership also gets its arcs. Returns every point drawn (for fitting).
  drawResults(results, offset) {
    this.resultLayer.clearLayers();
    const all = [];
    results.forEach((r, i) => {
      const points = latLngsOf(r.geo);
      if (!points.length) return;
      all.push(...points);
      const number = offset + i + 1;
      if (r.type === "partnership" && points.length > 1) {
        partnershipArcs(points).forEach((line) => L.polyline(line, {
          color: PARTNERSHIP_COLOUR, weight: 4, opacity: 0.9, className: "partnership-line result-line",
          bubblingMouseEvents: false,
        }).bindPopup(this.popup(r.id, r.title, r.type)).addTo(this.resultLayer));
      }
      points.forEach((p, k) => {
        const place = r.geo[k] && r.geo[k].place ? " — " + r.geo[k].place : "";
        L.marker(p, {
          icon: L.divIcon({
            className: "result-marker type-" + r.type, html: "<span>" + number + "</span>",
            iconSize: [26, 26], iconAnchor: [13, 13], popupAnchor: [0, -12],
          }),
          title: number + ". " + r.title + place,
          alt: number + ". " + (TYPE_LABELS[r.type] || r.type) + " : " + r.title,
          riseOnHover: true,
          bubblingMouseEvents: false,
        }).bindPopup(this.popup(r.id, r.title, r.type, place ? el("span", { class: "place" }, place.slice(3)) : null))
          .addTo(this.resultLayer);
      });
    });
    document.body.dataset.markers = String(all.length);
    return all;
  }

  /// Partnerships as arcs from a GeoJSON FeatureCollection (LineString per partnership).
  drawPartnerships(fc, emphasis) {
    this.partnershipLayer.clearLayers();
    let lines = 0;
    (fc.features || []).forEach((f) => {
      const g = f.geometry;
      if (!g) return;
      const coords = g.type === "LineString" || g.type === "MultiPoint" ? g.coordinates : [];
      const points = coords.map(([lon, lat]) => [lat, lon]);
      if (points.length < 2) return;
      const p = f.properties || {};
      const places = (p.places || []).join(" ↔ ");
      partnershipArcs(points).forEach((line) => {
        L.polyline(line, {
          color: PARTNERSHIP_COLOUR, weight: emphasis ? 2.5 : 2, opacity: emphasis ? 0.75 : 0.6,
          className: "partnership-line", bubblingMouseEvents: false,
        }).bindTooltip(p.title || places, { sticky: true })
          .bindPopup(this.popup(p.id, p.title, "partnership", places ? el("span", { class: "place" }, places) : null))
          .addTo(this.partnershipLayer);
        lines += 1;
      });
      points.forEach((pt) => L.circleMarker(pt, {
        radius: 3, color: PARTNERSHIP_COLOUR, weight: 1, fillColor: "#fff", fillOpacity: 1, interactive: false,
      }).addTo(this.partnershipLayer));
    });
    document.body.dataset.partnershipLines = String(lines);
    return lines;
  }

  clearPartnerships() {
    this.partnershipLayer.clearLayers();
    document.body.dataset.partnershipLines = "0";
  }

  /// Every match as the server's clusters: a disc sized by its count; a click zooms in.
  drawClusters(body) {
    this.clusterLayer.clearLayers();
    (body.clusters || []).forEach((c) => {
      const count = Number(c.count) || 0;
      const size = Math.min(18, 6 + 2.5 * Math.log2(1 + count));
      const marker = L.circleMarker([c.lat, c.lon], {
        radius: size, color: "#fff", weight: 1.5, fillColor: "#56657a", fillOpacity: 0.45,
        className: "cluster", bubblingMouseEvents: false,
      }).bindTooltip(plural(count, "fiche", "fiches") + " — cliquer pour zoomer");
      if (count > 1) {
        L.marker([c.lat, c.lon], {
          icon: L.divIcon({ className: "cluster-label", html: String(count), iconSize: [40, 20] }),
          interactive: false, keyboard: false,
        }).addTo(this.clusterLayer);
      }
      marker.on("click", () => {
        const b = c.bbox;
        if (Array.isArray(b) && b.length === 4 && (b[0] !== b[2] || b[1] !== b[3])) {
          this.map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { maxZoom: this.map.getZoom() + 3 });
        } else this.map.setView([c.lat, c.lon], this.map.getZoom() + 2);
      });
      marker.addTo(this.clusterLayer);
    });
    this.keepResultsOnTop();
  }

  /// GeoJSON points of every match, for a server without /api/clusters.
  drawPoints(fc) {
    this.clusterLayer.clearLayers();
    L.geoJSON(fc, {
      pointToLayer: (f, latlng) => L.circleMarker(latlng, {
        radius: 4, color: "#56657a", weight: 1, fillColor: "#56657a", fillOpacity: 0.45, bubblingMouseEvents: false,
      }),
      style: () => ({ color: PARTNERSHIP_COLOUR, weight: 1.5, opacity: 0.5 }),
      onEachFeature: (f, layer) => {
        layer.options.bubblingMouseEvents = false;
        layer.bindPopup(this.popup(f.properties.id, f.properties.title, f.properties.type));
      },
    }).addTo(this.clusterLayer);
    this.keepResultsOnTop();
  }

  keepResultsOnTop() {
    [this.partnershipLayer, this.resultLayer, this.focusLayer].forEach((group) =>
      group.eachLayer((layer) => layer.bringToFront && layer.bringToFront()));
  }

  /// The circle of `near` + `radius_km` or the outline of `bbox`.
  drawFilter(state) {
    this.filterLayer.clearLayers();
    if (state.near) {
      const [lat, lon] = state.near.split(",").map(Number);
      L.circle([lat, lon], {
        radius: Number(state.radius_km || 100) * 1000, color: "#d2462d", weight: 2, fillOpacity: 0.05,
        interactive: false, className: "near-circle",
      }).addTo(this.filterLayer);
    }
    if (state.bbox) {
      const [w, s, e, n] = state.bbox.split(",").map(Number);
      if (w <= e) {
        L.rectangle([[s, w], [n, e]], { color: "#d2462d", weight: 2, fill: false, dashArray: "6 4", interactive: false })
          .addTo(this.filterLayer);
      }
    }
  }

  /// The open card's record: its places ringed, a partner's partnerships as arcs.
  /// Returns the points to fit.
  drawFocus(record, partnerships) {
    this.focusLayer.clearLayers();
    const points = latLngsOf(record.geo);
    (partnerships || []).forEach((p) => {
      const pts = latLngsOf(p.geo);
      pts.forEach((pt) => points.push(pt));
      partnershipArcs(pts).forEach((line) => L.polyline(line, {
        color: PARTNERSHIP_COLOUR, weight: 3.5, opacity: 0.9, className: "partnership-line focus-line",
        bubblingMouseEvents: false,
      }).bindTooltip(p.title, { sticky: true }).bindPopup(this.popup(p.id, p.title, "partnership")).addTo(this.focusLayer));
    });
    if (record.type === "partnership") {
      partnershipArcs(latLngsOf(record.geo)).forEach((line) => L.polyline(line, {
        color: PARTNERSHIP_COLOUR, weight: 4, opacity: 0.95, className: "partnership-line focus-line", interactive: false,
      }).addTo(this.focusLayer));
    }
    latLngsOf(record.geo).forEach((pt) => L.circleMarker(pt, {
      radius: 13, color: TYPE_COLOURS[record.type] || "#333", weight: 3, fill: false, interactive: false,
      className: "focus-ring",
    }).addTo(this.focusLayer));
    return points;
  }

  clearFocus() { this.focusLayer.clearLayers(); }
}

/// "W,S,E,N" of a Leaflet view, longitudes brought back into -180..180.
export function boundsParam(b) {
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  let west = b.getWest();
  let east = b.getEast();
  if (east - west >= 360) { west = -180; east = 180; }
  west = ((west + 540) % 360) - 180;
  east = ((east + 540) % 360) - 180;
  if (east === -180) east = 180;
  const f = (v) => v.toFixed(4);
  return [f(west), f(clamp(b.getSouth(), -90, 90)), f(east), f(clamp(b.getNorth(), -90, 90))].join(",");
}
