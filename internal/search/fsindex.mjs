// fsindex.mjs opens a built site's search index from disk for the node
// tests, the judged-query harness and the transfer measurements. It counts
// the bytes each query would download (raw and gzipped).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {openIndex} from "../../static/js/search-engine.js";

export function openSite(publicDir) {
  const fetched = [];
  const load = async (name) => {
    const data = readFileSync(join(publicDir, "search", name));
    fetched.push({name, raw: data.length, gzip: gzipSync(data, {level: 9}).length});
    return JSON.parse(data.toString("utf8"));
  };
  return {index: openIndex("/search/", load), fetched};
}

export const sum = (fs, k) => fs.reduce((a, f) => a + f[k], 0);

// judge runs {query, url} pairs (url expected among the top 3 results,
// ignoring the #anchor the result links to; with link, that result must
// link there, "" for the top of the page) and returns the failures. A
// pair with kind in place of url wants a page of that kind among the top
// 3, whichever it is: many profiles that say the same thing tie, and
// their order (by name) is not what the visitor needs.
export async function judge(publicDir, pairs) {
  const {index} = openSite(publicDir);
  const failures = [];
  for (const {query, url, kinds, link, not, kind} of pairs) {
    if (not) {
      // Pages that must not be in the first ten: a profile that says
      // it does not treat what the visitor asks about.
      const {results} = await index.search(query, {kinds: kinds || [], limit: 10});
      const bad = results.filter((r) => not.includes(r.page));
      if (bad.length) failures.push({query, url: "none of " + not.join(" "), top: 10, got: bad.map((r) => r.page)});
      continue;
    }
    const {results} = await index.search(query, {kinds: kinds || [], limit: 3});
    if (kind && url === undefined) {
      if (!results.some((r) => r.kind === kind)) failures.push({query, url: `a ${kind} page`, got: results.map((r) => r.page)});
      continue;
    }
    const r = results.find((r) => r.page === url);
    // A link's anchor replaces the page's own: a course's row, for a
    // school on the training page.
    const want = link === undefined || link === "" ? url : url.split("#")[0] + link;
    if (!r || (link !== undefined && r.url !== want)) failures.push({query, url: want, got: results.map((r) => link === undefined ? r.page : r.url)});
  }
  return failures;
}

export function p95(ms) {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
}
