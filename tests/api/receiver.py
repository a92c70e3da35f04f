"""A webhook receiver on 127.0.0.1 for the tests: verifies each signature as docs/api.md
tells integrators to, and answers with the statuses it is told to."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from api.webhooks import verify


class Receiver:
    def __init__(self, secret: str = "", statuses=()):
        self.secret = secret
        self.statuses = list(statuses)  # answered in turn; 200 once they run out
        self.received: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append({
                    "body": body, "headers": dict(self.headers),
                    "valid": verify(receiver.secret, self.headers["Selection-Signature"], body),
                })
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
