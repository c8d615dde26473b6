"""A test app for autoscaling: slow requests that report how many this instance had at once, and
a WebSocket echo, with nothing beyond Python's standard library.

GET /health answers ok; GET /work?ms=N waits N ms and answers {"instance", "inFlight", "maxInFlight"};
GET /ws upgrades to a WebSocket that echoes text messages; GET /events streams three server-sent
events; anything else answers a greeting.
"""
import base64
import hashlib
import json
import os
import signal
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PORT = os.environ.get("PORT", "8080")
# Containers all listen on the same port, processes all on the same host: both tell instances apart.
INSTANCE = "%s:%s" % (socket.gethostname(), PORT)
lock = threading.Lock()
in_flight = 0
max_in_flight = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Buffered, so a response's head and body leave in one packet: written apart, the body waits
    # for the client's delayed ACK (about 40 ms per request on a kept-alive connection).
    wbufsize = -1

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/health":
            self.reply(200, "ok\n")
        elif url.path == "/work":
            self.work(int(parse_qs(url.query).get("ms", ["100"])[0]))
        elif url.path == "/ws":
            self.websocket()
        elif url.path == "/events":
            self.events()
        else:
            self.reply(200, "Hello from port %s\n" % PORT)

    def work(self, ms):
        global in_flight, max_in_flight
        with lock:
            in_flight += 1
            max_in_flight = max(max_in_flight, in_flight)
            now = in_flight
        time.sleep(ms / 1000)
        with lock:
            in_flight -= 1
            highest = max_in_flight
        self.reply(200, json.dumps({"instance": INSTANCE, "inFlight": now, "maxInFlight": highest}) + "\n")

    def events(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        for tick in range(1, 4):
            self.wfile.write(("data: tick %d\n\n" % tick).encode())
            self.wfile.flush()
            time.sleep(0.05)

    def websocket(self):
        key = self.headers.get("Sec-WebSocket-Key", "")
        accept = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest())
        self.send_response(101)
        self.send_header("Upgrade", "websocket")
        self.send_header("Connection", "Upgrade")
        self.send_header("Sec-WebSocket-Accept", accept.decode())
        self.end_headers()
        self.wfile.flush()
        self.close_connection = True
        while True:
            head = self.rfile.read(2)
            if len(head) < 2:
                return
            opcode, length = head[0] & 0x0F, head[1] & 0x7F
            if length == 126:
                length = struct.unpack(">H", self.rfile.read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self.rfile.read(8))[0]
            mask = self.rfile.read(4) if head[1] & 0x80 else b"\0\0\0\0"
            data = bytes(b ^ mask[i % 4] for i, b in enumerate(self.rfile.read(length)))
            if opcode == 8:
                self.wfile.write(b"\x88\x00")
                return
            if opcode == 1:
                payload = ("echo " + data.decode()).encode()
                self.wfile.write(bytes([0x81, len(payload)]) + payload)
                self.wfile.flush()

    def reply(self, status, body):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        pass


def main():
    server = ThreadingHTTPServer(("0.0.0.0", int(PORT)), Handler)
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print("listening on port %s" % PORT, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
