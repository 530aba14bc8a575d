// Site search engine: loads the index written by internal/search (see its
// package doc for the file formats) shard by shard and ranks results.
import {tokens, term, pairs} from "./search-normalize.js";
// The rule for a query that is a registration number, for the search box.
export {registrationQuery} from "./match.js";

const MAX_EXPAND = 30; // prefix expansions of the last word
const MAX_CHECK = 50;  // fragments loaded to verify quoted phrases
// Typos are looked for only in words of at most MAX_TYPO code points: the
// typo step builds and stems about 52 strings per letter of the word, so
// a pasted word of thousands of letters would freeze the page for
// seconds; hardly any English word is longer.
const MAX_TYPO = 24;

// A full UK postcode written without its space ("ba12ab"): the inward code
// is always a digit and two letters.
const POSTCODE = /^([a-z]{1,2}[0-9][a-z0-9]?)([0-9][a-z]{2})$/;
// A word with a digit (a registration number, a postcode, a year) is not
// matched one edit away nor cut short, and a word of digits only is never
// optional: a page with a number one digit away, such as another
// practitioner's registration, is a wrong answer. (The inward code of a
// postcode, "4AB", is optional: pages name only the district.)
const DIGIT = /\p{N}/u, NUMBER = /^\p{N}+$/u;
// VARIANTS: a word typed also finds the term of the doing it names, which
// Porter2 stems apart ("teacher" finds "teaching"), and "book" the verb,
// as the text's "to book" or "you book" is read ("books" is the noun).
const VARIANTS = new Map(pairs("teacher:teach teachers:teach trainer:train trainers:train book:booking"));

// parseQuery turns the text typed into groups of required terms and quoted
// phrases. The last word (when not followed by a space or a quote) is a
// prefix; of a hyphenated word, only its last part ("part-ti" is "part"
// and the prefix "ti"). A postcode typed without its space is read as its
// two codes, as a hyphenated word is read as its parts, with the whole as
// the alternative: "BA12AB" finds text that writes "BA1 2AB" or "BA12AB".
// Two words typed apart also find the word they make together, as each
// one's alternative: "cranio sacral" finds "craniosacral".
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
    let prev = null;
    ts.forEach((t, i) => {
      if (t.compound) return;
      const alt = ts.find((c) => c.compound && c.start === t.start), nx = ts[i + 1];
      // The last part of its word: no part follows it, and it ends the
      // compound (a last part that is a stop word gives no term).
      const last = !(nx && !nx.compound && nx.start === t.start) && (!alt || alt.word.endsWith(t.word));
      const pc = !alt && POSTCODE.exec(t.term);
      if (pc) for (const p of pc.slice(1)) groups.push({term: p, alt: t.term, word: p, prefix: false});
      else {
        const v = !alt && VARIANTS.get(t.word);
        const g = {term: t.term, alt: alt && alt.term, word: t.word, prefix: open && last && t.end === end, joins: v ? [v] : []};
        const joined = !quoted && prev && /^[a-z]+$/.test(prev.word + t.word) && term(prev.word + t.word);
        if (joined) { prev.joins.push(joined); g.joins.push(joined); }
        groups.push(g);
        prev = g;
        return;
      }
      prev = null;
    });
  }
  return {groups, phrases};
}

// cmp compares strings by code point, as Go compares UTF-8 bytes: as
// UTF-16 code units, except that a surrogate (half of a code point above
// U+FFFF) sorts after every other code unit. Only the sign is meaningful.
export function cmp(a, b) {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x !== y) {
      const sx = x >= 0xd800 && x <= 0xdfff, sy = y >= 0xd800 && y <= 0xdfff;
      return sx === sy ? x - y : sx ? 1 : -1;
    }
  }
  return a.length - b.length;
}

// bisect returns the number of strings of sorted a that sort before t,
// or, with orEqual, before or as t (by code point, as cmp).
function bisect(a, t, orEqual) {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1, c = cmp(a[mid], t);
    if (c < 0 || orEqual && !c) lo = mid + 1; else hi = mid;
  }
  return lo;
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

// termsOf returns the set of the terms of text, cached with its tokens.
function termsOf(text) {
  const t = toks(text);
  return t.terms ??= new Set(t.map((x) => x.term));
}

// near reports a Damerau-Levenshtein distance (adjacent transpositions
// counted as one edit, no substring edited twice) of at most k between a
// and b, in UTF-16 code units. It runs for every term of a few shards: a
// length too far apart returns at once, and the common start is skipped
// before anything is copied.
export function near(a, b, k) {
  if (a.length - b.length > k || b.length - a.length > k) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  a = a.slice(i), b = b.slice(i);
  if (!a || !b) return a.length + b.length <= k;
  const x = a.slice(1), y = b.slice(1);
  return k > 0 && (near(x, y, --k) || near(x, b, k) || near(a, y, k) || a[0] === b[1] && a[1] === b[0] && near(x.slice(1), y.slice(1), k));
}

// keep inserts x into a, sorted by before, keeping the first k.
function keep(a, k, x, before) {
  if (a.length === k && !before(x, a[k - 1])) return;
  let j = a.length < k ? a.length : k - 1;
  while (j > 0 && before(x, a[j - 1])) { a[j] = a[j - 1]; j--; }
  a[j] = x;
}

// Common English endings, to complete a word being typed.
const ENDINGS = "s ed ing er ly ment ness ity ation ion ive ical ic al ance ence ant ent able ible ism ist ise ize ous ful less y ate ator ery ary".split(" ");

// endTerms returns the terms of w and of w completed by each of ENDINGS
// ("certifica" + "tion"): the terms of the words w may be the start of.
function endTerms(w) {
  const out = new Set([term(w)]);
  for (const s of ENDINGS) for (let k = 0; k < s.length; k++) if (w.endsWith(s.slice(0, k))) out.add(term(w + s.slice(k)));
  return out;
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
  // sorts before it or is it (in code points, as in Go); the first
  // separator is "".
  const shardAt = (e, t) => bisect(e.shards, t, true) - 1;
  const shardName = (e, i) => `v/${e.version}/s${i}.json`;
  const shardOf = (e, t) => shardName(e, shardAt(e, t));
  // shardsFrom returns the shards that may hold terms starting with p.
  const shardsFrom = (e, p) => {
    const at = shardAt(e, p), out = [shardName(e, at)];
    for (let i = at + 1; i < e.shards.length && e.shards[i].startsWith(p); i++) out.push(shardName(e, i));
    return out;
  };
  // Each loaded shard is decoded once, lazily: its terms sorted (for prefix
  // ranges and typo candidates) and each term's postings as typed arrays.
  const decoded = new WeakMap();
  const postings = async (name) => {
    const sh = await get(name);
    let d = decoded.get(sh);
    if (!d) decoded.set(sh, d = {sh, lists: new Map()});
    return d;
  };
  const keysOf = (d) => {
    if (!d.keys) {
      d.keys = Object.keys(d.sh).sort(cmp);
      d.counts = Int32Array.from(d.keys, (k) => d.sh[k].length);
    }
    return d.keys;
  };
  // raw is the postings of term t in shard d, or false: a shard is a
  // parsed JSON object, whose "constructor" is every object's, and no
  // property an object inherits is an array.
  const raw = (d, t) => Array.isArray(d.sh[t]) && d.sh[t];
  const list = (d, term) => {
    let p = d.lists.get(term);
    const a = raw(d, term);
    if (!p && a) {
      const ids = new Uint32Array(a.length / 2), sc = new Uint8Array(a.length / 2);
      for (let i = 0, id = 0; i < a.length; i += 2) { id += a[i]; ids[i >> 1] = id; sc[i >> 1] = a[i + 1]; }
      d.lists.set(term, p = {ids, sc});
    }
    return p;
  };
  // withPrefix calls f(d, term, number of postings × 2) for each term of
  // shard d starting with p.
  const withPrefix = (d, p, f) => {
    const keys = keysOf(d), counts = d.counts;
    for (let i = bisect(keys, p); i < keys.length && keys[i].startsWith(p); i++) f(d, keys[i], counts[i]);
  };

  // candidates returns [term, weight, postings] for one query group: first
  // the group's own terms (weight 1; rank scores a document that has one
  // on it alone), then completions (0.8) or typos (0.6). asTyped leaves
  // out completions and typos.
  async function candidates(e, g, asTyped) {
    const out = [];
    const exact = [...new Set([g.term, g.alt, ...(g.joins || [])].filter(Boolean))];
    for (const t of exact) {
      const p = list(await postings(shardOf(e, t)), t);
      if (p) out.push([t, 1, p]);
    }
    const own = out.length > 0, word = g.word, w = [...word], num = DIGIT.test(word);
    if (g.prefix && !asTyped && w.length >= 2) {
      // Terms starting with the word or its stem, and, when the word has
      // no term of its own, the stems of the word itself: a term of four
      // or more letters at most three shorter that is the term of the
      // word with a common ending ("certifica" finds "certif", of
      // "certification", wherever its shard is; "verify" is not cut to
      // "veri", of "very"). Of those, the MAX_EXPAND with most postings,
      // kept by insertion into a short sorted array (a prefix such as
      // "cst" starts thousands of terms).
      const best = [];
      const offer = (d, t, c) => exact.includes(t) || keep(best, MAX_EXPAND, [t, c, d], (x, y) => x[1] > y[1] || (x[1] === y[1] && cmp(x[0], y[0]) < 0));
      // The two ranges overlap only when one prefix starts the other.
      const prefixes = word.startsWith(g.term) ? [g.term] : g.term.startsWith(word) ? [word] : [word, g.term];
      const scanned = new Set([...shardsFrom(e, word).slice(0, 8), shardOf(e, g.term)]);
      for (const n of scanned) {
        const d = await postings(n);
        for (const p of prefixes) withPrefix(d, p, offer);
      }
      let ends;
      for (let n = Math.max(4, word.length - 3); !own && !num && n <= word.length; n++) {
        const t = word.slice(0, n), name = shardOf(e, t), d = await postings(name);
        if (raw(d, t) && !(scanned.has(name) && prefixes.some((p) => t.startsWith(p))) && (ends ??= endTerms(word)).has(t)) offer(d, t, d.sh[t].length);
      }
      for (const [t, , d] of best) out.push([t, 0.8, list(d, t)]);
    }
    if (!out.length && !asTyped && !num && w.length >= 5 && w.length <= MAX_TYPO) {
      // Typos: terms one edit from the stem among the terms sharing its
      // first two letters, and the stems of the words one edit from the
      // typed word that share them too (so "center" finds "centr", of
      // "centre", but not "enter"). When the terms starting with two
      // letters fill more than 8 shards (on a large site, "pr" or "re"),
      // those starting with three, then four, as typos are rarer at a
      // word's start. With none, a word of 9 letters or more takes the
      // term two edits from its stem that most documents have
      // ("practioner" finds "practition", of "practitioner", rather than
      // "practic").
      let head, names;
      for (let n = 2; n < 5 && !(names?.size <= 8); n++) {
        head = [...g.term].slice(0, n).join("");
        names = new Set([...shardsFrom(e, head), shardOf(e, g.term)]);
      }
      if (names.size <= 8) {
        const shards = new Map(); // shard name → decoded shard
        for (const n of names) shards.set(n, await postings(n));
        const seen = new Map();
        const each = (k, f) => { for (const d of shards.values()) for (const c of keysOf(d)) if (c.startsWith(head) && near(c, g.term, k)) f(c, d); };
        each(1, (c, d) => seen.set(c, d));
        for (const v of edits(word)) {
          const s = term(v);
          if (!s.startsWith(head) || seen.has(s)) continue;
          const d = shards.get(shardOf(e, s));
          if (d && raw(d, s)) seen.set(s, d);
        }
        let most = 0;
        if (!seen.size && word.length > 8) each(2, (c, d) => d.sh[c].length > most && (most = d.sh[c].length, seen.clear(), seen.set(c, d)));
        for (const [c, d] of seen) out.push([c, 0.6, list(d, c)]);
      }
    }
    return out;
  }

  // Scratch space for ranking, one slot per document, reused by every
  // query: rank runs without awaiting, so no two queries share it.
  let scratch;
  // rank scores the documents of the groups' candidates and returns the
  // number of matches and the best k ids, ranked by the number of groups
  // matched, then the number of those matched exactly (by a group's own
  // term), then score, then id. A document's score is the sum over groups
  // of its best impact for the group: that of its best own term when it
  // has one (a completion or typo neither adds to it nor replaces it),
  // else its best candidate's impact times weight. Documents matching
  // every group are the matches when there are any (or when required is
  // set); else those matching any group and every group marked 1 in must.
  // must is a Uint8Array (an array's map can change between calls) of 0
  // or 1, added rather than tested, so that the first number searched does
  // not send the compiled ranking code back to the interpreter.
  function rank(e, cands, must, allow, k, required) {
    const n = e.docs;
    if (scratch && scratch.a[0].length !== n) scratch = null;
    // hits counts a document's groups times 65536 plus those matched by
    // an own term, so that it orders documents by both at once.
    const s = scratch ??= {epoch: 0, a: [Float64Array, Float64Array, Uint32Array, Uint16Array, Uint32Array, Int32Array, Int32Array].map((T) => new T(n))};
    const [score, best, hits, musts, mark, touched, group] = s.a;
    const kindOf = e.kindOf;
    let nt = 0, nm = 0;
    for (let gi = 0; gi < cands.length; gi++) {
      // The group's own terms (weight 1) come first: the documents that
      // have one are marked ox and listed in group[0, nx); a completion or
      // typo counts only for the others, marked ep.
      const ox = ++s.epoch, ep = ++s.epoch, mg = must[gi];
      let ng = 0, nx = -1;
      nm += mg;
      for (const [, w, p] of cands[gi]) {
        if (w < 1 && nx < 0) nx = ng;
        const ids = p.ids, sc = p.sc, m = w < 1 ? ep : ox;
        for (let i = 0; i < ids.length; i++) {
          const id = ids[i];
          if (allow && !allow[kindOf[id]]) continue;
          const v = sc[i] * w, was = mark[id];
          if (was === m) { if (v > best[id]) best[id] = v; }
          else if (was !== ox) { mark[id] = m; best[id] = v; group[ng++] = id; }
        }
      }
      if (nx < 0) nx = ng;
      for (let i = 0; i < ng; i++) {
        const id = group[i];
        if (hits[id] === 0) touched[nt++] = id;
        score[id] += best[id];
        hits[id] += i < nx ? 65537 : 65536;
        musts[id] += mg;
      }
    }
    const all = cands.length * 65536;
    let total = 0;
    for (let i = 0; i < nt; i++) if (hits[touched[i]] >= all) total++;
    // Without a document matching every group, those matching any (need
    // 0) that match every group marked in must.
    const need = total || required ? all : 0;
    if (!need) for (let i = 0; i < nt; i++) if (musts[touched[i]] === nm) total++;
    // Keep the best k in order: insertion into a short sorted array.
    const top = [];
    const before = (a, b) => hits[a] > hits[b] || (hits[a] === hits[b] && (score[a] > score[b] || (score[a] === score[b] && a < b)));
    for (let i = 0; i < nt && k > 0; i++) {
      const id = touched[i];
      if (hits[id] >= need && musts[id] >= nm) keep(top, k, id, before);
    }
    for (let i = 0; i < nt; i++) { const id = touched[i]; score[id] = 0; hits[id] = 0; musts[id] = 0; }
    if (s.epoch > 0xfffffff0) { s.epoch = 0; mark.fill(0); }
    return {total, top};
  }

  // search returns {total, results}: results are the best `limit`
  // documents (of the given kinds, all when empty) with their fragments.
  // With exact, words match only as typed (no prefix, no typo) and a
  // document must have them all: for a registration number, a practitioner
  // with another number is no answer. With all, a document must have them
  // all too, typos and completions counting.
  async function search(q, {kinds = [], limit = 10, exact, all} = {}) {
    const e = await entry();
    const {groups, phrases} = parseQuery(q);
    if (!groups.length) return {total: 0, results: []};
    const cands = await Promise.all(groups.map((g) => candidates(e, g, exact)));
    const allow = kinds.length ? Uint8Array.from(e.kinds, (k) => kinds.includes(k)) : null;
    // With phrases, up to MAX_CHECK documents are checked, limit at a time.
    const k = limit <= 0 ? 0 : phrases.length ? Math.ceil(MAX_CHECK / limit) * limit : limit;
    const must = Uint8Array.from(groups, (g) => NUMBER.test(g.word));
    const {total, top: ids} = rank(e, cands, must, allow, k, exact || all || phrases.length > 0);
    const results = [];
    for (let at = 0; at < ids.length && results.length < limit && (!phrases.length || at < MAX_CHECK); at += limit) {
      const frags = await Promise.all(ids.slice(at, at + limit).map((id) => fragment(e, id)));
      for (const f of frags) {
        if (results.length < limit && (!phrases.length || phrases.every((p) => hasPhrase(f, p)))) results.push(present(f, cands));
      }
    }
    return {total: phrases.length ? results.length : total, results};
  }

  async function fragment(e, id) {
    const chunk = await get(`v/${e.version}/t${Math.floor(id / e.chunkSize)}.json`);
    const at = 2 * (id % e.chunkSize);
    return (await get("doc/" + chunk[at] + ".json"))[chunk[at + 1]];
  }

  return {search, ready: entry};
}

function hasPhrase(f, p) {
  return [f.t, ...f.s.map((s) => s[0] + "\n" + s[3])].some((text) => {
    const ts = toks(text).filter((t) => !t.compound).map((t) => t.term);
    return ts.some((_, i) => p.every((t, j) => ts[i + j] === t));
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

// opening returns about len characters from the start of text, cut at a
// space, as excerpt segments; null for no text.
export function opening(text, len = 160) {
  text = text.trim();
  if (text.length <= len) return text ? [{text, mark: false}] : null;
  const to = text.lastIndexOf(" ", len);
  return [{text: text.slice(0, to > 0 ? to : len), mark: false}, {text: " …", mark: false}];
}

// present builds a result from a fragment for the query's groups, each a
// list of [term, weight, …] (1 for a word's own terms, 0.8 for a
// completion, 0.6 for a typo; a candidate's postings may follow). The top
// of the page counts as a section headed by the title, holding the
// description and the text before the first heading.
// A word scores in a section the weight of its best term there, doubled
// in the heading, times its rarity on the page: ln((sections + 1) /
// sections that have it), as a word in most sections says little about
// which to link. The link goes to the best section, the top on a tie (so a
// title with every word links the top); the others that match are listed,
// best first. An excerpt comes from the section linked: around its
// matches, or its opening when only its heading matches; for the top,
// the first of the description and the text before the first heading that
// matches, else the keywords or tags that match, else the opening of the
// page. An excerpt is null rather than empty.
export function present(f, groups) {
  // all: [term, group, weight] for each term of each group.
  // A term of two words (the word two words typed apart make, or the
  // hyphenated word they are parts of) counts twice for each: the text
  // has them as the visitor put them together. A word typed that the
  // page has only as a synonym (f.y: [[synonym, …], term, …], synonyms
  // grouped by the terms they stand for) counts, at half its weight,
  // where the page has those terms (not a completion or typo: a synonym
  // of a word not typed is too far from what the visitor wants to pick a
  // section by).
  const all = groups.flatMap((g, i) => g.flatMap(([t, w]) => {
    const x = groups.some((h, j) => j !== i && h.some(([u]) => u === t)) ? 2 * w : w;
    return [[t, i, x], ...(w < 1 ? [] : (f.y || []).flatMap(([s, ...u]) => s.includes(t) ? u : [])).map((u) => [u, i, x / 2])];
  }));
  const terms = new Set(all.map(([t]) => t));
  // s.w: the section's best weight for each group, doubled in the heading;
  // n: the number of sections with each group.
  const n = groups.map(() => 0);
  const see = (s, text, k) => {
    const has = termsOf(text);
    for (const [t, i, w] of all) if (w * k > s.w[i] && has.has(t)) s.w[i] = w * k;
  };
  const top = {heading: f.t, anchor: "", w: n.map(() => 0)}, secs = [top];
  see(top, f.t, 2);
  see(top, f.d || "", 1);
  for (const [heading, anchor, , text] of f.s) {
    let s = top;
    if (anchor) { secs.push(s = {heading, anchor, text, w: n.map(() => 0)}); see(s, heading, 2); }
    see(s, text, 1);
  }
  for (const s of secs) s.w.forEach((x, i) => { if (x) n[i]++; });
  const rarity = n.map((c) => c && Math.log((secs.length + 1) / c));
  for (const s of secs) s.score = s.w.reduce((a, x, i) => a + x * rarity[i], 0);
  const ranked = secs.filter((s) => s.w.some((x) => x)).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  const of = (s, len) => excerpt(s.text, terms, len) || opening(s.text, len);
  let ex = best && best.anchor && of(best);
  if (!ex) for (const text of [f.d || "", ...f.s.filter((s) => !s[1]).map((s) => s[3])]) if ((ex = excerpt(text, terms))) break;
  ex ||= excerpt((f.w || []).concat(f.g || []).join(" · "), terms) ||
    opening(f.d || (f.s[0] && f.s[0][3]) || "");
  // A section's anchor replaces the page's own (a school's on the
  // training page) in its link.
  const at = (s) => f.u.split("#")[0] + "#" + s.anchor;
  const subs = ranked.filter((s) => s.anchor && s.heading).slice(0, 3).map((s) => ({
    heading: s.heading, url: at(s), excerpt: of(s, 100),
  }));
  return {url: best && best.anchor ? at(best) : f.u, page: f.u, title: f.t, kind: f.k, excerpt: ex, subs};
}
