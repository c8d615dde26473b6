"""A small web app with no dependencies beyond Python's standard library.

It listens on $PORT (App Runner and Slipway always set it) and answers every GET with a
greeting, so a deployment can be checked with curl.
"""
import json
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GREETING = os.environ.get("GREETING", "Hello")
VERSION = "1"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Buffered, so a response's head and body leave in one packet: written apart, the body waits
    # for the client's delayed ACK (about 40 ms per request on a kept-alive connection).
    wbufsize = -1

    def do_GET(self):
        if self.path == "/health":
            self.reply(200, "text/plain", "ok\n")
        elif self.path == "/info":
            info = {"version": VERSION, "port": os.environ.get("PORT")}
            self.reply(200, "application/json", json.dumps(info) + "\n")
        else:
            self.reply(200, "text/plain", f"{GREETING}! (version {VERSION})\n")

    def reply(self, status, content_type, body):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))


def main():
    port = int(os.environ.get("PORT", "8080"))
    server = ThreadingHTTPServer(("0.0.0.0", port), Handler)
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"listening on port {port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
