#!/usr/bin/env python3
"""A loopback HTTP server for the delivery tests: answers by path and records what it got.

Usage: test-http-server.py RECORD_FILE   (prints the port it listens on, then serves)
Paths (a path containing the segment, so /fail/api/chat.postMessage fails too):
  .../ok            200 {"ok": true}
  .../fail          500 with a body carrying control characters and the credential echoed
  .../denied        401 {"error": "invalid token"}
  .../never         accepts, reads, and never answers
  .../away          302 to another host (127.0.0.2)
  .../slack-denied  200 {"ok": false, "error": "invalid_auth"}
  .../toggle        the answer written in TOGGLE_FILE (200, 500, 401), 200 when absent
Each request is appended to RECORD_FILE as one JSON line: method, path, headers, body.
Only 127.0.0.1 is bound: tests never leave the machine.
"""
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RECORD = sys.argv[1]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, headers=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        with open(RECORD, "a") as out:
            out.write(json.dumps({"method": self.command, "path": self.path,
                                  "headers": {k.lower(): v for k, v in self.headers.items()},
                                  "body": body}) + "\n")
        path = self.path.split("?")[0]
        auth = self.headers.get("Authorization") or ""
        if "/never" in path:
            time.sleep(3600)
        elif "/fail" in path:
            self.answer(500, "upstream \x1b[31mexploded\x1b[0m\x07 echo " + auth + " " + "x" * 5000)
        elif "/denied" in path:
            self.answer(401, '{"error": "invalid token"}')
        elif "/away" in path:
            port = self.server.server_address[1]
            self.answer(302, "", [("Location", "http://127.0.0.2:%d/ok" % port)])
        elif "/slack-denied" in path:
            self.answer(200, '{"ok": false, "error": "invalid_auth"}')
        elif "/toggle" in path:
            status = 200
            toggle = RECORD + ".status"
            if os.path.exists(toggle):
                status = int(open(toggle).read().strip() or 200)
            self.answer(status, '{"ok": %s}' % ("true" if status == 200 else "false"))
        else:
            self.answer(200, '{"ok": true}')

    do_POST = handle_any
    do_PUT = handle_any
    do_GET = handle_any


def exit_with_parent(parent):
    """Stops when the test process is gone (it may exit without stopping us): never outlive it."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


# The test runner blocks signals in its threads and children inherit the mask: without this,
# SIGTERM from the test (Process.terminate) would never arrive.
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True).start()
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
