// Site search engine: loads the index written by internal/search (see its
// package doc for the file formats) shard by shard and ranks results.
import {tokens, term} from "./search-normalize.js";

const MAX_EXPAND = 30; // prefix expansions of the last word
const MAX_CHECK = 50;  // fragments loaded to verify quoted phrases

// parseQuery turns the text typed into groups of required terms and quoted
// phrases. The last word (when not followed by a space or a quote) is a
// prefix.
export function parseQuery(q) {
  const groups = [], phrases = [];
  const re = /"([^"]*)("?)|[^"]+/g;
  let m;
  while ((m = re.exec(q))) {
    const quoted = m[0][0] === '"';
    const text = quoted ? m[1] : m[0];
    const open = re.lastIndex === q.length && !(quoted && m[2]) && !/\s$/.test(text);
    const ts = tokens(text);
    if (quoted && ts.length > 1) phrases.push(ts.filter((t) => !t.compound).map((t) => t.term));
    const end = text.trimEnd().length;
    for (const t of ts) {
      if (t.compound) continue;
      const alt = ts.find((c) => c.compound && c.start === t.start);
      groups.push({term: t.term, alt: alt && alt.term, word: t.word, prefix: open && t.end === end});
    }
  }
  return {groups, phrases};
}

// cmp compares strings by code point, as Go compares UTF-8 bytes.
export function cmp(a, b) {
  for (let i = 0, j = 0; ; ) {
    const x = a.codePointAt(i), y = b.codePointAt(j);
    if (x === undefined || y === undefined) return (x === undefined ? 0 : 1) - (y === undefined ? 0 : 1);
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
}

// toks caches the tokens of fragment texts, which results show repeatedly.
const tokCache = new Map();
function toks(text) {
  let t = tokCache.get(text);
  if (!t) {
    if (tokCache.size > 500) tokCache.clear();
    tokCache.set(text, t = tokens(text));
  }
  return t;
}

// Damerau-Levenshtein distance of at most one.
export function oneEdit(a, b) {
  if (a === b) return true;
  const la = a.length, lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// edits returns the words one edit away from w (letters a–z only).
function edits(w) {
  const out = new Set();
  if (!/^[a-z]+$/.test(w)) return out;
  const abc = "abcdefghijklmnopqrstuvwxyz";
  for (let i = 0; i <= w.length; i++) {
    const a = w.slice(0, i), b = w.slice(i);
    if (b) out.add(a + b.slice(1));
    if (b.length > 1) out.add(a + b[1] + b[0] + b.slice(2));
    for (const c of abc) {
      out.add(a + c + b);
      if (b) out.add(a + c + b.slice(1));
    }
  }
  return out;
}

// openIndex returns a search over the index at base ("/search/" in the
// browser). load(name) must resolve to the parsed JSON of base+name; by
// default it uses fetch, revalidating the entry and caching the rest.
export function openIndex(base = "/search/", load) {
  load ??= (name) => fetch(base + name, name === "index.json" ? {cache: "no-cache"} : {}).then((r) => {
    if (!r.ok) throw new Error(`search: ${base}${name}: HTTP ${r.status}`);
    return r.json();
  });
  const files = new Map();
  const get = (name) => {
    if (!files.has(name)) files.set(name, load(name).catch((e) => { files.delete(name); throw e; }));
    return files.get(name);
  };
  let entryP;
  const entry = () => entryP ??= get("index.json").then((e) => {
    const kinds = new Uint8Array(e.docs);
    for (let i = 0, at = 0; i < e.kindRuns.length; i += 2) kinds.fill(e.kindRuns[i], at, at += e.kindRuns[i + 1]);
    return {...e, kindOf: kinds};
  }).catch((err) => { entryP = null; throw err; });

  // shardOf returns the shard holding term: the last one whose separator
  // sorts before it (in code points, as in Go).
  const shardOf = (e, t) => {
    let lo = 0, hi = e.shards.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (cmp(e.shards[mid], t) <= 0) lo = mid; else hi = mid - 1;
    }
    return `${e.version}/s${lo}.json`;
  };
  // shardsFrom returns the shards that may hold terms starting with p.
  const shardsFrom = (e, p) => {
    const out = [shardOf(e, p)];
    for (let i = +out[0].match(/s(\d+)/)[1] + 1; i < e.shards.length && e.shards[i].startsWith(p); i++) out.push(`${e.version}/s${i}.json`);
    return out;
  };
  const decoded = new WeakMap();
  const postings = async (name) => {
    const sh = await get(name);
    if (!decoded.has(sh)) decoded.set(sh, new Map());
    return {sh, dec: decoded.get(sh)};
  };
  const list = ({sh, dec}, term) => {
    let p = dec.get(term);
    if (!p && sh[term]) {
      const a = sh[term], ids = new Uint32Array(a.length / 2), sc = new Uint8Array(a.length / 2);
      for (let i = 0, id = 0; i < a.length; i += 2) { id += a[i]; ids[i / 2] = id; sc[i / 2] = a[i + 1]; }
      dec.set(term, p = {ids, sc});
    }
    return p;
  };

  // candidates returns [term, weight] pairs for one query group.
  async function candidates(e, g) {
    const out = [];
    const exact = [g.term, g.alt].filter(Boolean);
    for (const t of exact) if (list(await postings(shardOf(e, t)), t)) out.push([t, 1]);
    const word = g.word || g.term, w = [...word];
    if (g.prefix && w.length >= 2) {
      const names = new Set([...shardsFrom(e, word).slice(0, 8), shardOf(e, g.term)]);
      const found = [];
      for (const n of names) {
        const {sh} = await postings(n);
        for (const t in sh) {
          if (exact.includes(t)) continue;
          if (t.startsWith(word) || t.startsWith(g.term) || (t.length >= 4 && word.length - t.length <= 3 && word.startsWith(t))) found.push([t, sh[t].length]);
        }
      }
      found.sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
      for (const [t] of found.slice(0, MAX_EXPAND)) out.push([t, 0.8]);
    }
    if (!out.length && w.length >= 5) {
      const names = new Set([...shardsFrom(e, [...g.term].slice(0, 2).join("")), shardOf(e, g.term)]);
      if (names.size <= 8) {
        const seen = new Set();
        for (const n of names) {
          const {sh} = await postings(n);
          for (const c in sh) if (oneEdit(c, g.term)) seen.add(c);
        }
        for (const v of edits(word)) {
          const s = term(v), n = s && shardOf(e, s);
          if (n && names.has(n) && (await get(n))[s]) seen.add(s);
        }
        for (const c of seen) out.push([c, 0.6]);
      }
    }
    return out;
  }

  // search returns {total, results, terms}: results are the best `limit`
  // documents (of the given kinds, all when empty) with their fragments.
  async function search(q, {kinds = [], limit = 10} = {}) {
    const e = await entry();
    const {groups, phrases} = parseQuery(q);
    if (!groups.length) return {total: 0, results: [], terms: new Set()};
    const cands = await Promise.all(groups.map((g) => candidates(e, g)));
    const terms = new Set();
    const allow = kinds.length ? new Set(kinds.map((k) => e.kinds.indexOf(k))) : null;
    const score = new Map(), hits = new Map();
    for (const cs of cands) {
      const best = new Map();
      for (const [t, w] of cs) {
        terms.add(t);
        const p = list(await postings(shardOf(e, t)), t);
        for (let i = 0; i < p.ids.length; i++) {
          const id = p.ids[i];
          if (allow && !allow.has(e.kindOf[id])) continue;
          const s = p.sc[i] * w;
          if (!(best.get(id) >= s)) best.set(id, s);
        }
      }
      for (const [id, s] of best) {
        score.set(id, (score.get(id) || 0) + s);
        hits.set(id, (hits.get(id) || 0) + 1);
      }
    }
    let ids = [...score.keys()];
    const all = ids.filter((id) => hits.get(id) === groups.length);
    if (all.length || phrases.length) ids = all;
    ids.sort((a, b) => hits.get(b) - hits.get(a) || score.get(b) - score.get(a) || a - b);
    const results = [];
    for (let at = 0; at < ids.length && results.length < limit && (!phrases.length || at < MAX_CHECK); at += limit) {
      const frags = await Promise.all(ids.slice(at, at + limit).map((id) => fragment(e, id)));
      for (const f of frags) {
        if (results.length < limit && (!phrases.length || phrases.every((p) => hasPhrase(f, p)))) results.push(present(f, terms));
      }
    }
    return {total: phrases.length ? results.length : ids.length, results, terms};
  }

  async function fragment(e, id) {
    const chunk = await get(`${e.version}/t${Math.floor(id / e.chunkSize)}.json`);
    const at = 2 * (id % e.chunkSize);
    return (await get("doc/" + chunk[at] + ".json"))[chunk[at + 1]];
  }

  return {search, ready: entry};
}

function hasPhrase(f, p) {
  return [f.t, ...f.s.map((s) => s[0] + "\n" + s[3])].some((text) => {
    const ts = toks(text).filter((t) => !t.compound).map((t) => t.term);
    for (let i = 0; i + p.length <= ts.length; i++) if (p.every((t, j) => ts[i + j] === t)) return true;
    return false;
  });
}

// excerpt cuts about len characters of text around the first words whose
// terms are in terms, as [{text, mark}] segments (mark: highlight).
export function excerpt(text, terms, len = 160) {
  const ts = toks(text).filter((t) => terms.has(t.term));
  if (!ts.length) return null;
  const first = ts[0].start;
  let from = Math.max(0, first - Math.floor(len / 3));
  if (from > 0) from = text.indexOf(" ", from) + 1 || from;
  let to = Math.min(text.length, from + len);
  if (to < text.length) to = text.lastIndexOf(" ", to) > first ? text.lastIndexOf(" ", to) : to;
  const out = [];
  let at = from;
  if (from > 0) out.push({text: "… ", mark: false});
  for (const t of ts) {
    if (t.start < at || t.end > to) continue;
    if (t.start > at) out.push({text: text.slice(at, t.start), mark: false});
    out.push({text: text.slice(t.start, t.end), mark: true});
    at = t.end;
  }
  if (to > at) out.push({text: text.slice(at, to), mark: false});
  if (to < text.length) out.push({text: " …", mark: false});
  return out;
}

// present builds a result from a fragment: the link goes to the best
// matching heading, shown with the others as sub-results.
export function present(f, terms) {
  const count = (text) => toks(text).filter((t) => terms.has(t.term)).length;
  const secs = f.s.map(([heading, anchor, level, text]) => ({heading, anchor, text, score: 3 * count(heading) + count(text)}));
  const ranked = secs.filter((s) => s.score > 0).sort((a, b) => b.score - a.score);
  const best = ranked.find((s) => s.anchor);
  let ex = null;
  for (const s of ranked) if ((ex = excerpt(s.text, terms))) break;
  ex ??= excerpt(f.d || "", terms) || excerpt((f.w || []).concat(f.g || []).join(" · "), terms) ||
    [{text: (f.d || (f.s[0] && f.s[0][3]) || "").slice(0, 160), mark: false}];
  const subs = ranked.filter((s) => s.anchor && s.heading).slice(0, 3).map((s) => ({
    heading: s.heading, url: f.u + "#" + s.anchor, excerpt: excerpt(s.text, terms, 100),
  }));
  return {url: best ? f.u + "#" + best.anchor : f.u, page: f.u, title: f.t, kind: f.k, excerpt: ex, subs};
}
