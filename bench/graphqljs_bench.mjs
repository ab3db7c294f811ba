#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Sextant: the graphql-js 16.15.0 half of the side-by-side benchmarks (bench/run.py drives both halves).
//
// Usage: node --expose-gc bench/graphqljs_bench.mjs --introspection FILE --sdl FILE --query FILE [--iterations N] [--warmup N]
//        node --expose-gc bench/graphqljs_bench.mjs --rss --introspection FILE
// Same output as sextant_bench: one JSON object per line, {"name","median_ms","iterations"} or {"name","rss_kb"}.
// graphql is loaded from tests/reference/node_modules (run `npm ci` there), the version the differential test uses.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { buildClientSchema, buildSchema, parse, print, validate, version } = await import(
  pathToFileURL(join(root, 'tests', 'reference', 'node_modules', 'graphql', 'index.mjs')).href
);
if (version !== '16.15.0') throw new Error(`expected graphql 16.15.0, found ${version}`);

const args = new Map();
for (let i = 2; i < process.argv.length; ++i) {
  const key = process.argv[i].replace(/^--/, '');
  const next = process.argv[i + 1];
  if (next !== undefined && !next.startsWith('--')) args.set(key, process.argv[++i]);
  else args.set(key, true);
}
const line = (object) => process.stdout.write(JSON.stringify(object) + '\n');
const collect = () => globalThis.gc && globalThis.gc();

if (args.has('rss')) {
  collect();
  const before = process.memoryUsage().rss;
  let schema = buildClientSchema(JSON.parse(readFileSync(args.get('introspection'), 'utf8')).data);
  collect();
  const after = process.memoryUsage().rss;
  line({ name: 'rss_github_schema', rss_kb: Math.round((after - before) / 1024), types: Object.keys(schema.getTypeMap()).length });
  schema = null;
  process.exit(0);
}

const iterations = Math.max(1, Number(args.get('iterations') ?? 100));
const heavy = Math.max(5, Math.floor(iterations / 5));
const warmup = Math.max(0, Number(args.get('warmup') ?? 3));
const introspection = readFileSync(args.get('introspection'), 'utf8');
const sdl = readFileSync(args.get('sdl'), 'utf8');
const query = readFileSync(args.get('query'), 'utf8');

function measure(name, count, body) {
  for (let i = 0; i < warmup; ++i) body();
  const samples = [];
  for (let i = 0; i < count; ++i) {
    const start = performance.now();
    body();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const n = samples.length;
  const median = n % 2 ? samples[(n - 1) / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
  line({ name, median_ms: median, iterations: count });
}

let github;
measure('introspection_to_schema', heavy, () => {
  github = buildClientSchema(JSON.parse(introspection).data);
});
measure('parse_sdl', heavy, () => parse(sdl));
measure('parse_query', iterations, () => parse(query));
measure('parse_validate_query', iterations, () => {
  const errors = validate(github, parse(query));
  if (errors.length) throw new Error(errors[0].message);
});
measure('print_query', iterations, () => print(parse(query)));
measure('print_sdl', heavy, () => print(parse(sdl)));
// The published GitHub SDL defines two fields twice (tests/fixtures/schemas/github/SOURCE.md): graphql-js only
// builds it with assumeValidSDL, which also skips SDL validation.
measure('sdl_to_schema', heavy, () => buildSchema(sdl, { assumeValidSDL: true }));
