// Registration numbers as visitors type them, for the registration check
// (verify.js, through directory-core.js) and site search (search.js).

// Go's unicode.IsSpace, and the dashes read as a hyphen (config's
// registrationDashes).
const SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
const DASH = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;

/** normalizeRegistration turns what a visitor types ("cst 4", "000004",
 * "CST-000004", "cst–000004.") into the canonical number, or "" when it
 * cannot be one: white space is dropped, ASCII letters upper-cased, a dash
 * read as the hyphen and one final full stop ignored. The build's
 * config.NormalizeRegistration applies the same rule; both are tested
 * against the same vectors. */
export function normalizeRegistration(s, prefix = "CST-", digits = 6) {
  let v = String(s).replace(SPACE, "").replace(DASH, "-").replace(/[a-z]/g, (c) => c.toUpperCase()).replace(/\.$/, "");
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
  const reg = normalizeRegistration(q, prefix, digits);
  return reg && (/[a-z]/i.test(q) || String(q).replace(/[^0-9]/g, "").length === digits) ? reg : "";
}
