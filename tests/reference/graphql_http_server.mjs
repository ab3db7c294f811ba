#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Sextant: graphql-http 1.23.1 (the GraphQL over HTTP reference implementation) on node:http for client tests.
//
// Schema:
//   type Query { hello(name: String): String, slow: String, method: String, header(name: String!): String }
//   type Mutation { bump: Int, method: String }
// hello echoes its argument ("Hello, <name>!"), slow answers after 2 s, method is the HTTP method of the request,
// header(name) the value of a request header (lower-case name) or null. bump counts up from 1.
// Binds 127.0.0.1 on port 0, prints PORT=<n> once listening; exits when stdin closes or on SIGTERM.

import { createServer } from 'node:http';
import { buildSchema } from 'graphql';
import { createHandler } from 'graphql-http/lib/use/http';

const schema = buildSchema(`
  type Query {
    hello(name: String): String
    slow: String
    method: String
    header(name: String!): String
  }
  type Mutation {
    bump: Int
    method: String
  }
`);

let counter = 0;
const rootValue = {
  hello: ({ name }) => `Hello, ${name ?? 'world'}!`,
  slow: () => new Promise((resolve) => setTimeout(() => resolve('done'), 2000)),
  method: (_args, context) => context.method,
  header: ({ name }, context) => {
    const value = context.headers[name.toLowerCase()];
    return value === undefined ? null : String(value);
  },
  bump: () => ++counter,
};

const handler = createHandler({
  schema,
  rootValue,
  context: (req) => ({ method: req.method, headers: req.raw.headers }),
});

const server = createServer((req, res) => {
  if (!req.url.startsWith('/graphql')) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  handler(req, res);
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`PORT=${server.address().port}\n`);
});

const stop = () => {
  server.close();
  server.closeAllConnections?.();
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
