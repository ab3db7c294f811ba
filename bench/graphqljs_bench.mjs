#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Sextant: the graphql-js 16.15.0 / graphql-language-service half of the side-by-side benchmarks (bench/run.py drives both halves).
//
// Usage: node --expose-gc bench/graphqljs_bench.mjs --introspection FILE --sdl FILE --query FILE [--iterations N] [--warmup N]
//                         [--completion FILE] [--large-query FILE --large-query-errors FILE]
//        node --expose-gc bench/graphqljs_bench.mjs --rss --introspection FILE
// Same output as sextant_bench: one JSON object per line, {"name","median_ms","iterations"} or {"name","rss_kb"};
// "completion" / "completion_position" (getAutocompleteSuggestions) and "diagnostics_2000*" (parse + validate)
// like sextant_bench. graphql and graphql-language-service are loaded from bench/node/node_modules (`npm ci` in
// bench/node; bench/run.py does it), both through require() so that the language service and the schema share
// one graphql module instance (graphql's .mjs and .js builds are distinct modules to its instanceof checks).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'bench', 'node', 'package.json'));
const { buildClientSchema, buildSchema, parse, print, validate, version } = require('graphql');
const { getAutocompleteSuggestions, Position } = require('graphql-language-service');
const languageServiceVersion = require('graphql-language-service/package.json').version;
if (version !== '16.15.0') throw new Error(`expected graphql 16.15.0, found ${version}`);
if (languageServiceVersion !== '5.7.0') throw new Error(`expected graphql-language-service 5.7.0, found ${languageServiceVersion}`);

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

// Nearest-rank percentile of sorted samples (the same definition as sextant_bench).
function percentile(sorted, p) {
  if (!sorted.length) return 0;
  const rank = Math.min(Math.max(Math.ceil(p * sorted.length), 1), sorted.length);
  return sorted[rank - 1];
}

// getAutocompleteSuggestions at every case: warm-up rounds, then `iterations` rounds with the cases interleaved.
function measureCompletion(schema, file) {
  const cases = JSON.parse(readFileSync(file, 'utf8')).map((c) => ({
    text: c.text,
    position: new Position(c.line, c.character),
    samples: [],
    cpuSamples: [], // process.cpuUsage(): user + system time of the process, GC helper threads included
  }));
  const complete = (c) => getAutocompleteSuggestions(schema, c.text, c.position);
  for (const c of cases) c.items = complete(c);
  for (let round = 0; round < Math.max(warmup, 10); ++round) for (const c of cases) complete(c);
  const all = [];
  const allCpu = [];
  for (let round = 0; round < iterations; ++round) {
    for (const c of cases) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      const items = complete(c);
      const ms = performance.now() - start;
      const cpu = process.cpuUsage(cpuStart);
      c.cpuSamples.push((cpu.user + cpu.system) / 1000);
      allCpu.push((cpu.user + cpu.system) / 1000);
      c.samples.push(ms);
      all.push(ms);
      if (items.length !== c.items.length) throw new Error('results differ between runs');
    }
  }
  const byNumber = (a, b) => a - b;
  cases.forEach((c, index) => {
    c.samples.sort(byNumber);
    c.cpuSamples.sort(byNumber);
    line({
      name: 'completion_position', index, items: c.items.length,
      p50_ms: percentile(c.samples, 0.5), p99_ms: percentile(c.samples, 0.99), max_ms: c.samples[c.samples.length - 1],
      cpu_p99_ms: percentile(c.cpuSamples, 0.99), labels: c.items.map((item) => item.label),
    });
  });
  all.sort(byNumber);
  allCpu.sort(byNumber);
  line({
    name: 'completion', median_ms: percentile(all, 0.5), p50_ms: percentile(all, 0.5), p99_ms: percentile(all, 0.99),
    max_ms: all[all.length - 1], cpu_p50_ms: percentile(allCpu, 0.5), cpu_p99_ms: percentile(allCpu, 0.99), samples: all.length, positions: cases.length, iterations,
    version: languageServiceVersion,
  });
}

function measure(name, count, body) {
  for (let i = 0; i < warmup; ++i) body();
  const samples = [];
  const cpuSamples = [];
  for (let i = 0; i < count; ++i) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    body();
    samples.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuSamples.push((cpu.user + cpu.system) / 1000);
  }
  const median = (values) => {
    values.sort((a, b) => a - b);
    const n = values.length;
    return n % 2 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  };
  line({ name, median_ms: median(samples), cpu_median_ms: median(cpuSamples), iterations: count });
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
if (args.has('large-query') && args.has('large-query-errors')) {
  const large = readFileSync(args.get('large-query'), 'utf8');
  const largeErrors = readFileSync(args.get('large-query-errors'), 'utf8');
  const diagnostics = (text) => validate(github, parse(text)).length;
  const errors = diagnostics(largeErrors);
  measure('diagnostics_2000', iterations, () => {
    if (diagnostics(large) !== 0) throw new Error('the 2,000-line document is not valid');
  });
  measure('diagnostics_2000_errors', iterations, () => {
    if (diagnostics(largeErrors) !== errors || !errors) throw new Error('unexpected error count');
  });
  line({
    name: 'diagnostics_2000_counts', lines: large.split('\n').length - 1,
    errors_lines: largeErrors.split('\n').length - 1, errors,
  });
}
if (args.has('completion')) measureCompletion(github, args.get('completion'));
measure('print_query', iterations, () => print(parse(query)));
measure('print_sdl', heavy, () => print(parse(sdl)));
// The published GitHub SDL defines two fields twice (tests/fixtures/schemas/github/SOURCE.md): graphql-js only
// builds it with assumeValidSDL, which also skips SDL validation.
measure('sdl_to_schema', heavy, () => buildSchema(sdl, { assumeValidSDL: true }));
