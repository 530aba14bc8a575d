// Query and text normalisation for site search. This is a port of
// internal/search (normalize.go, stem.go); the package doc there is the one
// specification and both sides are tested against the same vectors
// (internal/search/testdata/normalize-vectors.json). Folding is match.js,
// the port of internal/fold.
import {foldChar, MARK} from "./match.js";

const set = (s) => new Set(s.split(" "));
export const pairs = (s) => s.split(" ").map((p) => p.split(":"));
// The stop words, the phrases read as one word and the site's own
// exceptions to the stemmer: normalize.go's stopList and phraseList and
// stem.go's siteStems, verbatim (the tests check them against the
// vectors).
export const LISTS = {
  stop: "a an and are as at be but by can could did do does for from has have he her his how i if in is it its me my near of on or our she should that the their them they this to us was we were what when where which who why will with would you your",
  phrases: "near-me:nearby near-you:nearby near-us:nearby to-book:booking i-book:booking you-book:booking we-book:booking",
  stems: "booking:booking bookings:booking booked:booking complaint:complain complaints:complain expectant:expectant expecting:expecting",
};
const STOP = set(LISTS.stop), PHRASE = new Map(pairs(LISTS.phrases));
// Not a letter or digit of a word: the apostrophe ʼ is a letter to Unicode.
const NOT_WORD = /[^\p{L}\p{N}]|\u02bc/gu;

const wordPart = (c) => foldChar(c).replace(NOT_WORD, "");
// Apostrophes and hyphens, with the full-width ones, which fold to ' and -.
const APOS = "'\u2018\u2019\u02bc\uff07";
const HYPH = "-\u2010\u2011\uff0d";

// tokens splits text into terms like Tokens in Go. Each token also carries
// the UTF-16 span [start, end) of its word in text, for highlighting.
export function tokens(text) {
  const out = [];
  const cs = Array.from(text);
  // prev: the last word, when of one part, and where it starts.
  let parts = [], cur = "", start = -1, pos = 0, end = 0, prev;
  // next: whether the first character after i that is not a mark is a
  // word character.
  const next = (i) => {
    let c;
    while (MARK.test(c = cs[++i] || ""));
    return !!wordPart(c);
  };
  const endPart = () => { if (cur) { parts.push(cur); cur = ""; } };
  const endWord = () => {
    endPart();
    if (parts.length) prev = appendWord(out, parts, start, end, prev);
    parts = [];
    start = -1;
  };
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    const at = pos;
    pos += c.length;
    if (MARK.test(c)) { if (start >= 0) end = pos; continue; }
    const w = wordPart(c);
    if (w) {
      if (start < 0) start = at;
      cur += w;
      end = pos;
    } else if (APOS.includes(c) && cur && next(i)) cur += "'";
    else if (HYPH.includes(c) && cur && next(i)) endPart();
    else endWord();
  }
  endWord();
  return out;
}

// appendWord appends the terms of a word and returns the word, with its
// start, when it is of one part and ends no phrase: a word of one part
// after the first word of a phrase is the phrase's word, from the first
// word's start.
function appendWord(out, parts, start, end, prev) {
  const clean = parts.map((p) => p.replace(/'s$/, "").replaceAll("'", "")).filter(Boolean);
  const one = !clean[1], p = one && prev && PHRASE.get(prev[0] + "-" + clean[0]);
  if (p) [clean[0], start] = [p, prev[1]];
  const add = (word, compound) => {
    const t = term(word);
    if (t) out.push({term: t, word, start, end, compound});
  };
  for (const w of clean) add(w, false);
  if (!one) add(clean.join(""), true);
  return one && !p && [clean[0], start];
}

export function term(w) {
  if (STOP.has(w)) return "";
  return /^[a-z]+$/.test(w) ? stem(spell(w)) : w;
}

// The respelling lists, spell.go's verbatim (the tests check them against
// the vectors), and spell, a port of Spell there.
export const SPELL = {
  words: "mom:mum moms:mums programme:program programmes:programs",
  starts: "anemi:anaemi anesthe:anaesthe cesarean:caesarean defenc:defens diarrhe:diarrhoe edema:oedema esophag:oesophag estrogen:oestrogen fetal:foetal fetus:foetus gray:grey gynecolog:gynaecolog hemorrhag:haemorrhag licenc:licens maneuv:manoeuv offenc:offens orthoped:orthopaed pediatr:paediatr practis:practic skeptic:sceptic",
  our: "behavi col fav flav hon hum lab neighb od rum tum",
  ourEnds: "s ed ing er ers ful less al ally ite ites able ably hood hoods ist ists",
  re: "cent centimet fib kilomet lit manoeuv met millimet theat",
  izeEnds: "e es ed ing er ers able ation ations ational",
};
const WORDS = new Map(pairs(SPELL.words)), STARTS = pairs(SPELL.starts);
const OUR = set(SPELL.our), OUR_END = set(" " + SPELL.ourEnds), RE = set(SPELL.re), IZE_END = set(SPELL.izeEnds);

export function spell(w) {
  const s = WORDS.get(w);
  if (s !== undefined) return s;
  for (const [a, b] of STARTS) if (w.startsWith(a)) { w = b + w.slice(a.length); break; }
  let i = w.lastIndexOf("or");
  if (i > 0 && OUR.has(w.slice(0, i)) && OUR_END.has(w.slice(i + 2))) return w.slice(0, i) + "our" + w.slice(i + 2);
  i = w.lastIndexOf("er");
  const e = w.slice(i + 2);
  if (i > 0 && RE.has(w.slice(0, i)) && ["", "s", "ed", "ing"].includes(e)) return w.slice(0, i) + (e.length < 2 ? "re" : "r") + e;
  i = w.lastIndexOf("z");
  if (i >= 4 && (w[i - 1] === "i" || w[i - 1] === "y") && IZE_END.has(w.slice(i + 1))) return w.slice(0, i) + "s" + w.slice(i + 1);
  return w;
}


// Porter2 (Snowball English) stemmer, a port of stem.go.
// Its tables are written as word lists, "suffix:replacement" for a rule.
const EXC = new Map(pairs("skis:ski skies:sky dying:die lying:lie tying:tie idly:idl gently:gentl ugly:ugli early:earli only:onli singly:singl sky:sky news:news howe:howe atlas:atlas cosmos:cosmos bias:bias andes:andes " + LISTS.stems));
const EXC1A = set("inning outing canning herring earring proceed exceed succeed");
const isV = (c) => "aeiouy".includes(c), hasV = (s) => /[aeiouy]/.test(s);
const afterVC = (b, s) => {
  for (let i = s + 1; i < b.length; i++) if (!isV(b[i]) && isV(b[i - 1])) return i + 1;
  return b.length;
};
const shortAt = (b, e) => {
  if (e === 2) return isV(b[0]) && !isV(b[1]);
  if (e < 3) return false;
  const c = b[e - 1];
  return !isV(b[e - 3]) && isV(b[e - 2]) && !isV(c) && !"wxY".includes(c);
};
const S2 = pairs("ization:ize ational:ate fulness:ful ousness:ous iveness:ive tional:tion biliti:ble lessli:less entli:ent ation:ate alism:al aliti:al ousli:ous iviti:ive fulli:ful enci:ence anci:ance abli:able izer:ize ator:ate alli:al bli:ble ogi:og li:");
const S3 = pairs("ational:ate tional:tion alize:al icate:ic iciti:ic ative: ical:ic ness: ful:");
const S4 = pairs("ement ance ence able ible ment ant ent ism ate iti ous ive ize ion al er ic");
// byLast groups a step's rules by the last letter of their suffix, in
// order: only the rules ending in a word's last letter can match it, and
// the first of those that matches is the first of the whole list.
const byLast = (rules) => {
  const m = new Map();
  for (const rule of rules) {
    const last = rule[0].slice(-1);
    if (!m.has(last)) m.set(last, []);
    m.get(last).push(rule);
  }
  return m;
};
const S2BY = byLast(S2), S3BY = byLast(S3), S4BY = byLast(S4);
// step applies to b the first rule of a step (grouped by byLast) whose
// suffix ends it, when ok(the rest, the suffix) allows.
const step = (b, by, ok) => {
  for (const [s, r = ""] of by.get(b.slice(-1)) || []) {
    if (!b.endsWith(s)) continue;
    const st = b.slice(0, -s.length);
    return ok(st, s) ? st + r : b;
  }
  return b;
};

export function stem(w) {
  if (w.length <= 2 || !/^[a-z]+$/.test(w)) return w;
  const x = EXC.get(w);
  if (x) return x;
  let b = w.includes("y") ? w.replace(/^y/, "Y").replace(/([aeiouy])y/g, "$1Y") : w;
  // A "y" after a "Y" stays, as in Go (Y is not a vowel).
  let r1 = (["gener", "commun", "arsen"].find((p) => b.startsWith(p)) || b).length;
  if (r1 === b.length) r1 = afterVC(b, 0);
  const r2 = afterVC(b, r1);
  // Step 1a.
  if (b.endsWith("sses")) b = b.slice(0, -2);
  else if (b.endsWith("ied") || b.endsWith("ies")) b = b.length > 4 ? b.slice(0, -2) : b.slice(0, -1);
  else if (b.endsWith("us") || b.endsWith("ss")) ;
  else if (b.endsWith("s") && b.length >= 3 && hasV(b.slice(0, -2))) b = b.slice(0, -1);
  if (EXC1A.has(b)) return b;
  // Step 1b.
  const ee = ["eedly", "eed"].find((s) => b.endsWith(s));
  if (ee) {
    if (b.length - ee.length >= r1) b = b.slice(0, -ee.length) + "ee";
  } else {
    for (const s of ["ingly", "edly", "ing", "ed"]) {
      if (!b.endsWith(s)) continue;
      const st = b.slice(0, -s.length);
      if (!hasV(st)) break;
      b = st;
      const n = b.length;
      if (/(at|bl|iz)$/.test(b)) b += "e";
      else if (n >= 2 && b[n - 1] === b[n - 2] && "bdfgmnprt".includes(b[n - 1])) b = b.slice(0, -1);
      else if (r1 >= n && shortAt(b, n)) b += "e";
      break;
    }
  }
  // Step 1c.
  let n = b.length;
  if (n > 2 && (b[n - 1] === "y" || b[n - 1] === "Y") && !isV(b[n - 2])) b = b.slice(0, -1) + "i";
  // Steps 2, 3 and 4.
  b = step(b, S2BY, (st, s) => st.length >= r1 && (s !== "ogi" || st.endsWith("l")) && (s !== "li" || (st && "cdeghkmnrt".includes(st[st.length - 1]))));
  b = step(b, S3BY, (st, s) => st.length >= r1 && (s !== "ative" || st.length >= r2));
  b = step(b, S4BY, (st, s) => st.length >= r2 && (s !== "ion" || /[st]$/.test(st)));
  // Step 5.
  n = b.length;
  if (b[n - 1] === "e" && (n - 1 >= r2 || (n - 1 >= r1 && !shortAt(b, n - 1)))) b = b.slice(0, -1);
  else if (b[n - 1] === "l" && n - 1 >= r2 && b[n - 2] === "l") b = b.slice(0, -1);
  return b.includes("Y") ? b.replaceAll("Y", "y") : b;
}
