#!/usr/bin/env python3
"""Serves www/ on 127.0.0.1 the way a strict portal would.

Every response carries the Content-Security-Policy a portal embedding the widget
is asked to send (README, "Embedding"), so a CSP violation shows up during
development and in the end-to-end tests, not first on a portal.

Like a portal's nginx with gzip_static / brotli_static, it sends FILE.br or
FILE.gz (written by tools/bundle/precompress.mjs) with Content-Encoding when
the browser accepts it and that file is not older than FILE; otherwise FILE.

    python3 tools/serve.py [--port 8000] [--dir www] [--no-csp]

Only the standard library: it runs on a fresh machine.
"""

import argparse
import functools
import http.server
import os
import sys

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
    "style-src 'self'; img-src 'self' data: blob:"
)


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }
    csp = True

    def send_head(self):
        path = self.translate_path(self.path)
        encoded = self.precompressed(path)
        if encoded is None:
            return super().send_head()
        encoding, encoded_path = encoded
        f = open(encoded_path, "rb")
        try:
            size = os.fstat(f.fileno()).st_size
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", encoding)
            self.send_header("Content-Length", str(size))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return f
        except BaseException:
            f.close()
            raise

    def precompressed(self, path):
        """(encoding, FILE.br or FILE.gz) to send for FILE, or None."""
        if not os.path.isfile(path):
            return None
        accepted = {
            part.split(";")[0].strip().lower()
            for part in self.headers.get("Accept-Encoding", "").split(",")
        }
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            candidate = path + suffix
            if (
                encoding in accepted
                and os.path.isfile(candidate)
                and os.path.getmtime(candidate) >= os.path.getmtime(path)
            ):
                return encoding, candidate
        return None

    def end_headers(self):
        if self.csp:
            self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, fmt, *args):
        if self.server.verbose:
            super().log_message(fmt, *args)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dir", default="www")
    parser.add_argument("--no-csp", action="store_true", help="omit the CSP header")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    args = parser.parse_args()

    Handler.csp = not args.no_csp
    handler = functools.partial(Handler, directory=args.dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    server.verbose = not args.quiet
    print(f"serving {args.dir}/ at http://127.0.0.1:{server.server_port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
