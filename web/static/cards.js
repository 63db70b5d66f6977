// Record cards: what a user needs from each type of record, in French —
// a programme's destinations, themes, ODD, lead and people to write to; a
// partner's partnerships; a contact's address. Linked records (contacts,
// partnerships, parties) are fetched by id and shown by name.
import {
  TYPE_LABELS, PRECISION_LABELS, el, countryName, oddLabel, getEntity, safeUrl, isEmail,
} from "./ui.js";

const KIND_LABELS = { "clés en main": "Programme « clés en main »", mutualisable: "Projet mutualisable" };

/// `actions`: {open(id), cardHref(id), around(point) — search around a place}.
export async function renderCard(record, actions) {
  const rows = [];
  const add = (label, ...value) => {
    const content = value.flat().filter((v) => v !== null && v !== undefined && v !== "");
    if (!content.length) return;
    rows.push(el("dt", {}, label), el("dd", {}, content));
  };
  const link = (id, text) => el("a", {
    href: actions.cardHref(id), onclick: (e) => { e.preventDefault(); actions.open(id); },
  }, text);
  const list = (items) => (items.length ? el("ul", { class: "plain" }, items.map((i) => el("li", {}, i))) : null);
  const f = record;
  let related = [];

  if (f.type === "programme") {
    add("Nature", f.kind ? KIND_LABELS[f.kind] || f.kind : null);
    add("Destinations", list((f.destinations || []).map(String)));
    add("Pays", countriesOf(f));
    add("Thèmes", list(f.themes || []));
    add("ODD", list((f.odd || []).map(oddLabel)));
    add("Chef de file", f.lead || null);
    add("Budget", f.budget || null);
    const people = await Promise.all((f.contacts || []).map((id) => getEntity(id).catch(() => null)));
    const known = new Set();
    const contactItems = people.filter(Boolean).map((c) => {
      if (c.email) known.add(String(c.email).toLowerCase());
      return contactLine(c, link);
    });
    (f.emails || []).filter((e) => !known.has(String(e).toLowerCase()))
      .forEach((e) => contactItems.push(el("span", {}, mailto(e))));
    add("Contacts", list(contactItems));
    add("Description", f.description ? el("p", { class: "prose" }, f.description) : null);
    add("Aussi cité", list((f.cited_at || []).map((c) => "p. " + c.page + " — " + (c.section || []).slice(-1)[0])));
  } else if (f.type === "partner") {
    add("Nature", f.kind || null);
    add("Pays", f.country ? countryName(f.country) : countriesOf(f));
    related = (await Promise.all((f.partnerships || []).map((id) => getEntity(id).catch(() => null)))).filter(Boolean);
    add("Partenariats", list(related.map((p) => el("span", {},
      link(p.id, p.title),
      p.theme ? el("span", { class: "muted" }, " — " + p.theme) : null))));
  } else if (f.type === "partnership") {
    const parties = await Promise.all((f.parties || []).map((id) => getEntity(id).catch(() => ({ id, title: id }))));
    add("Parties", list(parties.map((p) => link(p.id, p.title))));
    add("Pays", countriesOf(f));
    add("Thème", f.theme || null);
    add("Dans le guide", f.text ? el("q", {}, f.text) : null);
  } else if (f.type === "contact") {
    add("Nom", f.name || null);
    add("Fonction", f.role || null);
    add("Organisme", f.organisation || null);
    add("Courriel", f.email ? mailto(f.email, true) : null);
    add("Téléphone", f.phone ? el("a", { href: "tel:" + String(f.phone).replace(/[^\d+]/g, "") }, f.phone) : null);
    add("Site", f.url && safeUrl(f.url) ? el("a", { href: safeUrl(f.url), rel: "noopener" }, f.url) : f.url || null);
  } else {
    add("Pays", countriesOf(f));
  }
  if (f.type !== "programme" && f.type !== "partnership") add("Thèmes", list(f.themes || []));
  if (f.type !== "programme") add("ODD", list((f.odd || []).map(oddLabel)));
  add("Rubrique", (f.section || []).join(" › "));
  add("Page du guide", f.page ? "p. " + f.page : null);
  add("Lieux", list((f.geo || []).map((g) => el("span", {},
    g.place + " (" + (PRECISION_LABELS[g.precision] || g.precision) + ") ",
    el("button", {
      type: "button", class: "linklike", onclick: () => actions.around(g),
      "aria-label": "Rechercher autour de " + g.place,
    }, "chercher autour")))));

  const body = [
    el("button", { type: "button", class: "close", onclick: actions.close, "aria-label": "Fermer la fiche" }, "✕"),
    el("span", { class: "badge " + f.type }, TYPE_LABELS[f.type] || f.type),
    el("h3", { id: "detail-title" }, f.title),
    el("dl", {}, rows),
  ];
  if (f.text && f.type !== "partnership") {
    body.push(el("details", { class: "text" }, el("summary", {}, "Texte du guide"), el("div", {}, f.text)));
  }
  return { nodes: body, related };
}

function countriesOf(r) { return (r.countries || []).map((c) => c.name || countryName(c.code)).join(", ") || null; }

function mailto(address, prominent) {
  return el("a", { href: "mailto:" + address, class: prominent ? "mailto prominent" : "mailto" }, address);
}

function contactLine(c, link) {
  const who = [c.role, c.organisation].filter(Boolean).join(", ");
  return el("span", { class: "contact-line" },
    link(c.id, c.name || c.title),
    who ? el("span", { class: "muted" }, " — " + who) : null,
    c.email && isEmail(c.email) ? [" ", mailto(c.email)] : null,
    c.phone ? [" · ", el("a", { href: "tel:" + String(c.phone).replace(/[^\d+]/g, "") }, c.phone)] : null);
}
