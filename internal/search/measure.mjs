// Usage: [MEASURE_CLIENT=dir] node internal/search/measure.mjs public/ query...
// For each query (a leading "kind:" limits it to practitioners), prints
// what the browser downloads for it on a cold cache (client code, entry,
// shards, document table and the fragment packs of the first 10 results),
// raw and gzipped, then its latency on loaded shards: the query is run once
// to load them, then `runs` times, and the p50 and p95 are reported.
import {readFileSync} from "node:fs";
import {gzipSync} from "node:zlib";
import {openSite, sum, p95} from "./fsindex.mjs";

const runs = 100;
const [dir, ...queries] = process.argv.slice(2);
// MEASURE_CLIENT is a folder of the client code as published (minified);
// without it the sources are measured.
const client = process.env.MEASURE_CLIENT ? process.env.MEASURE_CLIENT + "/" : new URL("../../static/js/", import.meta.url).pathname;
const js = ["search.js", "search-engine.js", "search-normalize.js", "match.js"].map((f) => readFileSync(client + f));
const code = {raw: sum(js.map((d) => ({n: d.length})), "n"), gzip: sum(js.map((d) => ({n: gzipSync(d, {level: 9}).length})), "n")};
console.log(`client code${process.env.MEASURE_CLIENT ? ", minified" : ""}: ${code.raw} B raw, ${code.gzip} B gzip`);
const kb = (n) => (n / 1000).toFixed(1).padStart(6);
console.log("query                    total shown | entry shards(n) table(n) frags(n) |  all KB raw   gz | first ms   p50   p95");
for (const arg of queries) {
  const kinds = arg.startsWith("kind:") ? ["practitioner"] : [];
  const q = arg.replace(/^kind:/, "");
  const {index, fetched} = openSite(dir);
  let t0 = performance.now();
  const {total, results} = await index.search(q, {kinds});
  const first = performance.now() - t0;
  const files = {entry: {n: 0, gzip: 0}, shards: {n: 0, gzip: 0}, table: {n: 0, gzip: 0}, fragments: {n: 0, gzip: 0}};
  for (const f of fetched) {
    const k = f.name === "index.json" ? "entry" : /^v\/[^/]+\/s\d+\.json$/.test(f.name) ? "shards" : /^v\/[^/]+\/t\d+\.json$/.test(f.name) ? "table" : "fragments";
    files[k].n++;
    files[k].gzip += f.gzip;
  }
  const ms = [];
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    await index.search(q, {kinds});
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const f = (k) => `${kb(files[k].gzip)}(${files[k].n})`;
  console.log(`${(kinds.length ? "[practitioner] " : "") + q}`.padEnd(24), String(total).padStart(6), String(results.length).padStart(5),
    `| ${kb(files.entry.gzip)} ${f("shards")} ${f("table")} ${f("fragments")} | ${kb(code.raw + sum(fetched, "raw"))} ${kb(code.gzip + sum(fetched, "gzip"))} |`,
    first.toFixed(1).padStart(8), ms[Math.floor(runs / 2)].toFixed(2).padStart(5), p95(ms).toFixed(2).padStart(5));
}
