#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Sextant: a local fault-injection server: one process, one misbehaviour per URL path, for the hostile suite.
"""Hostile GraphQL server for tests/hostile (Python stdlib only, asyncio; HTTP/1.1 and RFC 6455 by hand, so every
byte on the wire is chosen here).

Listeners (all 127.0.0.1, port 0), printed on stdout as KEY=VALUE lines, PORT= last once all are ready:

* ``HTTP_PORT``  plain HTTP: every behaviour below, chosen by the request path (query string ignored).
* ``TLS_PORT``   HTTPS with the self-signed certificate of tests/fixtures/hostile/ (same paths; /ok answers).
* ``TLS_ABORT_PORT`` reads the TLS ClientHello, then closes the connection: the handshake never completes.
* ``OTHER_ORIGIN_PORT`` a second plain listener, the target of /redirect-other-origin. It answers every request
  with a GraphQL body and records whether it received Authorization or Cookie headers (only *whether*, never the
  values); ``GET /seen`` there returns ``{"requests": n, "authorization": bool, "cookie": bool}``.
* ``PORT``       same as HTTP_PORT.

Requests whose body contains ``__schema`` (introspection) get a GraphQL error answer ("introspection is disabled
on the hostile server") instead of the behaviour, unless the URL has ``?introspection=hostile``; so a window that
introspects on start-up does not fetch 100 MB twice. Every answer is ``Connection: close``.

Behaviours (path, what the server does, what a client must show):

====================  ===========================================================  ==================================
path                  server                                                       expected client outcome
====================  ===========================================================  ==================================
/ok                   200 ``{"data":{"ok":true}}`` (control)                       success
/slow-drip            200, valid GraphQL body sent 1 byte per 100 ms (~3 s)        success after ~3 s, no freeze
/stall-after-headers  200 headers with Content-Length 100, then nothing, forever   "timed out"; Stop works
/stall-before-headers reads the request, never answers                             "timed out"; Stop works
/truncated-body       Content-Length 1000, sends 40 bytes, closes                  "closed ... before ... complete"
/huge-100mb           200, 100 MB of valid GraphQL JSON, streamed                  success (progress, worker parse)
/invalid-utf8         200, GraphQL JSON with bytes FF FE inside a string           clear message or U+FFFD, no crash
/duplicate-keys       200, ``{"data":{"x":"first","x":"second"}}``                 success (one of the values)
/deep-nesting         200, ``{"data":{"deep":[[[...]]]}}`` 100,000 arrays deep      "nested too deep"-style message
/html-502             502 Bad Gateway, nginx-style HTML page                       "502" + "HTML"
/html-200             200 with an HTML page                                        "HTML" + "check the endpoint path"
/json-as-text-plain   200 text/plain carrying a valid GraphQL JSON body            success (body decides)
/xml                  200 application/xml with an XML document                     "not JSON (application/xml)"
/no-content-204       204 No Content                                               "204" + "empty"
/redirect-other-origin 301 to http://127.0.0.1:OTHER_ORIGIN_PORT/graphql           "another origin", not followed;
                                                                                   no credentials leak
/redirect-302         302 to /ok (same origin)                                     POST→GET warning, not followed
/redirect-307         307 to /ok (same origin)                                     followed: success
/redirect-loop        307 to itself                                                "Too many redirects"
/unauthorized-401     401, ``WWW-Authenticate: Bearer realm="hostile"``, empty body "401" + "authentication"
/forbidden-403-json   403 ``{"errors":[{"message":"forbidden: ..."}]}``              "403"/"forbidden", exit 1
/too-many-429         429, ``Retry-After: 120``, GraphQL errors body               "429" + retry after 120 s
/too-many-429-text    429, ``Retry-After: 120``, text/plain body                   "429" + retry after 120 s
/server-error-500-json 500 with GraphQL errors body                                "500" + the error message
/server-error-500-text 500 text/plain "Internal Server Error"                      "500" + "not JSON"
/unavailable-503-html 503 HTML page                                                "503" + "HTML"
/reset-mid-body       200, Content-Length 4096, 100 bytes, then RST (SO_LINGER 0)  "closed"/"reset", partial size
/close-immediately    reads the request, closes without a byte                     "closed the connection without
                                                                                   answering"
/garbage              non-HTTP bytes, then close                                   clear transport message
/bad-chunk-size       chunked encoding with chunk size "zz"                        clear transport message
/corrupt-gzip         Content-Encoding: gzip with corrupt data                     clear message ("decompress")
/huge-header          a 1 MB header line                                           clear message, no freeze
/thousand-headers     1,000 response headers, valid GraphQL body                   success or clear message
/empty-200            200 with an empty body                                       "empty response body"
/json-array           200 ``[1,2,3]``                                              "no \"data\" or \"errors\""
/json-null            200 ``null``                                                 "no \"data\" or \"errors\""
/big-string-10mb      200 ``{"data":{"blob":"xxx…"}}`` one 10 MB string             success, shown (elided) no freeze
TLS_PORT /ok          self-signed certificate                                      "TLS" + "self-signed"/certificate
TLS_ABORT_PORT        handshake cut after the ClientHello                          "TLS handshake ... failed"
/ws-never-ack         WebSocket upgrade accepted, connection_init never acked      "no connection_ack"/timed out
/ws-close-4400        ack, then on subscribe close 4400 "Bad request"             "4400" + reason
/ws-close-4401        ack, then on subscribe close 4401 "Unauthorized"            "4401" + reason
/ws-close-4403        ack, then on subscribe close 4403 "Forbidden"               "4403" + reason
/ws-close-4429        ack, then on subscribe close 4429 "Too many requests"       "4429" + reason
/ws-close-4500        ack, then on subscribe close 4500 "Internal error"          "4500" + reason
/ws-drop              ack, then TCP reset without a close frame (1006)            "closed abnormally"/1006
/ws-garbage-frame     after the upgrade, a frame with reserved opcode and RSV bits "protocol error"-style message
/ws-ok                ack, one result, complete (control for the ws cases)         success
====================  ===========================================================  ==================================

WebSocket paths honour the offered subprotocol (graphql-transport-ws preferred, then graphql-ws, else none) and
speak the message types of the chosen one (next/complete, or data/complete for the legacy graphql-ws).

Usage: ``python tests/servers/hostile_server.py`` ; exits on SIGTERM/SIGINT or when stdin reaches EOF.
"""

import asyncio
import base64
import hashlib
import json
import os
import signal
import socket
import ssl
import struct
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
TLS_DIR = os.path.normpath(os.path.join(HERE, "..", "fixtures", "hostile"))
WS_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
MAX_REQUEST_BODY = 16 * 1024 * 1024
FOREVER_SECONDS = 3600  # a "forever" stall; the client gives up long before, and stdin EOF ends the process

OTHER_ORIGIN_SEEN = {"requests": 0, "authorization": False, "cookie": False}
PORTS = {}

HTML_502 = (b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n"
            b"</body>\r\n</html>\r\n")
HTML_200 = b"<!DOCTYPE html><html><head><title>Welcome</title></head><body><h1>It works!</h1></body></html>\n"
HTML_503 = (b"<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head>"
            b"<body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request."
            b"</p></body></html>\n")


class Request:
    def __init__(self, method, path, query, headers, body):
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers  # lower-case name -> value (str)
        self.body = body

    def header(self, name):
        return self.headers.get(name.lower(), "")


async def read_request(reader):
    """Reads one HTTP/1.1 request; None when the peer closed or sent something unusable."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        return None
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) < 3:
        return None
    method, target = parts[0], parts[1]
    path, _, query = target.partition("?")
    headers = {}
    for line in lines[1:]:
        name, separator, value = line.partition(":")
        if separator:
            headers[name.strip().lower()] = value.strip()
    body = b""
    length = int(headers.get("content-length", "0") or 0)
    if 0 < length <= MAX_REQUEST_BODY:
        try:
            body = await reader.readexactly(length)
        except (asyncio.IncompleteReadError, ConnectionError):
            return None
    return Request(method, path, query, headers, body)


def response_head(status, reason, headers):
    lines = [f"HTTP/1.1 {status} {reason}"]
    lines += [f"{name}: {value}" for name, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def send(writer, status, reason, body=b"", content_type="application/json", extra=()):
    headers = []
    if content_type:
        headers.append(("Content-Type", content_type))
    if status != 204:
        headers.append(("Content-Length", str(len(body))))
    headers += list(extra)
    headers.append(("Connection", "close"))
    writer.write(response_head(status, reason, headers) + body)
    await writer.drain()


async def wait_for_peer_close(reader, seconds=FOREVER_SECONDS):
    """Holds the connection open until the client gives up (EOF) or the bound passes."""
    try:
        await asyncio.wait_for(reader.read(), timeout=seconds)
    except (asyncio.TimeoutError, ConnectionError):
        pass


def hard_reset(writer):
    """Closes with SO_LINGER 0, so the peer sees a TCP RST instead of a FIN."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
    writer.transport.abort()


# ---------------------------------------------------------------------------------------------------------------
# HTTP behaviours: async def behaviour(request, reader, writer)

async def b_ok(request, reader, writer):
    await send(writer, 200, "OK", b'{"data":{"ok":true}}')


async def b_slow_drip(request, reader, writer):
    body = b'{"data":{"drip":"slow-drip"}}'  # 29 bytes at 100 ms each: about 3 s
    writer.write(response_head(200, "OK", [("Content-Type", "application/json"),
                                           ("Content-Length", str(len(body))), ("Connection", "close")]))
    await writer.drain()
    for i in range(len(body)):
        writer.write(body[i:i + 1])
        await writer.drain()
        await asyncio.sleep(0.1)


async def b_stall_after_headers(request, reader, writer):
    writer.write(response_head(200, "OK", [("Content-Type", "application/json"), ("Content-Length", "100"),
                                           ("Connection", "close")]))
    await writer.drain()
    await wait_for_peer_close(reader)


async def b_stall_before_headers(request, reader, writer):
    await wait_for_peer_close(reader)


async def b_truncated_body(request, reader, writer):
    writer.write(response_head(200, "OK", [("Content-Type", "application/json"), ("Content-Length", "1000"),
                                           ("Connection", "close")]))
    writer.write(b'{"data":{"truncated":"this body stops h')  # 38 bytes of the promised 1000
    await writer.drain()


HUGE_ITEMS = 100_000
HUGE_ITEM = b'"' + b"x" * 998 + b'"'  # 1000 bytes


async def b_huge_100mb(request, reader, writer):
    prefix, suffix = b'{"data":{"items":[', b"]}}"
    length = len(prefix) + HUGE_ITEMS * len(HUGE_ITEM) + (HUGE_ITEMS - 1) + len(suffix)
    writer.write(response_head(200, "OK", [("Content-Type", "application/json"), ("Content-Length", str(length)),
                                           ("Connection", "close")]) + prefix)
    per_chunk = 1000
    for start in range(0, HUGE_ITEMS, per_chunk):
        count = min(per_chunk, HUGE_ITEMS - start)
        chunk = b",".join([HUGE_ITEM] * count)
        if start + count < HUGE_ITEMS:
            chunk += b","
        writer.write(chunk)
        await writer.drain()
    writer.write(suffix)
    await writer.drain()


async def b_invalid_utf8(request, reader, writer):
    await send(writer, 200, "OK", b'{"data":{"name":"bad \xff\xfe bytes \xc3\x28 here"}}')


async def b_duplicate_keys(request, reader, writer):
    await send(writer, 200, "OK", b'{"data":{"x":"first","x":"second"}}')


async def b_deep_nesting(request, reader, writer):
    depth = 100_000
    await send(writer, 200, "OK", b'{"data":{"deep":' + b"[" * depth + b"]" * depth + b"}}")


async def b_html_502(request, reader, writer):
    await send(writer, 502, "Bad Gateway", HTML_502, "text/html")


async def b_html_200(request, reader, writer):
    await send(writer, 200, "OK", HTML_200, "text/html; charset=utf-8")


async def b_json_as_text_plain(request, reader, writer):
    await send(writer, 200, "OK", b'{"data":{"plain":"text/plain but GraphQL"}}', "text/plain")


async def b_xml(request, reader, writer):
    await send(writer, 200, "OK", b'<?xml version="1.0"?><response><data>not json</data></response>\n',
               "application/xml")


async def b_no_content_204(request, reader, writer):
    await send(writer, 204, "No Content", b"", None)


async def b_redirect_other_origin(request, reader, writer):
    target = f"http://127.0.0.1:{PORTS['other']}/graphql"
    await send(writer, 301, "Moved Permanently", b"", None, [("Location", target)])


async def b_redirect_302(request, reader, writer):
    await send(writer, 302, "Found", b"", None, [("Location", "/ok")])


async def b_redirect_307(request, reader, writer):
    await send(writer, 307, "Temporary Redirect", b"", None, [("Location", "/ok")])


async def b_redirect_loop(request, reader, writer):
    await send(writer, 307, "Temporary Redirect", b"", None, [("Location", "/redirect-loop")])


async def b_unauthorized_401(request, reader, writer):
    await send(writer, 401, "Unauthorized", b"", None, [("WWW-Authenticate", 'Bearer realm="hostile"')])


async def b_forbidden_403_json(request, reader, writer):
    await send(writer, 403, "Forbidden",
               b'{"errors":[{"message":"forbidden: this token may not run queries"}]}')


async def b_too_many_429(request, reader, writer):
    await send(writer, 429, "Too Many Requests", b'{"errors":[{"message":"rate limit exceeded"}]}',
               extra=[("Retry-After", "120")])


async def b_too_many_429_text(request, reader, writer):
    await send(writer, 429, "Too Many Requests", b"Too Many Requests\n", "text/plain", [("Retry-After", "120")])


async def b_server_error_500_json(request, reader, writer):
    await send(writer, 500, "Internal Server Error",
               b'{"errors":[{"message":"resolver exploded: database unavailable"}],"data":null}')


async def b_server_error_500_text(request, reader, writer):
    await send(writer, 500, "Internal Server Error", b"Internal Server Error\n", "text/plain")


async def b_unavailable_503_html(request, reader, writer):
    await send(writer, 503, "Service Unavailable", HTML_503, "text/html")


async def b_reset_mid_body(request, reader, writer):
    writer.write(response_head(200, "OK", [("Content-Type", "application/json"), ("Content-Length", "4096"),
                                           ("Connection", "close")]))
    writer.write(b'{"data":{"reset":"' + b"r" * 82 + b'')  # 100 bytes of 4096
    await writer.drain()
    await asyncio.sleep(0.2)
    hard_reset(writer)


async def b_close_immediately(request, reader, writer):
    pass  # the caller closes


async def b_garbage(request, reader, writer):
    writer.write(b"\x00\x01\x02 THIS IS NOT HTTP \xff\xfe\r\n\x16\x03\x01 garbage garbage\r\n\r\n")
    await writer.drain()


async def b_bad_chunk_size(request, reader, writer):
    writer.write(response_head(200, "OK", [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked"),
                                           ("Connection", "close")]))
    writer.write(b"zz\r\n{\"data\":{}}\r\n0\r\n\r\n")
    await writer.drain()


async def b_corrupt_gzip(request, reader, writer):
    body = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"this is not deflate data at all" * 4
    await send(writer, 200, "OK", body, "application/json", [("Content-Encoding", "gzip")])


async def b_huge_header(request, reader, writer):
    await send(writer, 200, "OK", b'{"data":{"ok":true}}', extra=[("X-Huge", "h" * (1024 * 1024))])


async def b_thousand_headers(request, reader, writer):
    await send(writer, 200, "OK", b'{"data":{"ok":true}}',
               extra=[(f"X-Header-{i}", f"value-{i}") for i in range(1000)])


async def b_empty_200(request, reader, writer):
    await send(writer, 200, "OK", b"")


async def b_json_array(request, reader, writer):
    await send(writer, 200, "OK", b"[1,2,3]")


async def b_json_null(request, reader, writer):
    await send(writer, 200, "OK", b"null")


async def b_big_string_10mb(request, reader, writer):
    await send(writer, 200, "OK", b'{"data":{"blob":"' + b"y" * (10 * 1024 * 1024) + b'"}}')


HTTP_BEHAVIOURS = {
    "/ok": b_ok,
    "/graphql": b_ok,
    "/slow-drip": b_slow_drip,
    "/stall-after-headers": b_stall_after_headers,
    "/stall-before-headers": b_stall_before_headers,
    "/truncated-body": b_truncated_body,
    "/huge-100mb": b_huge_100mb,
    "/invalid-utf8": b_invalid_utf8,
    "/duplicate-keys": b_duplicate_keys,
    "/deep-nesting": b_deep_nesting,
    "/html-502": b_html_502,
    "/html-200": b_html_200,
    "/json-as-text-plain": b_json_as_text_plain,
    "/xml": b_xml,
    "/no-content-204": b_no_content_204,
    "/redirect-other-origin": b_redirect_other_origin,
    "/redirect-302": b_redirect_302,
    "/redirect-307": b_redirect_307,
    "/redirect-loop": b_redirect_loop,
    "/unauthorized-401": b_unauthorized_401,
    "/forbidden-403-json": b_forbidden_403_json,
    "/too-many-429": b_too_many_429,
    "/too-many-429-text": b_too_many_429_text,
    "/server-error-500-json": b_server_error_500_json,
    "/server-error-500-text": b_server_error_500_text,
    "/unavailable-503-html": b_unavailable_503_html,
    "/reset-mid-body": b_reset_mid_body,
    "/close-immediately": b_close_immediately,
    "/garbage": b_garbage,
    "/bad-chunk-size": b_bad_chunk_size,
    "/corrupt-gzip": b_corrupt_gzip,
    "/huge-header": b_huge_header,
    "/thousand-headers": b_thousand_headers,
    "/empty-200": b_empty_200,
    "/json-array": b_json_array,
    "/json-null": b_json_null,
    "/big-string-10mb": b_big_string_10mb,
}

# ---------------------------------------------------------------------------------------------------------------
# WebSocket (RFC 6455): server frames are unmasked, client frames masked.

WS_CLOSES = {
    "/ws-close-4400": (4400, "Bad request"),
    "/ws-close-4401": (4401, "Unauthorized"),
    "/ws-close-4403": (4403, "Forbidden"),
    "/ws-close-4429": (4429, "Too many requests"),
    "/ws-close-4500": (4500, "Internal error"),
}
WS_PATHS = {"/ws-never-ack", "/ws-drop", "/ws-garbage-frame", "/ws-ok", *WS_CLOSES}


def ws_frame(opcode, payload):
    head = bytes([0x80 | opcode])
    if len(payload) < 126:
        head += bytes([len(payload)])
    elif len(payload) < 65536:
        head += bytes([126]) + struct.pack("!H", len(payload))
    else:
        head += bytes([127]) + struct.pack("!Q", len(payload))
    return head + payload


async def ws_read_frame(reader):
    """(opcode, payload) of the next client frame; None on EOF. Fragments are returned as they come."""
    try:
        first, second = await reader.readexactly(2)
        length = second & 0x7F
        if length == 126:
            (length,) = struct.unpack("!H", await reader.readexactly(2))
        elif length == 127:
            (length,) = struct.unpack("!Q", await reader.readexactly(8))
        if length > MAX_REQUEST_BODY:
            return None
        mask = await reader.readexactly(4) if second & 0x80 else b"\0\0\0\0"
        data = await reader.readexactly(length)
    except (asyncio.IncompleteReadError, ConnectionError):
        return None
    return first & 0x0F, bytes(b ^ mask[i % 4] for i, b in enumerate(data))


async def ws_read_message(reader, writer):
    """The next text message as a dict (pings answered); None on close or EOF."""
    for _ in range(10_000):
        frame = await ws_read_frame(reader)
        if frame is None:
            return None
        opcode, payload = frame
        if opcode == 0x8:
            writer.write(ws_frame(0x8, payload[:2]))
            await writer.drain()
            return None
        if opcode == 0x9:
            writer.write(ws_frame(0xA, payload))
            await writer.drain()
            continue
        if opcode in (0x1, 0x0):
            try:
                return json.loads(payload.decode("utf-8"))
            except ValueError:
                return {}
    return None


async def ws_send(writer, message):
    writer.write(ws_frame(0x1, json.dumps(message).encode("utf-8")))
    await writer.drain()


async def ws_close(reader, writer, code, reason):
    writer.write(ws_frame(0x8, struct.pack("!H", code) + reason.encode("utf-8")))
    await writer.drain()
    try:
        await asyncio.wait_for(ws_read_frame(reader), timeout=2)  # the client's close frame, if it sends one
    except asyncio.TimeoutError:
        pass


async def handle_websocket(request, reader, writer):
    key = request.header("sec-websocket-key")
    accept = base64.b64encode(hashlib.sha1(key.encode("ascii") + WS_GUID).digest()).decode("ascii")
    offered = [p.strip() for p in request.header("sec-websocket-protocol").split(",") if p.strip()]
    protocol = next((p for p in ("graphql-transport-ws", "graphql-ws") if p in offered), "")
    headers = [("Upgrade", "websocket"), ("Connection", "Upgrade"), ("Sec-WebSocket-Accept", accept)]
    if protocol:
        headers.append(("Sec-WebSocket-Protocol", protocol))
    writer.write(response_head(101, "Switching Protocols", headers))
    await writer.drain()
    path = request.path

    if path == "/ws-garbage-frame":
        writer.write(bytes([0x80 | 0x70 | 0x3, 5]) + b"\xff\xfe\xfd\xfc\xfb")  # RSV1-3 set, reserved opcode 3
        await writer.drain()
        await wait_for_peer_close(reader, 30)
        return
    if path == "/ws-never-ack":
        for _ in range(10_000):
            if await ws_read_message(reader, writer) is None:
                return
        return

    init = await ws_read_message(reader, writer)
    if init is None:
        return
    await ws_send(writer, {"type": "connection_ack"})
    subscribe = await ws_read_message(reader, writer)
    if subscribe is None:
        return
    if path in WS_CLOSES:
        await ws_close(reader, writer, *WS_CLOSES[path])
        return
    if path == "/ws-drop":
        hard_reset(writer)
        return
    # /ws-ok
    operation_id = subscribe.get("id", "1")
    legacy = protocol == "graphql-ws"
    await ws_send(writer, {"type": "data" if legacy else "next", "id": operation_id,
                           "payload": {"data": {"ok": True}}})
    await ws_send(writer, {"type": "complete", "id": operation_id})
    for _ in range(100):
        if await ws_read_message(reader, writer) is None:
            break


# ---------------------------------------------------------------------------------------------------------------

def close_writer(writer):
    try:
        writer.close()
    except (OSError, RuntimeError):
        pass


async def handle_hostile(reader, writer):
    try:
        request = await read_request(reader)
        if request is None:
            return
        if request.header("upgrade").lower() == "websocket" and request.path in WS_PATHS:
            await handle_websocket(request, reader, writer)
            return
        if b"__schema" in request.body and "introspection=hostile" not in request.query:
            await send(writer, 200, "OK",
                       b'{"errors":[{"message":"introspection is disabled on the hostile server"}],"data":null}')
            return
        behaviour = HTTP_BEHAVIOURS.get(request.path)
        if behaviour is None:
            await send(writer, 404, "Not Found", b"no such hostile behaviour: " + request.path.encode() + b"\n",
                       "text/plain")
            return
        await behaviour(request, reader, writer)
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        close_writer(writer)


async def handle_other_origin(reader, writer):
    try:
        request = await read_request(reader)
        if request is None:
            return
        if request.path == "/seen":
            await send(writer, 200, "OK", json.dumps(OTHER_ORIGIN_SEEN).encode("utf-8"))
            return
        OTHER_ORIGIN_SEEN["requests"] += 1
        OTHER_ORIGIN_SEEN["authorization"] |= bool(request.header("authorization"))
        OTHER_ORIGIN_SEEN["cookie"] |= bool(request.header("cookie"))
        await send(writer, 200, "OK", b'{"data":{"otherOrigin":true}}')
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        close_writer(writer)


async def handle_tls_abort(reader, writer):
    try:
        await asyncio.wait_for(reader.read(512), timeout=10)  # the ClientHello
    except (asyncio.TimeoutError, ConnectionError):
        pass
    close_writer(writer)


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()

    def quiet(event_loop, context):
        # Clients that give up mid-exchange (and shutdown cancelling stalled handlers) are the point here.
        if not isinstance(context.get("exception"), (asyncio.CancelledError, ConnectionError, ssl.SSLError)):
            event_loop.default_exception_handler(context)

    loop.set_exception_handler(quiet)
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except (OSError, ValueError):
            pass
        loop.call_soon_threadsafe(stop.set)

    if not sys.stdin.isatty():
        threading.Thread(target=watch_stdin, daemon=True).start()

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(os.path.join(TLS_DIR, "selfsigned.crt"), os.path.join(TLS_DIR, "selfsigned.key"))
    limit = 32 * 1024 * 1024
    http = await asyncio.start_server(handle_hostile, "127.0.0.1", 0, limit=limit)
    tls = await asyncio.start_server(handle_hostile, "127.0.0.1", 0, ssl=context, limit=limit,
                                     ssl_handshake_timeout=10)
    tls_abort = await asyncio.start_server(handle_tls_abort, "127.0.0.1", 0)
    other = await asyncio.start_server(handle_other_origin, "127.0.0.1", 0, limit=limit)
    port = lambda server: server.sockets[0].getsockname()[1]  # noqa: E731
    PORTS.update(http=port(http), tls=port(tls), tls_abort=port(tls_abort), other=port(other))
    print(f"HTTP_PORT={PORTS['http']}")
    print(f"TLS_PORT={PORTS['tls']}")
    print(f"TLS_ABORT_PORT={PORTS['tls_abort']}")
    print(f"OTHER_ORIGIN_PORT={PORTS['other']}")
    print(f"BEHAVIOURS={len(HTTP_BEHAVIOURS) - 2 + len(WS_PATHS) + 2}")
    print(f"PORT={PORTS['http']}", flush=True)
    await stop.wait()
    for server in (http, tls, tls_abort, other):
        server.close()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
