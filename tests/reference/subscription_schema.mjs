// SPDX-License-Identifier: MIT
// Sextant: the schema both WebSocket reference servers serve (graphql_ws_server.mjs, legacy_ws_server.mjs).
//
//   type Query { hello: String, stoppedCount: Int! }
//   type Subscription { countdown(from: Int!, delayMs: Int = 50): Int!, forever: Int!, failing: Int }
//
// countdown yields from, from-1, …, 0 then ends; forever yields 0, 1, 2, … every 50 ms until the client stops;
// failing yields 1 then a field error for 2 (data.failing null + errors), then ends.
// stoppedCount counts subscriptions whose source stream was closed early (the client sent complete/stop): the
// tests ask it to prove the server saw the client's unsubscribe.
import { buildSchema } from 'graphql';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const stats = { stopped: 0 };

export function makeSchema() {
  const schema = buildSchema(`
    type Query { hello: String stoppedCount: Int! }
    type Subscription {
      countdown(from: Int!, delayMs: Int = 50): Int!
      forever: Int!
      failing: Int
    }
  `);
  const query = schema.getQueryType().getFields();
  query.hello.resolve = () => 'world';
  query.stoppedCount.resolve = () => stats.stopped;

  const fields = schema.getSubscriptionType().getFields();
  fields.countdown.subscribe = async function* (_root, { from, delayMs }) {
    for (let i = from; i >= 0; i--) {
      await sleep(delayMs);
      yield { countdown: i };
    }
  };
  fields.countdown.resolve = (event) => event.countdown;

  fields.forever.subscribe = async function* () {
    let finished = false;
    try {
      for (let i = 0; i < 1000000; i++) {
        await sleep(50);
        yield { forever: i };
      }
      finished = true;
    } finally {
      if (!finished) stats.stopped += 1;
    }
  };
  fields.forever.resolve = (event) => event.forever;

  fields.failing.subscribe = async function* () {
    yield { failing: 1 };
    await sleep(20);
    yield { failing: 2 };
  };
  fields.failing.resolve = (event) => {
    if (event.failing === 2) throw new Error('failing on purpose at 2');
    return event.failing;
  };
  return schema;
}
