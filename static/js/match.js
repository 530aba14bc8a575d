// How the site matches what a visitor types to its data, as the build
// does: folding and slugs, a port of internal/fold, whose package doc is
// the one specification, and registration numbers, a port of config's
// NormalizeRegistration. Site search folds text with fold
// (search-normalize.js) and reads a query that is a registration number
// with registrationQuery (search.js); the directory makes its filter
// values with slug and the registration check reads numbers with
// normalizeRegistration (directory-core.js). One module, as both always
// load all of it. internal/fold/genfold.mjs writes the build's fold table
// from this very code.

/** FOLD_RANGES are the code points folded by decomposition: Latin and
 * Greek letters, ligatures, and the full-width forms (and space) of East
 * Asian keyboards. */
export const FOLD_RANGES = [[0xc0, 0x24f], [0x370, 0x3ff], [0x1e00, 0x1eff], [0x3000, 0x3000], [0xfb00, 0xfb06], [0xff01, 0xff5e]];
/** SPECIAL are the letters of the ranges that do not decompose to a plain one. */
export const SPECIAL = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i", "ħ": "h", "ŧ": "t", "ĸ": "k", "ŋ": "ng", "ς": "σ"};
/** MARK matches what folds to nothing: a combining mark, or an invisible
 * character pasted inside a word (soft hyphen, zero-width space, non-joiner
 * and joiner, word joiner, byte order mark), as fold.Ignored in Go. */
export const MARK = /[\p{M}\xad\u200b-\u200d\u2060\ufeff]/u;
const cache = new Map();

/** foldChar folds one code point (a string) as fold.Rune does in Go. */
export function foldChar(c) {
  let f = cache.get(c);
  if (f !== undefined) return f;
  const cp = c.codePointAt(0);
  if (MARK.test(c)) f = "";
  else if (FOLD_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi)) {
    f = Array.from(c.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, ""), (x) => SPECIAL[x] ?? x).join("").toLowerCase();
  } else f = c.toLowerCase();
  if (cache.size < 4096) cache.set(c, f);
  return f;
}

/** fold folds a string code point by code point, as fold.String does. */
export const fold = (s) => Array.from(s, foldChar).join("");

/** slug makes an address segment as fold.Slug does: the fold of s without
 * its apostrophes, its runs of a–z and 0–9 joined by single hyphens
 * ("King's Lynn" is kings-lynn, "İstanbul Turkish" istanbul-turkish). */
export function slug(s) {
  return fold(String(s)).replace(/['\u2018\u2019\u02bc]/g, "").split(/[^a-z0-9]+/).filter(Boolean).join("-");
}

// Registration numbers as visitors type them.

// Go's unicode.IsSpace and the invisible characters (fold.Invisible),
// and the dashes read as a hyphen (config's registrationDashes).
const SPACE = /[\t\n\v\f\r \x85\xa0\xad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/g;
const DASH = /[\u2010-\u2015\u2212\ufe58\ufe63]/g;
// narrow turns the full-width forms of ASCII into ASCII.
const narrow = (s) => String(s).replace(/[\uff01-\uff5e]/g, foldChar);

/** normalizeRegistration turns what a visitor types ("cst 4", "000004",
 * "CST-000004", "cst–000004.", "ＣＳＴ－０００００４") into the canonical
 * number, or "" when it cannot be one: full-width forms read as ASCII,
 * white space and invisible characters dropped, ASCII letters
 * upper-cased, a dash read as the hyphen and one final full stop
 * ignored. The build's config.NormalizeRegistration applies the same
 * rule; both are tested against the same vectors. */
export function normalizeRegistration(s, prefix = "CST-", digits = 6) {
  let v = narrow(s).replace(SPACE, "").replace(DASH, "-").replace(/[a-z]/g, (c) => c.toUpperCase()).replace(/\.$/, "");
  const p = prefix.replace(/-$/, "");
  if (v.startsWith(p)) v = v.slice(p.length);
  if (v.startsWith("-")) v = v.slice(1);
  if (v === "" || v.length > digits || !/^[0-9]+$/.test(v)) return "";
  return prefix + "0".repeat(digits - v.length) + v;
}

/** registrationQuery returns the canonical number when a search query is,
 * as a whole, a registration number: it normalises, and either names the
 * prefix ("cst 4") or gives every digit ("000004"). A bare "4" or "2026"
 * stays an ordinary query. */
export function registrationQuery(q, prefix = "CST-", digits = 6) {
  q = narrow(q);
  const reg = normalizeRegistration(q, prefix, digits);
  return reg && (/[a-z]/i.test(q) || q.replace(/[^0-9]/g, "").length === digits) ? reg : "";
}
