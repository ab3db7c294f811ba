#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Sextant: a graphql-ws 5.16.2 server (subprotocol graphql-transport-ws, PROTOCOLS.md §3.1) for the subscription tests.
//
// Usage: node graphql_ws_server.mjs [--require-auth VALUE] [--hostile never-ack|close:CODE]
//   Serves the schema of subscription_schema.mjs at ws://127.0.0.1:PORT/graphql with graphql-ws's useServer on a
//   ws 8 WebSocketServer. Prints "PORT=<n>" once listening; exits when stdin closes or on SIGTERM.
//   --require-auth VALUE: the handshake's Authorization header must equal VALUE, else onConnect refuses and the
//                         server closes with 4403 Forbidden.
//   --hostile never-ack:  speak nothing: accept the socket (subprotocol graphql-transport-ws), never send
//                         connection_ack (the client's ack timeout must fire).
//   --hostile close:CODE: close with CODE (e.g. 4400, 4401, 4403, 4429) as soon as connection_init arrives.
//   --hostile ack-only:   acknowledge connection_init, then ignore everything (no pong, no next).
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/lib/use/ws';
import { makeSchema } from './subscription_schema.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const requiredAuth = option('--require-auth');
const hostile = option('--hostile');

const httpServer = createServer((req, res) => {
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('WebSocket only\n');
});
const wss = new WebSocketServer({
  server: httpServer,
  path: '/graphql',
  handleProtocols: (protocols) => (protocols.has('graphql-transport-ws') ? 'graphql-transport-ws' : false),
});

if (hostile) {
  wss.on('connection', (socket) => {
    socket.on('message', (data) => {
      let message;
      try { message = JSON.parse(String(data)); } catch { return; }
      if (message.type !== 'connection_init') return;
      if (hostile.startsWith('close:')) socket.close(Number(hostile.slice(6)), `hostile close ${hostile.slice(6)}`);
      if (hostile === 'ack-only') socket.send(JSON.stringify({ type: 'connection_ack' }));
      // never-ack: stay silent
    });
  });
} else {
  useServer(
    {
      schema: makeSchema(),
      onConnect: (ctx) => {
        if (requiredAuth === undefined) return true;
        return ctx.extra.request.headers.authorization === requiredAuth;
      },
    },
    wss,
  );
}

httpServer.listen(0, '127.0.0.1', () => {
  process.stdout.write(`PROTOCOL=graphql-transport-ws\nPORT=${httpServer.address().port}\n`);
});
const shutdown = () => {
  for (const client of wss.clients) client.terminate();
  httpServer.close();
  process.exit(0);
};
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();
process.on('SIGTERM', shutdown);
