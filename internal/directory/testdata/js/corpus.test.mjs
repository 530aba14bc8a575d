// Times the filters over a real corpus's filter data, when the Go test
// TestCorpusBudgets passes its path in DIRECTORY_FILTER_DATA.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as core from "../../../../static/js/directory-core.js";

const path = process.env.DIRECTORY_FILTER_DATA;

test("filters over the corpus answer in under 50 ms", { skip: !path && "DIRECTORY_FILTER_DATA not set" }, () => {
  let t0 = performance.now();
  const index = core.prepare(JSON.parse(readFileSync(path, "utf8")));
  const prepareMs = performance.now() - t0;
  const origin = core.findPlace(index, index.placeLabels[0]);
  const states = [
    core.emptyState(),
    { ...core.emptyState(), q: "ash" },
    { ...core.emptyState(), region: core.slugify(index.regions[3]), accepting: true, wheelchair: true },
    { ...core.emptyState(), modality: core.slugify(index.modalities[1]), language: core.slugify(index.languages[0]), home: true },
  ];
  const times = [];
  for (let round = 0; round < 3; round++) {
    for (const st of states) {
      for (const from of [null, origin]) {
        t0 = performance.now();
        core.filter(index, st, from);
        times.push(performance.now() - t0);
      }
    }
  }
  times.sort((a, b) => a - b);
  console.log(`# ${index.people.length} practitioners: prepare ${prepareMs.toFixed(1)} ms, filter median ${times[times.length >> 1].toFixed(2)} ms, worst ${times[times.length - 1].toFixed(2)} ms`);
  assert.ok(times[times.length - 1] < 50);
});
