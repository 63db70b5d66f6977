// The page's whole state lives in the URL, so that a link reproduces what the
// user saw and the back button steps through searches, cards and views:
//   q, type, country, theme, odd, bbox, near, radius_km, offset  the search (API parameter names)
//   fiche=ID                                                     the open record card
//   carte=LAT,LON,ZOOM                                           the map view
//   vue=cooperations                                             the « toutes les coopérations » view

export const SEARCH_KEYS = ["q", "type", "country", "theme", "odd", "bbox", "near", "radius_km"];
const ALL_KEYS = [...SEARCH_KEYS, "offset", "fiche", "carte", "vue"];

export function readState() {
  const p = new URLSearchParams(location.search);
  const state = {};
  ALL_KEYS.forEach((k) => { state[k] = p.get(k) || ""; });
  state.offset = Math.max(0, Number(state.offset) || 0);
  if (state.vue !== "cooperations") state.vue = "";
  return state;
}

/// The search filters as API parameters. The « toutes les coopérations » view
/// lists partnerships only.
export function filterParams(state) {
  const p = new URLSearchParams();
  SEARCH_KEYS.forEach((k) => { if (state[k]) p.set(k, state[k]); });
  if (state.vue === "cooperations") p.set("type", "partnership");
  if (state.near) p.set("sort", "distance");
  return p;
}

export function stateUrl(state) {
  const p = new URLSearchParams();
  ALL_KEYS.forEach((k) => { if (state[k]) p.set(k, String(state[k])); });
  const query = p.toString();
  return query ? "?" + query : location.pathname;
}

/// A new history entry (a search, a card, a view): the back button returns to the previous one.
export function pushState(state) {
  const url = stateUrl(state);
  if (url !== location.search && !(url === location.pathname && !location.search)) history.pushState(null, "", url);
}

/// The same entry, updated (the map moved).
export function replaceState(state) { history.replaceState(null, "", stateUrl(state)); }

/// "LAT,LON,ZOOM" -> {lat, lon, zoom}, or null when absent or malformed.
export function parseView(text) {
  const parts = String(text || "").split(",").map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lat, lon, zoom] = parts;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 540 || zoom < 0 || zoom > 18) return null;
  return { lat, lon, zoom };
}

export function formatView(center, zoom) {
  return center.lat.toFixed(3) + "," + center.lng.toFixed(3) + "," + zoom;
}
