#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Sextant: graphql-js 16.15.0 as a long-running reference process for the differential test.
//
// Reads one JSON request per line on stdin and writes exactly one JSON line per request on stdout, in order.
// Every answer echoes the request's "id" when it has one. Non-ASCII characters in answers are written as \uXXXX
// escapes (UTF-16 code units), so lone surrogates survive the trip to a C++ reader unchanged.
//
//   {"op":"parse","document":D}
//       -> {"errors":[{message,locations}]}          the first syntax error, exactly as parse() throws it
//       -> {"errors":[],"definitions":[{kind,name,line,column}]}   a summary of a successful parse
//   {"op":"validate","schema":"small|dagster|dagger|github","document":D}
//       -> {"syntaxError":true,"errors":[…one…]}    when parse() throws
//       -> {"syntaxError":false,"errors":[{message,locations}]}   validate() with specifiedRules, in its order
//   {"op":"print","document":D}  -> {"printed":P} or {"errors":[…one…]}
//   {"op":"ping"} -> {"version":"16.15.0"}
// A malformed request gets {"requestError":"…"}; the process keeps running until stdin closes.
//
// Schemas load lazily, once, from tests/fixtures/schemas/<name>/introspection.json (github: introspection.json.gz)
// with buildClientSchema.

import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { buildClientSchema, parse, print, validate, version } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = process.env.SEXTANT_FIXTURES_DIR || join(here, '..', 'fixtures');
const schemaNames = new Set(['small', 'dagster', 'dagger', 'github']);
const schemas = new Map();

function loadSchema(name) {
  if (!schemaNames.has(name)) throw new Error(`unknown schema "${name}"`);
  let schema = schemas.get(name);
  if (!schema) {
    const dir = join(fixtures, 'schemas', name);
    const text = name === 'github'
      ? gunzipSync(readFileSync(join(dir, 'introspection.json.gz'))).toString('utf8')
      : readFileSync(join(dir, 'introspection.json'), 'utf8');
    const json = JSON.parse(text);
    schema = buildClientSchema(json.data ?? json);
    schemas.set(name, schema);
  }
  return schema;
}

const plainError = (e) => ({ message: e.message, locations: e.locations ?? [] });

function tryParse(document) {
  try {
    return { ast: parse(document) };
  } catch (e) {
    if (e && Array.isArray(e.locations)) return { error: plainError(e) };
    throw e;
  }
}

function summary(ast) {
  return ast.definitions.map((d) => ({
    kind: d.kind,
    name: d.name ? d.name.value : '',
    line: d.loc.startToken.line,
    column: d.loc.startToken.column,
  }));
}

function answer(request) {
  if (request.op === 'ping') return { version };
  if (typeof request.document !== 'string') throw new Error('"document" must be a string');
  const parsed = tryParse(request.document);
  switch (request.op) {
    case 'parse':
      return parsed.error ? { errors: [parsed.error] } : { errors: [], definitions: summary(parsed.ast) };
    case 'validate': {
      const schema = loadSchema(request.schema);
      if (parsed.error) return { syntaxError: true, errors: [parsed.error] };
      return { syntaxError: false, errors: validate(schema, parsed.ast).map(plainError) };
    }
    case 'print':
      return parsed.error ? { errors: [parsed.error] } : { printed: print(parsed.ast) };
    default:
      throw new Error(`unknown op "${request.op}"`);
  }
}

const asciiJson = (value) =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
for await (const line of lines) {
  if (line.trim() === '') continue;
  let request = null;
  let reply;
  try {
    request = JSON.parse(line);
    reply = answer(request);
  } catch (e) {
    reply = { requestError: String(e && e.message ? e.message : e) };
  }
  if (request && request.id !== undefined) reply.id = request.id;
  process.stdout.write(asciiJson(reply) + '\n');
}
