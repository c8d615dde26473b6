"""Serves the sentiment model over HTTP.

    GET  /          what is served
    GET  /health    200 once the model is loaded
    POST /predict   {"text": "..."}  ->  {"label": "positive", "score": 0.93}

The model file comes from S3 at build time (apprunner.yaml `models:`); MODEL_PATH says where.
"""
import json
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import joblib

MODEL_PATH = os.environ.get("MODEL_PATH", "models/sentiment.joblib")
MODEL = joblib.load(MODEL_PATH)
MAX_BODY = 64 * 1024


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Buffered, so a response's head and body leave in one packet: written apart, the body waits
    # for the client's delayed ACK (about 40 ms per request on a kept-alive connection).
    wbufsize = -1

    def do_GET(self):
        if self.path == "/health":
            self.reply(200, {"status": "ok"})
        elif self.path == "/":
            self.reply(200, {"model": MODEL_PATH, "labels": list(MODEL.classes_),
                             "usage": "POST /predict {\"text\": \"...\"}"})
        else:
            self.reply(404, {"error": f"no such path: {self.path}"})

    def do_POST(self):
        if self.path != "/predict":
            self.reply(404, {"error": f"no such path: {self.path}"})
            return
        length = int(self.headers.get("Content-Length", "0"))
        if length > MAX_BODY:
            self.reply(413, {"error": f"the body is larger than {MAX_BODY} bytes"})
            return
        try:
            text = json.loads(self.rfile.read(length))["text"]
        except (ValueError, KeyError, TypeError):
            self.reply(400, {"error": "send JSON like {\"text\": \"I love it\"}"})
            return
        probabilities = MODEL.predict_proba([text])[0]
        best = probabilities.argmax()
        self.reply(200, {"label": MODEL.classes_[best], "score": round(float(probabilities[best]), 4)})

    def reply(self, status, body):
        data = (json.dumps(body) + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
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
    print(f"serving {MODEL_PATH} on port {port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
