// SPDX-License-Identifier: MIT
// Sextant: `sextant query` for subscription operations — one NDJSON line per payload as it arrives.
#pragma once

#include <net/graphqlrequest.h>

namespace Sextant::Cli {

struct QueryOptions;

/**
 * Runs @p request (a document whose selected operation is a subscription) over a WebSocket with
 * Net::SubscriptionSession (PROTOCOLS.md §3; protocol from --ws-protocol, URL from --ws-url or the endpoint with
 * http→ws) and writes each ExecutionResult payload to standard output as one compact JSON line (NDJSON), flushed as
 * it arrives. Ends when the server completes, after --max-messages payloads (then it unsubscribes), or on SIGINT /
 * SIGTERM (Ctrl-C: unsubscribes cleanly).
 *
 * Exit status: 0 completed, stopped by --max-messages or by a signal (payloads carrying GraphQL errors do not change
 * it); 1 the server refused (`error`, e.g. validation, or `connection_error`); 2 transport failures, close codes,
 * protocol violations and the connection_ack timeout — each failure with one "sextant: …" line on standard error.
 * Main thread with a QCoreApplication; blocks in a local event loop.
 */
int runSubscribeCommand(const QueryOptions &options, const Sextant::Net::GraphQLRequest &request);

/// True when the operation @p request would run (its operationName, or the only operation) is a subscription.
bool isSubscriptionRequest(const Sextant::Net::GraphQLRequest &request);

} // namespace Sextant::Cli
