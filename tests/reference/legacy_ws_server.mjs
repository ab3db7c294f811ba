#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Sextant: a subscriptions-transport-ws 0.11.0 server (subprotocol graphql-ws, PROTOCOLS.md §3.2) for the tests.
//
// Usage: node legacy_ws_server.mjs [--require-auth VALUE]
//   Serves the schema of subscription_schema.mjs at ws://127.0.0.1:PORT/graphql with SubscriptionServer (its own
//   ws 7, which accepts the first offered subprotocol and closes with 1002 unless it is graphql-ws) and sends `ka`
//   keep-alives every second. Prints "PORT=<n>" once listening; exits when stdin closes or on SIGTERM.
//   --require-auth VALUE: the handshake's Authorization header must equal VALUE, else onConnect throws and the
//                         server answers connection_error.
import { createServer } from 'node:http';
import { execute, subscribe } from 'graphql';
import transport from 'subscriptions-transport-ws';
import { makeSchema } from './subscription_schema.mjs';

const { SubscriptionServer } = transport;
const args = process.argv.slice(2);
const i = args.indexOf('--require-auth');
const requiredAuth = i >= 0 ? args[i + 1] : undefined;

const httpServer = createServer((req, res) => {
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('WebSocket only\n');
});
const server = SubscriptionServer.create(
  {
    schema: makeSchema(),
    execute,
    subscribe,
    keepAlive: 1000,
    onConnect: (_params, _socket, context) => {
      if (requiredAuth !== undefined && context.request.headers.authorization !== requiredAuth)
        throw new Error('Forbidden: bad credentials');
      return true;
    },
  },
  { server: httpServer, path: '/graphql' },
);

httpServer.listen(0, '127.0.0.1', () => {
  process.stdout.write(`PROTOCOL=graphql-ws\nPORT=${httpServer.address().port}\n`);
});
const shutdown = () => {
  server.close();
  httpServer.close();
  process.exit(0);
};
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();
process.on('SIGTERM', shutdown);
