// The directory's browser logic that needs no page: filtering, the URL
// state of a filtered view, sorting by distance, and the registration
// check's normalisation (from match.js, which site search shares)
// and look-up. directory.js and verify.js wire it to the page; node --test
// runs it directly.
//
// The filter data is the JSON written by the build (see FilterData in
// internal/directory), in parts that joinParts puts together: vocabularies as arrays, each practitioner as
// [slug, name, flags, [modality], [language], [location], level,
// registration, conditions], its slug "" when it is the slug of the name,
// with a location as [town, region, district, lat, lon, wheelchair], its
// town and district indexes into the places, and conditions, only there
// for a practitioner with conditions on their practice, the index of the
// card's wording of them in data.conditions ("" when too long for a card).

import { fold as foldText, slug, registrationQuery } from "./match.js";

/** slugify makes a filter's value in the query string from its name, as
 * the build's Slugify does: folded to a–z and 0–9, apostrophes dropped,
 * words joined by hyphens ("İstanbul Turkish" is istanbul-turkish). */
export const slugify = slug;

/** fold makes text comparable: folded as the build and site search fold
 * (lower case, accents removed, Łódź is lodz, Søren soren), spaces squeezed.
 * Text with nothing beyond ASCII, as most names and towns are, folds to
 * its lower case at once: the directory folds ten thousand names and
 * towns as its data arrives. (The fast path lives here, not in match.js,
 * which the search client shares under its size budget.) */
export function fold(s) {
  s = String(s);
  return (/^[\0-\x7f]*$/.test(s) ? s.toLowerCase() : foldText(s)).replace(/\s+/g, " ").trim();
}

/** looseKey is fold for names and places as people type them: hyphens
 * read as spaces, apostrophes and full stops dropped ("Stratford upon
 * Avon" for "Stratford-upon-Avon", "kings lynn" for "King's Lynn", "St
 * Albans" for "St. Albans"). The text is folded first, so that the
 * full-width forms of these marks (＇ ． －) count as the marks. */
function looseKey(s) {
  return fold(fold(s).replace(/['\u2018\u2019\u02bc.]/g, "").replace(/[-\u2010-\u2014]/g, " "));
}

const FILTERS = ["q", "region", "modality", "language", "children", "accepting", "home", "wheelchair", "near"];
const FLAGS = ["children", "accepting", "home", "wheelchair"];

/** emptyState is the unfiltered directory. */
export function emptyState() {
  return { q: "", region: "", modality: "", language: "", children: false, accepting: false, home: false, wheelchair: false, near: "" };
}

const CHOICES = ["region", "modality", "language"];

/** parseQuery reads a filtered view from a query string ("?region=wales&accepting=1").
 * A region, therapy or language is read as its slug, so a hand-typed
 * "?region=Wales" or "?modality=Craniosacral+therapy" finds its value. */
export function parseQuery(search) {
  const params = new URLSearchParams(search);
  const st = emptyState();
  for (const k of FILTERS) {
    const v = (params.get(k) || "").trim();
    if (FLAGS.includes(k)) st[k] = v !== "" && v !== "0" && v !== "false";
    else st[k] = (CHOICES.includes(k) ? slugify(v) : v).slice(0, 100);
  }
  return st;
}

/** toQuery writes a state as a query string, in a fixed order and without
 * defaults, so equal views share one URL; "" for the unfiltered directory. */
export function toQuery(st) {
  const params = new URLSearchParams();
  for (const k of FILTERS) {
    if (FLAGS.includes(k)) {
      if (st[k]) params.set(k, "1");
    } else if (st[k] && String(st[k]).trim() !== "") {
      params.set(k, String(st[k]).trim());
    }
  }
  const s = params.toString();
  return s ? "?" + s : "";
}

/** isFiltered reports whether a state narrows or sorts the directory. */
export function isFiltered(st) {
  return toQuery(st) !== "";
}

/** joinParts puts the filter data back together from its parts, as the
 * build splits it (FilterParts in internal/directory), in order: the
 * first has the vocabularies and places and the first practitioners, each
 * other {people} only, the next practitioners. The page reads each part
 * in a task of its own (readParts): ten thousand practitioners read in
 * one go hold a slow phone up for 60 ms or more. */
export function joinParts(parts) {
  if (parts.length === 1) return parts[0];
  return { ...parts[0], people: parts.flatMap((p) => p.people) };
}

/** readParts reads the filter data from the responses of its parts, in
 * order, each in a task of its own: it awaits pause() between two. A
 * browser reads parts that arrive together in one task otherwise. */
export async function readParts(responses, pause = nextTask) {
  const parts = [];
  for (const r of responses) {
    if (parts.length) await pause();
    parts.push(await r.json());
  }
  return joinParts(parts);
}

/** formatCount writes a count as the build writes it, and as British
 * English does ("10,000"), without Intl: a phone's first use of Intl's
 * number formats holds the page up for tens of milliseconds. */
export function formatCount(n) {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ",");
}

/** PREPARE_STEP is how many practitioners prepareInSteps prepares
 * between two looks at the clock. */
export const PREPARE_STEP = 100;

/** prepare turns the filter data into an index for fast filtering: the
 * searchable text of each practitioner is folded once here. */
export function prepare(data) {
  const people = new Array(data.people.length);
  preparePeople(data, people, 0, people.length);
  return finishIndex(data, people);
}

/** prepareInSteps makes the index prepare makes, giving the page back
 * between steps: it awaits pause() first, so that parsing the data ends
 * its own task, and again whenever the work since the last pause has
 * taken budgetMs. Ten thousand practitioners take about a tenth of a
 * second on a slow phone; in one task that would hold up every tap and
 * key meanwhile. */
export async function prepareInSteps(data, pause = nextTask, budgetMs = 10) {
  const people = new Array(data.people.length);
  await pause();
  await inSteps(people.length, PREPARE_STEP, (from, to) => preparePeople(data, people, from, to), pause, budgetMs);
  return finishIndex(data, people);
}

/** inSteps calls work(from, to) for 0 to n, size at a time, and awaits
 * pause() whenever the work since the last pause has taken budgetMs:
 * between two pauses the page answers taps and keys. */
export async function inSteps(n, size, work, pause = nextTask, budgetMs = 10) {
  let since = performance.now();
  for (let i = 0; i < n; i += size) {
    work(i, Math.min(n, i + size));
    if (performance.now() - since >= budgetMs) {
      await pause();
      since = performance.now();
    }
  }
}

/** nextTask resolves in a later task, letting the browser handle input
 * and paint meanwhile: scheduler.yield where the browser has it, which
 * resumes ahead of other waiting work, else a message to the page
 * itself (setTimeout waits at least 4 ms once calls nest). */
export function nextTask() {
  if (globalThis.scheduler && typeof globalThis.scheduler.yield === "function") return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/** preparePeople prepares the practitioners from up to (not including)
 * to of the data into people. */
function preparePeople(data, people, from, to) {
  const place = (i) => (i >= 0 && i < data.places.length ? data.places[i][0] : "");
  for (let i = from; i < to; i++) {
    const [slug, name, flags, mods, langs, locs, level, reg, cond] = data.people[i];
    const locations = locs.map(([town, region, district, lat, lon, wc]) => ({ town: place(town), region, district: place(district), lat, lon, wheelchair: wc === 1 }));
    people[i] = {
      slug,
      name,
      accepting: (flags & 1) !== 0,
      home: (flags & 2) !== 0,
      children: (flags & 4) !== 0,
      modalities: mods,
      languages: langs,
      level: level >= 0 ? data.levels[level] : "",
      reg: reg || "",
      // null without conditions on practice; "" when they are too long for
      // a card, which then only says that conditions apply.
      conditions: cond === undefined ? null : (data.conditions || [])[cond] ?? "",
      locations,
      nameKey: looseKey(name),
      townKey: locations.map((l) => looseKey(l.town) + " " + l.district.toLowerCase()).join(" | "),
    };
  }
}

/** finishIndex makes the index of the prepared people. */
function finishIndex(data, people) {
  const slugIndex = (list) => new Map(list.map((w, i) => [slugify(w), i]));
  // The directory's own towns and districts come first; the gazetteer's
  // towns fill in the rest, and its postcode areas answer a postcode
  // whose district no practitioner has.
  const places = new Map();
  const areas = new Map();
  const put = (label, p) => {
    const key = looseKey(label);
    if (!places.has(key)) places.set(key, p);
  };
  for (const [label, lat, lon] of data.places) put(label, { label, lat, lon });
  for (const [label, lat, lon, codes, others] of data.areas || []) {
    const p = { label, lat, lon, approx: true };
    put(label, p);
    for (const c of codes.split(" ")) if (c) areas.set(c, p);
    // "Newcastle", "Londonderry": the place itself, the directory's own
    // when a practitioner works there.
    for (const o of (others || "").split(",")) if (o.trim()) put(o, places.get(looseKey(label)));
  }
  return {
    people,
    regions: data.regions,
    modalities: data.modalities,
    languages: data.languages,
    regionBySlug: slugIndex(data.regions),
    modalityBySlug: slugIndex(data.modalities),
    languageBySlug: slugIndex(data.languages),
    places,
    areas,
    registration: data.registration || null,
    placeLabels: [...new Set([...data.places, ...(data.areas || [])].map((p) => p[0]))],
  };
}

/** profileURL is the address of a practitioner's profile: the slug of
 * their name, unless the data gives another. It is worked out for the
 * cards shown, not for every practitioner as the data arrives. */
export function profileURL(p) {
  return "/practitioners/" + (p.slug || slugify(p.name)) + "/";
}

/** findPlace resolves "from a town or postcode district" to a place of the
 * directory: a town ("bath", "stratford upon avon"), a district ("ba1") or
 * a full postcode whose district is known ("BA1 2AB", "ba12ab"); failing
 * those, to a town of the gazetteer ("edinburgh", or by another name it
 * has, "newcastle" for Newcastle upon Tyne) or the main town of a
 * postcode's area ("EH10 4BF" → Edinburgh). It returns {label, lat, lon},
 * with approx: true for the gazetteer's places, or null. */
export function findPlace(index, text) {
  const key = looseKey(text);
  if (!key) return null;
  if (index.places.has(key)) return index.places.get(key);
  const compact = key.replace(/\s+/g, "").toUpperCase();
  const m = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})?$/.exec(compact);
  if (m) {
    // "BA12AB" is ambiguous between districts BA1 and BA12: try the
    // outward code implied by a full postcode first.
    const outward = m[2] ? m[1] : compact;
    return index.places.get(outward.toLowerCase()) || index.areas.get(outward.replace(/[0-9].*/, "")) || null;
  }
  return null;
}

const EARTH_KM = 6371.0088;

/** distanceKm is the great-circle distance between two points in degrees. */
export function distanceKm(lat1, lon1, lat2, lon2) {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** queryRegistration returns the registration number the name box holds
 * ("CST-000003", "cst 3"), which finds that practitioner, or "". */
export function queryRegistration(index, q) {
  return index.registration && q ? registrationQuery(q, index.registration[0], index.registration[1]) : "";
}

/** filter returns the practitioners matching st, each as {person, km,
 * locations} where locations are the ones that match the region and
 * wheelchair filters. With an origin ({lat, lon}) they are sorted by the
 * distance of their nearest matching location, else they keep the
 * directory's order (by name). Unknown filter values match nobody, so a
 * mistyped shared link shows no results rather than everyone. */
export function filter(index, st, origin = null) {
  const region = st.region ? index.regionBySlug.get(st.region) ?? -2 : -1;
  const modality = st.modality ? index.modalityBySlug.get(st.modality) ?? -2 : -1;
  const language = st.language ? index.languageBySlug.get(st.language) ?? -2 : -1;
  const reg = queryRegistration(index, st.q);
  const words = reg ? [] : looseKey(st.q).split(" ").filter(Boolean);
  const out = [];
  for (const p of index.people) {
    if (reg && p.reg !== reg) continue;
    if (st.accepting && !p.accepting) continue;
    if (st.home && !p.home) continue;
    if (st.children && !p.children) continue;
    if (modality !== -1 && !p.modalities.includes(modality)) continue;
    if (language !== -1 && !p.languages.includes(language)) continue;
    let ok = true;
    for (const w of words) {
      if (!p.nameKey.includes(w) && !p.townKey.includes(w)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    let locations = p.locations;
    if (region !== -1 || st.wheelchair) {
      locations = locations.filter((l) => (region === -1 || l.region === region) && (!st.wheelchair || l.wheelchair));
      if (locations.length === 0) continue;
    }
    let km = null;
    if (origin) {
      km = Infinity;
      for (const l of locations) km = Math.min(km, distanceKm(origin.lat, origin.lon, l.lat, l.lon));
    }
    out.push({ person: p, km, locations });
  }
  if (origin) out.sort((a, b) => a.km - b.km || (a.person.nameKey < b.person.nameKey ? -1 : a.person.nameKey > b.person.nameKey ? 1 : 0));
  return out;
}

/** describeDistance words a distance the way UK readers expect. */
export function describeDistance(km) {
  const miles = km / 1.609344;
  if (miles < 1) return "under a mile away";
  const n = miles < 10 ? Math.round(miles * 10) / 10 : Math.round(miles);
  return n + (n === 1 ? " mile away" : " miles away");
}

/** summary is the sentence the live region announces. */
export function summary(count, placeLabel) {
  const n = count === 0 ? "No practitioners match" : count === 1 ? "1 practitioner matches" : formatCount(count) + " practitioners match";
  return n + (placeLabel ? ", nearest to " + placeLabel + " first." : ".");
}

// ---- registration check

export { normalizeRegistration } from "./match.js";

/** shardKey is the manifest key of the shard holding a canonical number. */
export function shardKey(reg, prefix, size) {
  return String(Math.floor(parseInt(reg.slice(prefix.length), 10) / size));
}

/** lookup reads a canonical number's entry from its shard and decides its
 * status on the visitor's date `today` (YYYY-MM-DD): a certification is
 * current up to and including its last day. It returns null for an unknown
 * number, else {reg, status: "current"|"lapsed", name, profile, since,
 * until, level, conditions}; a lapsed entry has no profile link. */
export function lookup(shard, reg, today) {
  const e = shard && Object.prototype.hasOwnProperty.call(shard, reg) ? shard[reg] : null;
  if (!e) return null;
  const [name, profile, since, until, level, conditions] = e;
  const lapsed = profile === "" || (until !== "" && until < today);
  return { reg, status: lapsed ? "lapsed" : "current", name, profile: lapsed ? "" : profile, since, until, level, conditions };
}

/** isoDate formats a Date as YYYY-MM-DD in the visitor's time zone. */
export function isoDate(d) {
  const p = (n) => String(n).padStart(2, "0");
  return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate());
}

/** longDate writes YYYY-MM-DD as "19 February 2027". */
export function longDate(iso) {
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return m ? Number(m[3]) + " " + months[Number(m[2]) - 1] + " " + m[1] : "";
}
