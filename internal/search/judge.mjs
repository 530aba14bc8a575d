// Usage: node internal/search/judge.mjs public/ internal/search/testdata/judged.json
// Checks that each judged query ({"query", "url", optional "kinds" and
// "link"}) has its expected page among the top 3 results of the built site
// in public/ and, with "link" ("#anchor", or "" for the top of the page),
// that the result links there. A query with "kind" ("practitioner") in
// place of "url" checks that a page of that kind is among the top 3,
// whichever it is. A query with "not" (a list of pages) checks instead
// that none of them is among its top 10.
import {readFileSync} from "node:fs";
import {judge} from "./fsindex.mjs";

const [dir, file] = process.argv.slice(2);
if (!dir || !file) {
  console.error("usage: node judge.mjs <public dir> <judged.json>");
  process.exit(2);
}
const pairs = JSON.parse(readFileSync(file, "utf8"));
const failures = await judge(dir, pairs);
for (const f of failures) console.log(`FAIL ${JSON.stringify(f.query)}: want ${f.url} in the top ${f.top || 3}, got ${f.got.join(" ") || "nothing"}`);
console.log(`${pairs.length - failures.length}/${pairs.length} judged queries pass`);
process.exit(failures.length ? 1 : 0);
