// Tests of the browser client (static/js) against the vectors and an index
// written by the Go tests: run through `go test ./internal/search/`, which
// sets SEARCH_PUBLIC to a built site.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {stem, term, spell, SPELL, LISTS, tokens} from "../../static/js/search-normalize.js";
import {fold} from "../../static/js/match.js";
import {parseQuery, near, excerpt, cmp, openIndex, present, opening} from "../../static/js/search-engine.js";
import {openSite, judge, p95} from "./fsindex.mjs";

const terms = (text) => tokens(text).map((t) => t.term);
const vectors = JSON.parse(readFileSync(new URL("./testdata/normalize-vectors.json", import.meta.url), "utf8"));
const site = process.env.SEARCH_PUBLIC;
const needSite = site ? {} : {skip: "SEARCH_PUBLIC is not set; run through go test"};

test("normalisation matches the Go vectors", () => {
  for (const v of vectors.terms) assert.deepEqual(terms(v.in), v.terms, v.in);
  for (const v of vectors.random) assert.deepEqual(terms(v.in), v.terms ?? [], JSON.stringify(v.in));
  for (const [w, s] of Object.entries(vectors.stem)) assert.equal(stem(w), s, w);
  // The stop words, phrases and the site's stems are Go's.
  assert.deepEqual({...LISTS}, vectors.lists);
  // The respelling lists are Go's, and so is every respelling.
  assert.deepEqual({...SPELL}, vectors.spell.lists);
  for (const [w, s] of Object.entries(vectors.spell.words)) assert.equal(spell(w), s, w);
  const a = Array.from(vectors.sweep.in);
  for (const c of a) {
    const want = fold(c);
    // Compare code point by code point for a readable failure.
    if (!vectors.sweep.fold.includes(want)) assert.fail(`fold(${c} U+${c.codePointAt(0).toString(16)}) = ${JSON.stringify(want)}`);
  }
  assert.equal(fold(vectors.sweep.in), vectors.sweep.fold);
});

test("parseQuery: two words typed apart also find the word they make", () => {
  const g = parseQuery("cranio sacral therapy").groups;
  assert.deepEqual(g.map((x) => x.joins), [["craniosacr"], ["craniosacr", "sacraltherapi"], ["sacraltherapi"]]);
  assert.deepEqual(parseQuery('"cranio sacral"').groups.map((x) => x.joins), [[], []]);
  assert.deepEqual(parseQuery("the therapist").groups.map((x) => x.joins), [[]]);
});

test("parseQuery: phrases, prefix on the last word, compounds", () => {
  const q = parseQuery('"head injuries" therap');
  assert.deepEqual(q.phrases, [["head", "injuri"]]);
  assert.deepEqual(q.groups.map((g) => [g.term, g.prefix]), [["head", false], ["injuri", false], ["therap", true]]);
  assert.equal(parseQuery("therap ").groups[0].prefix, false);
  const c = parseQuery("CST-000004 ").groups;
  assert.deepEqual(c.map((g) => [g.term, g.alt]), [["cst", "cst000004"], ["000004", "cst000004"]]);
  for (const pc of ["BA12AB", "ba12ab ", "bath BA12AB"]) {
    const g = parseQuery(pc).groups.filter((g) => g.term !== "bath");
    assert.deepEqual(g.map((g) => [g.term, g.alt, g.prefix]), [["ba1", "ba12ab", false], ["2ab", "ba12ab", false]], pc);
  }
  assert.deepEqual(parseQuery("SW1A1AA").groups.map((g) => g.term), ["sw1a", "1aa"]);
  assert.deepEqual(parseQuery("covid19 mp3").groups.map((g) => g.term), ["covid19", "mp3"]);
});

test("pasted text: invisible characters and full-width forms", () => {
  // A word with a soft hyphen or a zero-width character in it is one
  // word, typed or shown; its highlight covers it whole, as shown.
  for (const q of ["cranio\u00adsacral", "cranio\u200bsacral", "\ufeffcranio\u200dsacral\u2060"]) {
    assert.deepEqual(parseQuery(q).groups.map((g) => [g.term, g.joins]), [["craniosacr", []]], JSON.stringify(q));
  }
  const text = "About cranio\u00adsacral\u200b therapy.";
  const ex = excerpt(text, new Set(["craniosacr"]));
  assert.deepEqual(ex, [{text: "About ", mark: false}, {text: "cranio\u00adsacral\u200b", mark: true}, {text: " therapy.", mark: false}]);
  assert.equal(ex.map((s) => s.text).join(""), text);
  // Full-width forms are the ASCII they stand for.
  const g = parseQuery("ＣＳＴ－０００００４ ").groups;
  assert.deepEqual(g.map((x) => [x.term, x.alt]), [["cst", "cst000004"], ["000004", "cst000004"]]);
  assert.deepEqual(parseQuery("ｃｒａｎｉａｌ\u3000ｔｈｅｒａｐｉｓｔｓ").groups.map((x) => x.term), ["cranial", "therapist"]);
});

test("parseQuery: only the last part of a hyphenated last word is a prefix", () => {
  const parts = (q) => parseQuery(q).groups.map((g) => [g.term, g.prefix]);
  // "part-time" does not also find "particular".
  assert.deepEqual(parts("part-time"), [["part", false], ["time", true]]);
  assert.deepEqual(parts("CST-00004"), [["cst", false], ["00004", true]]);
  assert.deepEqual(parts("time-time"), [["time", false], ["time", true]]);
  // A last part that is a stop word gives no term, and no prefix.
  assert.deepEqual(parts("part-a"), [["part", false]]);
  assert.deepEqual(parts("part-time "), [["part", false], ["time", false]]);
});

test("near, one edit", () => {
  const oneEdit = (a, b) => near(a, b, 1);
  assert.ok(oneEdit("certif", "cetrif"));
  assert.ok(oneEdit("certif", "certf"));
  assert.ok(oneEdit("certif", "certiff"));
  assert.ok(oneEdit("certif", "cartif"));
  assert.ok(oneEdit("certif", "certif"));
  assert.ok(!oneEdit("certif", "cerfit2"));
  assert.ok(!oneEdit("certif", "ertifx"));
  assert.ok(!oneEdit("practition", "praction"));
});

test("near, one edit: transpositions at the end, code units", () => {
  const oneEdit = (a, b) => near(a, b, 1);
  assert.ok(oneEdit("certif", "certfi"));
  assert.ok(oneEdit("ab", "ba"));
  assert.ok(!oneEdit("abc", "cab"));
  assert.ok(oneEdit("zoë", "zoe"));
  assert.ok(!oneEdit("", "ab"));
});

test("near, two edits", () => {
  assert.ok(near("practition", "praction", 2)); // "practioner"
  assert.ok(near("accommod", "acommod", 2));
  assert.ok(near("physiotherapist", "phsyiotherapsit", 2)); // two transpositions
  assert.ok(near("osteopath", "ostepaht", 2)); // a letter dropped, two swapped
  assert.ok(!near("osteopath", "ostpaht", 2));
  assert.ok(!near("abcdef", "badcfe", 2)); // three transpositions
  assert.ok(!near("ab", "abcd", 1));
  assert.ok(near("ab", "abcd", 2));
  assert.ok(!near("ab", "abcde", 2));
  assert.ok(near("", "", 0));
  assert.ok(!near("a", "b", 0));
});

test("cmp orders by code point, as Go orders UTF-8", () => {
  const words = ["a", "ab", "b", "z", "é", "ζωη", "\uffff", "\ue000x", "😀", "😀a", "𝔸", "000004", ""];
  const byCodePoint = (a, b) => {
    const x = Array.from(a, (c) => c.codePointAt(0)), y = Array.from(b, (c) => c.codePointAt(0));
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  };
  for (const a of words) for (const b of words) assert.equal(Math.sign(cmp(a, b)), Math.sign(byCodePoint(a, b)), `${a} ${b}`);
});

test("excerpt highlights matched words with marks", () => {
  const ex = excerpt("After a concussion or other head injury, see a doctor.", new Set(["head", "injuri"]));
  assert.deepEqual(ex.filter((s) => s.mark).map((s) => s.text), ["head", "injury"]);
  assert.equal(ex.map((s) => s.text).join(""), "After a concussion or other head injury, see a doctor.");
});

// memIndex serves, from memory, an index of one shard whose documents
// (at most 64, ids in order) give their terms' impacts: {terms: {term:
// impact}, s: sections}. Document i's page is /i/.
function memIndex(docs) {
  const sh = {}, last = {};
  docs.forEach((d, id) => {
    for (const [t, sc] of Object.entries(d.terms)) {
      (sh[t] ??= []).push(id - (last[t] ?? 0), sc);
      last[t] = id;
    }
  });
  const files = {
    "index.json": {format: 1, docs: docs.length, kinds: ["article"], kindRuns: [0, docs.length], chunkSize: 64, version: "m", chunks: 1, shards: [""]},
    "v/m/s0.json": sh, "v/m/t0.json": docs.flatMap((_, i) => ["p", i]),
    "doc/p.json": docs.map((d, i) => ({u: `/${i}/`, t: `Page ${i}`, k: "article", s: d.s || []})),
  };
  const index = openIndex("/search/", async (name) => structuredClone(files[name]));
  return async (q, opts) => (await index.search(q, opts)).results.map((r) => r.page);
}

test("search: a word's own term ranks before its completions", async () => {
  const found = memIndex([{terms: {feel: 200}}, {terms: {fee: 50}}, {terms: {fee: 30, feel: 250}}, {terms: {pain: 20}}, {terms: {paint: 255}}]);
  // "fees" is "fee": pages with "fee" come first, each scored on "fee"
  // alone, then the completions of "fee".
  assert.deepEqual(await found("fees"), ["/1/", "/2/", "/0/"]);
  assert.deepEqual(await found("pain"), ["/3/", "/4/"]);
});

test("search: documents rank by groups matched, then groups matched exactly, then score", async () => {
  const found = memIndex([{terms: {head: 200, paint: 255}}, {terms: {head: 10, pain: 10}}, {terms: {pain: 255}}, {terms: {paint: 255}}]);
  assert.deepEqual(await found("head pain"), ["/1/", "/0/"]);
  assert.deepEqual(await found("head pain", {limit: 2}), ["/1/", "/0/"]);
  // With no document matching both words, those matching one: exact
  // matches by score, then completions by score.
  assert.deepEqual(await found("skull pain"), ["/2/", "/1/", "/0/", "/3/"]);
});

test("search: words that name what every script object has are words like any other", async () => {
  // A shard is a parsed JSON object: "constructor", which no page has
  // here, is not taken for a term with no pages, which would leave out
  // the typos it is near and the terms it starts; the others find
  // nothing and throw nothing.
  const found = memIndex([{terms: {constructer: 100}}, {terms: {proto: 10}}, {terms: {constructorship: 100}}]);
  assert.deepEqual(await found("constructor "), ["/0/"]);
  assert.deepEqual(await found("constructor"), ["/2/"]);
  assert.deepEqual(await found("__proto__ "), ["/1/"]);
  for (const q of ["toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "__defineGetter__", "prototype", "then"]) {
    assert.deepEqual(await found(q), [], q);
  }
});

test("search: typos share the word's first two letters", async () => {
  const found = memIndex([{terms: {centr: 10}}, {terms: {enter: 200}}]);
  assert.deepEqual(await found("center "), ["/0/"]);
});

test("search: on a large site, typos share three or four first letters when two fill more than 8 shards", async () => {
  // Ten shards of terms starting with "pr", as on a site of thousands of
  // pages, and three of "pra": "practiton" (of "practitoner") is looked for
  // among the terms starting with "pra", in those three shards and the
  // one the word's own term falls in.
  const seps = ["", "pr", "prb", "prc", "prd", "pre", "prf", "prg", "pri", "pro", "pru", "q"];
  const docs = [{terms: {practition: 10}}, {terms: {practic: 30}}, {terms: {prize: 10}}, {terms: {prictition: 10}}];
  const sh = seps.map(() => ({})), last = {};
  docs.forEach((d, id) => {
    for (const [t, sc] of Object.entries(d.terms)) {
      const i = seps.findLastIndex((x) => x <= t);
      (sh[i][t] ??= []).push(id - (last[t] ?? 0), sc);
      last[t] = id;
    }
  });
  const files = {
    "index.json": {format: 1, docs: docs.length, kinds: ["article"], kindRuns: [0, docs.length], chunkSize: 64, version: "m", chunks: 1, shards: seps},
    "v/m/t0.json": docs.flatMap((_, i) => ["p", i]),
    "doc/p.json": docs.map((d, i) => ({u: `/${i}/`, t: `Page ${i}`, k: "article", s: []})),
  };
  sh.forEach((d, i) => { files[`v/m/s${i}.json`] = d; });
  const fetched = [];
  const index = openIndex("/search/", async (name) => (fetched.push(name), structuredClone(files[name])));
  const found = async (q) => (await index.search(q)).results.map((r) => r.page);
  assert.deepEqual(await found("practitoner "), ["/0/"]);
  const shards = fetched.filter((n) => n.startsWith("v/m/s"));
  assert.ok(shards.length <= 4, `fetched ${shards}`);
  // A typo in the third letter is not found there: "prictition" is a
  // term of its own, and "prectitioner" finds nothing.
  assert.deepEqual(await found("prectitioner "), []);
});

test("search: two typos in words of nine letters or more, for the most common term", async () => {
  // "practioner" is "praction", two edits from "practition" (of
  // "practitioner") and from "practic" (of "practice"): the term more
  // documents have wins, alone.
  const found = memIndex([{terms: {practic: 255}}, {terms: {practition: 10}}, {terms: {practition: 20}}, {terms: {theori: 10}}]);
  assert.deepEqual(await found("practioner "), ["/2/", "/1/"]);
  // A term one edit away leaves out those two edits away, however common.
  const one = memIndex([{terms: {therapi: 255}}, {terms: {therapi: 200}}, {terms: {therapist: 10}}]);
  assert.deepEqual(await one("therapsit "), ["/2/"]);
  // A word of eight letters gets one edit only.
  const short = memIndex([{terms: {osteopath: 10}}]);
  assert.deepEqual(await short("ostepaht "), []);
  assert.deepEqual(await short("ostepath "), ["/0/"]);
});

test("search: the last word is not cut short when it has a term of its own", async () => {
  const found = memIndex([{terms: {veri: 200}}, {terms: {verifi: 10}}]);
  // "verify" is "verifi", not "veri" (the term of "very").
  assert.deepEqual(await found("verify"), ["/1/"]);
  assert.deepEqual(await found("veri"), ["/0/", "/1/"]);
});

test("search: the last word is cut short only to the term of a word it may be the start of", async () => {
  const found = memIndex([{terms: {veri: 200}}, {terms: {certif: 10}}, {terms: {certifi: 10}}, {terms: {develop: 10}}]);
  // "veri" is the term of "very", which "verify" is not the start of.
  assert.deepEqual(await found("verify"), []);
  // "certifica" may be the start of "certification", whose term is
  // "certif", but not of "certified" ("certifi").
  assert.deepEqual(await found("certifica"), ["/1/"]);
  assert.deepEqual(await found("developme"), ["/3/"]);
});

// words gives the groups present takes for q: each word's term alone, as
// typed (weight 1).
const words = (q) => terms(q).map((t) => [[t, 1]]);
const text = (segs) => segs && segs.map((s) => s.text).join("");

test("present: the excerpt comes from the section the result links to", () => {
  const f = {u: "/faq/", t: "Questions", k: "page", s: [
    ["", "", 0, "Answers to the questions people ask most."],
    ["Complaints", "complaints", 2, "If you are hurt or unwell, get medical help first. Then tell us."],
    ["Does it hurt?", "does-it-hurt", 2, "It should not. The touch is very light, and you can ask the practitioner to stop at any time."],
    ["Will it hurt afterwards?", "will-it-hurt-afterwards", 2, ""],
  ]};
  const r = present(f, words("does it hurt"));
  assert.equal(r.url, "/faq/#does-it-hurt");
  // Only the heading matches: the excerpt is the section's opening.
  assert.equal(text(r.excerpt), "It should not. The touch is very light, and you can ask the practitioner to stop at any time.");
  assert.deepEqual(r.subs.map((s) => [s.url, text(s.excerpt)]), [
    ["/faq/#does-it-hurt", "It should not. The touch is very light, and you can ask the practitioner to stop at any time."],
    ["/faq/#will-it-hurt-afterwards", null],
    ["/faq/#complaints", "If you are hurt or unwell, get medical help first. Then tell us."],
  ]);
  assert.deepEqual(r.subs[2].excerpt.filter((s) => s.mark).map((s) => s.text), ["hurt"]);
  // No section, description or text: no excerpt rather than an empty one.
  assert.equal(present({u: "/x/", t: "Hurt", k: "page", s: []}, words("hurt")).excerpt, null);
});

test("present: a word counts by its rarity among the page's sections, and more in a heading", () => {
  const f = {u: "/visit/", t: "Your visit", k: "page", s: [
    ["", "", 0, "Every session is different."],
    ["How many sessions?", "how-many", 2, "Most people come for a few sessions; some for a long course of sessions."],
    ["How long it takes", "how-long", 2, "A session lasts an hour."],
    ["Costs", "costs", 2, "A session costs about the same as a massage."],
  ]};
  // "session" is in every section, so says little; "long" is in two, and
  // in the heading of one.
  const r = present(f, words("how long is a session"));
  assert.equal(r.url, "/visit/#how-long");
  assert.equal(text(r.excerpt), "A session lasts an hour.");
  assert.deepEqual(r.subs.map((s) => s.url), ["/visit/#how-long", "/visit/#how-many", "/visit/#costs"]);
  // A heading with the word beats a text that repeats it.
  const g = {u: "/join/", t: "Joining", k: "page", s: [
    ["Paying", "paying", 2, "The fee is yearly. Pay the fee by card; the fee covers the register."],
    ["Fees", "fees", 2, "See the price list."],
  ]};
  assert.equal(present(g, words("fee")).url, "/join/#fees");
  // Of two words, the rarer on the page decides: "yearly" is in one
  // section, "fee" in both.
  assert.equal(present(g, words("yearly fee")).url, "/join/#paying");
  // A completion counts for its weight: the heading's "feel" (0.8 × 2)
  // beats the text's "fee" (1).
  const h = {u: "/after/", t: "After", k: "page", s: [
    ["Costs", "costs", 2, "No fee for a call."], ["How you feel", "feel", 2, "Rest."],
  ]};
  assert.equal(present(h, [[["fee", 1], ["feel", 0.8]]]).url, "/after/#feel");
});

test("present: a word the page has only as a synonym links the section of the page's word, at half weight", () => {
  // f.y: "grievanc" is in the index for this page as a synonym of its
  // "complaint" (see Synonyms in internal/search/doc.go).
  const f = {u: "/faq/", t: "Questions", k: "page", y: [[["grievanc"], "complain"]], s: [
    ["", "", 0, "Answers to the questions people ask most."],
    ["Costs", "costs", 2, "A session costs about the same as a massage."],
    ["Complaints", "complaints", 2, "Tell us about your complaint, and we will look into it."],
    ["Who we are", "who", 2, "We answer every complaint within a week."],
  ]};
  const r = present(f, words("grievance"));
  assert.equal(r.url, "/faq/#complaints");
  assert.deepEqual(r.subs.map((s) => s.url), ["/faq/#complaints", "/faq/#who"]);
  assert.deepEqual(r.excerpt.filter((s) => s.mark).map((s) => s.text), ["complaint"]);
  // Half the weight of the word itself: the synonym's word in a heading
  // (2 × 0.5) counts as much as a word typed in a text (1).
  const g = {...f, y: [[["grievanc"], "complain"]], s: [["Complaints", "complaints", 2, ""], ["Grievances", "grievances", 2, ""], ["Other", "other", 2, "A grievance."]]};
  const s = present(g, words("grievance")).subs;
  assert.deepEqual(s.map((x) => [x.url, x.heading]), [["/faq/#grievances", "Grievances"], ["/faq/#complaints", "Complaints"], ["/faq/#other", "Other"]]);
  // A completion's synonym picks no section: the word was not typed.
  assert.equal(present(f, [[["grievanc", 0.8]]]).url, "/faq/");
  // Without the table's entry for the page, the synonym is nowhere.
  assert.equal(present({...f, y: undefined}, words("grievance")).url, "/faq/");
});

test("present: synonyms that stand for the same terms share one entry of f.y, and each links their section", () => {
  // "cheap" and "affordable" stand for "cost" and "price", "grievance"
  // and "gripe" for "complaint": the index lists each group's terms once.
  const f = {u: "/faq/", t: "Questions", k: "page", y: [[["cheap", "afford"], "cost", "price"], [["grievanc", "gripe"], "complain"]], s: [
    ["", "", 0, "Answers to the questions people ask most."],
    ["Prices", "prices", 2, "What we charge."],
    ["Complaints", "complaints", 2, "Tell us about your complaint."],
    ["Who we are", "who", 2, "About what it costs to train."],
  ]};
  for (const q of ["cheap", "affordable"]) assert.equal(present(f, words(q)).url, "/faq/#prices", q);
  assert.deepEqual(present(f, words("cheap")).subs.map((s) => s.url), ["/faq/#prices", "/faq/#who"]);
  for (const q of ["grievance", "gripe"]) assert.equal(present(f, words(q)).url, "/faq/#complaints", q);
  // A term a synonym stands for is no synonym itself: "cost" typed does
  // not count "price" (the heading's "Prices", 2 × 0.5, would tie with
  // the text's "costs" and, coming first, win).
  assert.equal(present(f, words("cost")).url, "/faq/#who");
});

test("present: a title with every word links the top of the page", () => {
  const f = {u: "/safety/", t: "Is craniosacral therapy safe?", k: "article", d: "Who should ask a doctor before craniosacral therapy.", s: [
    ["", "", 0, "Most people find it gentle."],
    ["When to stop", "when-to-stop", 2, "Stop craniosacral therapy if you feel unwell. Therapy is safe for most, not for all."],
  ]};
  const r = present(f, words("is craniosacral therapy safe"));
  assert.equal(r.url, "/safety/");
  assert.equal(text(r.excerpt), "Who should ask a doctor before craniosacral therapy.");
  assert.deepEqual(r.excerpt.filter((s) => s.mark).map((s) => s.text), ["craniosacral", "therapy"]);
  assert.deepEqual(r.subs.map((s) => s.url), ["/safety/#when-to-stop"]);
  // Without a description, the excerpt comes from the text at the top
  // when it matches, else it is the opening of the page.
  assert.equal(text(present({...f, d: "", s: [["", "", 0, "Is it safe? Mostly."], f.s[1]]}, words("safe")).excerpt), "Is it safe? Mostly.");
  assert.equal(present({...f, d: ""}, words("safe")).url, "/safety/");
  assert.equal(text(present({...f, d: ""}, words("safe")).excerpt), "Most people find it gentle.");
  // A title with only some of the words competes like any heading.
  assert.equal(present(f, words("when to stop therapy")).url, "/safety/#when-to-stop");
});

test("opening cuts at a space", () => {
  assert.deepEqual(opening("It should not hurt at all.", 14), [{text: "It should not", mark: false}, {text: " …", mark: false}]);
  assert.deepEqual(opening("  Short.  "), [{text: "Short.", mark: false}]);
  assert.equal(opening(" "), null);
});

const top = async (q, opts) => {
  const {index} = openSite(site);
  return (await index.search(q, opts)).results;
};

test("search: title beats body, heading anchor and sub-results", needSite, async () => {
  const r = await top("certification");
  assert.equal(r[0].page, "/articles/certification-explained/");
  const s = await top("head injuries");
  assert.equal(s[0].url, "/articles/safety/#head-injuries");
  assert.equal(s[0].subs[0].heading, "Head injuries");
  assert.equal(s[0].subs[0].url, "/articles/safety/#head-injuries");
});

test("search: registration numbers and postcode districts as typed", needSite, async () => {
  for (const q of ["CST-000004", "cst000004", "000004", "cst 000004", "TR18", "TR18 4AB", "TR184AB", "tr184ab", "Zoë", "zoe"]) {
    const r = await top(q);
    assert.equal(r[0] && r[0].page, "/practitioners/zoe-ashworth/", q);
  }
  // A postcode typed without its space finds its district.
  for (const q of ["TR1 4AB", "TR14AB", "tr14ab "]) assert.deepEqual((await top(q)).map((r) => r.page), ["/practitioners/oisin-obrien/"], q);
  const ex = (await top("000004"))[0].excerpt;
  assert.deepEqual(ex.filter((s) => s.mark).map((s) => s.text), ["CST-000004"]);
});

test("search: exact, for a registration number, takes words only as typed and requires them all", needSite, async () => {
  const {index} = openSite(site);
  const only = async (q) => {
    const r = await index.search(q, {kinds: ["practitioner"], exact: true});
    return [r.total, r.results.map((x) => x.page)];
  };
  assert.deepEqual(await only("CST-000004"), [1, ["/practitioners/zoe-ashworth/"]]);
  assert.deepEqual(await only("CST-000017"), [1, ["/practitioners/oisin-obrien/"]]);
  // Not "cst" alone, nor a number one typo away, nor a prefix.
  assert.deepEqual(await only("CST-000031"), [0, []]);
  assert.deepEqual(await only("CST-000005"), [0, []]);
  assert.deepEqual(await only("CST-00000"), [0, []]);
  // Without exact, a number is still never optional.
  assert.equal((await index.search("CST-000031")).total, 0);
});

test("search: numbers are not typos, nor cut short, nor optional", needSite, async () => {
  const {index} = openSite(site);
  const found = async (q) => (await index.search(q)).results.map((r) => r.page);
  // Zoë is CST-000004, Oisín CST-000017: neither is an answer for a number
  // one edit away, a longer number they start, or a number no one has
  // typed with words they do have.
  for (const q of ["CST-0000041", "cst 0000171", "CST-000014", "cst00004", "000014", "penzance CST-000014", "registration CST-000031"]) {
    assert.deepEqual(await found(q), [], q);
  }
  // As typed, a number still finds the numbers it starts.
  assert.deepEqual(await found("CST-00001"), ["/practitioners/oisin-obrien/"]);
  assert.deepEqual(await found("cst 00000"), ["/practitioners/zoe-ashworth/"]);
  // A postcode's inward code is optional: pages name only the district.
  assert.deepEqual(await found("TR18 4AB"), ["/practitioners/zoe-ashworth/"]);
});

test("search: prefix on the last word only", needSite, async () => {
  assert.equal((await top("pregn"))[0].url, "/articles/safety/#pregnancy");
  assert.equal((await top("craniosacral certifica"))[0].page, "/training/foundation/");
  assert.equal((await top("pregn ")).length, 0);
  assert.ok((await top("th")).length > 0);
});

test("search: one typo in words of five letters or more", needSite, async () => {
  assert.equal((await top("pregnacy"))[0].url, "/articles/safety/#pregnancy");
  assert.equal((await top("certifcation"))[0].page, "/articles/certification-explained/");
  assert.equal((await top("zeo")).length, 0);
});

test("search: typos in words of at most 24 letters", async () => {
  const w24 = "cranialosteopathicrhythm", w25 = "manipulationsofthecranium";
  const found = memIndex([{terms: {[term(w24)]: 10}}, {terms: {[term(w25)]: 10}}]);
  const typo = (w) => w.slice(0, 10) + "x" + w.slice(11);
  assert.deepEqual(await found(typo(w24) + " "), ["/0/"]);
  assert.deepEqual(await found(typo(w25) + " "), []);
});

test("search: a word of thousands of letters answers at once", needSite, async () => {
  const {index} = openSite(site);
  await index.search("rhythm");
  let w = "";
  for (let i = 0; w.length < 5000; i++) w += "etaoinshrdlucmfwypvbgkjqxz"[(i * 7 + (i >> 3)) % 26];
  for (const q of [w, w + " ", "gentle " + w]) {
    const t0 = performance.now();
    await index.search(q);
    const ms = performance.now() - t0;
    // Looking for its typos took seconds; a generous bound.
    assert.ok(ms < 1000, `${q.length} characters: ${ms.toFixed(0)} ms`);
  }
});

test("search: quoted phrases", needSite, async () => {
  assert.deepEqual((await top('"tidal rhythm"')).map((r) => r.page), ["/articles/twin-b/", "/articles/twin-a/"]);
  assert.deepEqual((await top('"rhythm tidal"')).map((r) => r.page), []);
  assert.deepEqual((await top('"head injury"')).map((r) => r.page), ["/articles/safety/"]);
});

test("search: kind filter", needSite, async () => {
  const all = await top("craniosacral therapy");
  assert.ok(new Set(all.map((r) => r.kind)).size > 1);
  const tr = await top("craniosacral therapy", {kinds: ["training"]});
  assert.deepEqual(tr.map((r) => r.kind), ["training"]);
  assert.deepEqual((await top("anatomy", {kinds: ["book"]})).map((r) => r.page), ["/reading/gray-anatomy/"]);
});

test("the best k are the first k of the full ranking, with the same total", needSite, async () => {
  const {index} = openSite(site);
  for (const q of ["craniosacral therapy", "certification", "therap", "head", "cst", "anatomy book", "pregnacy", "zzz"]) {
    for (const kinds of [[], ["article"], ["practitioner", "training"]]) {
      const all = await index.search(q, {kinds, limit: 1000});
      for (const limit of [1, 2, 3, 6]) {
        const r = await index.search(q, {kinds, limit});
        assert.equal(r.total, all.total, `${q} ${kinds} total`);
        assert.deepEqual(r.results.map((x) => x.page), all.results.slice(0, limit).map((x) => x.page), `${q} ${kinds} limit ${limit}`);
      }
    }
  }
});

test("judged queries", needSite, async () => {
  const pairs = JSON.parse(readFileSync(new URL("./testdata/judged.json", import.meta.url), "utf8"));
  assert.deepEqual(await judge(site, pairs), []);
});

test("judge: a kind among the top 3, whichever page of it", needSite, async () => {
  // Practitioners who tie are listed in the order of their names; a
  // judged query that wants any of them names their kind, not one page.
  assert.deepEqual(await judge(site, [{query: "zoe", kind: "practitioner"}, {query: "foundation course", kind: "training"}]), []);
  const got = await judge(site, [{query: "anatomy", kind: "training"}, {query: "head injury", kind: "practitioner", kinds: ["article"]}]);
  assert.deepEqual(got.map((f) => [f.query, f.url]), [["anatomy", "a training page"], ["head injury", "a practitioner page"]]);
  assert.deepEqual(got[0].got, ["/reading/gray-anatomy/", "/articles/history/"]);
});

test("query latency on loaded shards", needSite, async () => {
  const {index} = openSite(site);
  const qs = ["certification", "head inj", "cst-000004", "craniosacral therapy", '"tidal rhythm"', "pregnacy"];
  for (const q of qs) await index.search(q);
  const ms = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await index.search(qs[i % qs.length]);
    ms.push(performance.now() - t0);
  }
  console.log(`# query p95 ${p95(ms).toFixed(2)} ms over ${ms.length} queries`);
});

test("404 page: the words of the last part of the address", async () => {
  const {pathQuery} = await import("../../static/js/not-found.js");
  for (const [path, want] of [
    ["/articles/saftey-advice/", "saftey advice"],
    ["/articles/safety.html", "safety"],
    ["/practitioners/aelia_thornhurst", "aelia thornhurst"],
    ["/Z%C3%B6e-Ashworth/", "Zöe Ashworth"],
    ["/%E0%A4%A/", "%E0%A4%A"],
    ["/", ""],
    ["/index.html", ""],
    ["/a/b/c.d.e/", "c d e"],
    ["/practitioners/aelia-thornhurst-2/", "aelia thornhurst"],
    ["/2024/", ""],
    ["/CST-000004/", "CST 000004"],
  ]) assert.equal(pathQuery(path), want, path);
  assert.equal(pathQuery("/" + "x".repeat(500)).length, 100);
});

test("parseQuery: phrases and variants", () => {
  const q = (s) => parseQuery(s).groups.map((g) => g.term);
  const has = (s, i, t) => parseQuery(s).groups[i].joins.includes(t);
  // "I book" is the verb; "near me" is "nearby", which the directory has.
  assert.deepEqual(q("how do i book"), ["booking"]);
  assert.deepEqual(q("craniosacral near me"), ["craniosacr", "nearbi"]);
  // "book" alone is read both ways, "books" is the noun.
  assert.deepEqual(q("book a session"), ["book", "session"]);
  assert.ok(has("book a session", 0, "booking"));
  assert.ok(!has("books ", 0, "booking"));
  assert.ok(has("teacher training", 0, "teach") && has("teachers", 0, "teach") && !has("teaching", 0, "teach"));
});

test("present: the word two words typed apart make counts for both", () => {
  const f = {u: "/a/", t: "Safety", k: "article", s: [
    ["Head injuries", "head", 2, "Light touch on a head that is healing."],
    ["After a session", "after", 2, "Some feel light-headed."],
  ]};
  const g = parseQuery("light headed").groups.map((g) => [g.term, ...g.joins].map((t) => [t, 1]));
  assert.equal(present(f, g).url, "/a/#after");
});
