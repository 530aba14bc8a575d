// Usage: node internal/search/measure.mjs public/ word...
// Prints what the browser downloads for the first query of each word on a
// cold cache (client code, entry, shards, document table and the fragments
// of the first 10 results), raw and gzipped, and the query latency (p95) on
// loaded shards.
import {readFileSync} from "node:fs";
import {gzipSync} from "node:zlib";
import {openSite, sum, p95} from "./fsindex.mjs";

const [dir, ...words] = process.argv.slice(2);
const js = ["search.js", "search-engine.js", "search-normalize.js"].map((f) => readFileSync(new URL(`../../static/js/${f}`, import.meta.url)));
const code = {raw: sum(js.map((d) => ({n: d.length})), "n"), gzip: sum(js.map((d) => ({n: gzipSync(d, {level: 9}).length})), "n")};
const report = {client: code, queries: []};
for (const w of words) {
  const {index, fetched} = openSite(dir);
  const {total, results} = await index.search(w);
  const files = {};
  for (const f of fetched) {
    const k = f.name === "index.json" ? "entry" : /\/s\d+\.json$/.test(f.name) ? "shards" : /\/t\d+\.json$/.test(f.name) ? "table" : "fragments";
    files[k] ??= {n: 0, raw: 0, gzip: 0};
    files[k].n++; files[k].raw += f.raw; files[k].gzip += f.gzip;
  }
  const times = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await index.search(i % 2 ? w : w.slice(0, -1));
    times.push(performance.now() - t0);
  }
  report.queries.push({query: w, total, shown: results.length, files,
    raw: code.raw + sum(fetched, "raw"), gzip: code.gzip + sum(fetched, "gzip"), p95ms: +p95(times).toFixed(2)});
}
console.log(JSON.stringify(report, null, 1));
