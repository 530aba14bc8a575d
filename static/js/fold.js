// Folding and slugs, as the build does them: a port of internal/fold, whose
// package doc is the one specification. Site search folds text with it
// (search-normalize.js) and the directory makes its filter values with
// slug (directory-core.js). internal/fold/genfold.mjs writes the build's
// fold table from this very code.

/** FOLD_RANGES are the code points folded by decomposition. */
export const FOLD_RANGES = [[0xc0, 0x24f], [0x370, 0x3ff], [0x1e00, 0x1eff], [0xfb00, 0xfb06]];
/** SPECIAL are the letters of the ranges that do not decompose to a plain one. */
export const SPECIAL = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i", "ħ": "h", "ŧ": "t", "ĸ": "k", "ŋ": "ng", "ς": "σ"};
const MARK = /\p{M}/u;
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
