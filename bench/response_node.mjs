// SPDX-License-Identifier: MIT
// Sextant: the node half of bench/response.py: JSON.parse of one response file, time and peak RSS.
//
// Usage: node bench/response_node.mjs FILE
// Reads FILE as a string first (the "last byte" has arrived), then times JSON.parse alone and prints one JSON
// object: bytes, parseMs, rssBeforeKb (after the read), peakRssKb (process.resourceUsage().maxRSS).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const file = process.argv[2];
if (!file) {
  console.error("usage: node bench/response_node.mjs FILE");
  process.exit(2);
}
const rssBeforeKb = Math.round(process.memoryUsage().rss / 1024);
const text = readFileSync(file, "utf8");
const start = performance.now();
const value = JSON.parse(text);
const parseMs = performance.now() - start;
// Touch the result so the parse cannot be optimised away.
const keys = Object.keys(value).length;
console.log(
  JSON.stringify({
    bytes: Buffer.byteLength(text, "utf8"),
    parseMs: Math.round(parseMs * 10) / 10,
    rssBeforeKb,
    peakRssKb: process.resourceUsage().maxRSS,
    keys,
  }),
);
