// Small shared pieces of the page: DOM building, French labels, the JSON fetch.
// Nothing here knows about the search or the map.

export const TYPE_LABELS = {
  programme: "Programme", contact: "Contact", partner: "Collectivité",
  partnership: "Partenariat", passage: "Passage",
};

// One colour per record type, used by the map markers, the legend and the badges (style.css).
export const TYPE_COLOURS = {
  programme: "#1c7a32", partner: "#1f5fa8", partnership: "#86307a", contact: "#b35f00", passage: "#5a6675",
};

export const PRECISION_LABELS = { address: "adresse", city: "ville", admin: "collectivité", country: "pays" };

// The 17 Sustainable Development Goals, as the United Nations words them in French.
export const ODD_NAMES = {
  1: "Pas de pauvreté", 2: "Faim « zéro »", 3: "Bonne santé et bien-être", 4: "Éducation de qualité",
  5: "Égalité entre les sexes", 6: "Eau propre et assainissement", 7: "Énergie propre et d'un coût abordable",
  8: "Travail décent et croissance économique", 9: "Industrie, innovation et infrastructure",
  10: "Inégalités réduites", 11: "Villes et communautés durables", 12: "Consommation et production responsables",
  13: "Lutte contre les changements climatiques", 14: "Vie aquatique", 15: "Vie terrestre",
  16: "Paix, justice et institutions efficaces", 17: "Partenariats pour la réalisation des objectifs",
};

export const $ = (id) => document.getElementById(id);

/// el("a", {href, class, onclick}, children...): attributes are set as text,
/// children are nodes or text; nothing is parsed as HTML.
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.entries(props || {}).forEach(([k, v]) => {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : v);
  });
  children.flat().forEach((c) => {
    if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : String(c));
  });
  return node;
}

const regionNames = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames(["fr"], { type: "region" }) : null;
export function countryName(code) {
  const upper = String(code).toUpperCase();
  try { return (regionNames && regionNames.of(upper)) || upper; } catch (e) { return upper; }
}

export function plural(n, one, many) { return n.toLocaleString("fr-FR") + " " + (n > 1 ? many : one); }

export function oddLabel(n) { return "ODD " + n + (ODD_NAMES[n] ? " – " + ODD_NAMES[n] : ""); }

/// GET a JSON answer; a non-2xx answer throws an Error carrying the server's
/// {"error"} message and the HTTP status.
export async function getJson(url) {
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

const entities = new Map();
/// A record by id (GET /api/entity/{id}), fetched once per page load.
export function getEntity(id) {
  if (!entities.has(id)) {
    const request = getJson("/api/entity/" + id.split("/").map(encodeURIComponent).join("/"));
    request.catch(() => entities.delete(id));  // a failure is not remembered
    entities.set(id, request);
  }
  return entities.get(id);
}

/// Only web links become links (a record's url field is text from the guide).
export function safeUrl(text) {
  const t = String(text || "").trim();
  if (/^https?:\/\//i.test(t)) return t;
  if (/^www\./i.test(t)) return "http://" + t;
  return null;
}

export function isEmail(text) { return /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(String(text)); }

/// Folded form for comparing place names: case and accents ignored.
export function fold(text) {
  return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[’']/g, "'").toLowerCase().trim();
}
