"""The HTTP server: probes and metrics for the platform, and the service's API.

The standard library's threading server keeps the image small; move to an ASGI framework when
routes multiply.
"""

from __future__ import annotations

import json
import logging
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import List
from urllib.parse import parse_qs, urlparse

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from .greeting import greet
from .metrics import Metrics
from .readiness import ReadinessCheck, check_readiness

_QUIET_ROUTES = {"/healthz", "/readyz", "/metrics"}


def create_server(port: int, metrics: Metrics, readiness_checks: List[ReadinessCheck], logger: logging.Logger) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        server_version = ${{ values.name | dump }}

        status = 500

        def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
            # Kept until the request is counted (do_GET), so a client that reads /metrics right
            # after its answer always finds it counted.
            self.status = status
            self._response = (body, content_type)

        def _flush(self) -> None:
            body, content_type = self._response
            self.send_response(self.status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _send_json(self, status: int, payload: object) -> None:
            self._send(status, json.dumps(payload).encode("utf-8"))

        def _route(self) -> str:
            url = urlparse(self.path)
            if url.path == "/healthz":
                self._send_json(200, {"status": "ok"})
                return "/healthz"
            if url.path == "/readyz":
                ready, checks = check_readiness(readiness_checks)
                self._send_json(200 if ready else 503, {"status": "ready" if ready else "not ready", "checks": checks})
                return "/readyz"
            if url.path == "/metrics":
                self._send(200, generate_latest(metrics.registry), CONTENT_TYPE_LATEST)
                return "/metrics"
            if url.path == "/v1/hello":
                name = parse_qs(url.query).get("name", [None])[0]
                try:
                    self._send_json(200, {"message": greet(name)})
                except ValueError as error:
                    self._send_json(400, {"error": str(error)})
                return "/v1/hello"
            self._send_json(404, {"error": f"no route for GET {url.path}"})
            # One label for every unknown path keeps the metric's cardinality bounded.
            return "unmatched"

        def do_GET(self) -> None:  # noqa: N802 - name required by BaseHTTPRequestHandler
            started = time.perf_counter()
            try:
                route = self._route()
            except Exception:  # noqa: BLE001 - answer 500 and log, never crash the server
                logger.exception("request failed")
                self._send_json(500, {"error": "internal error"})
                route = "error"
            metrics.duration.labels("GET", route).observe(time.perf_counter() - started)
            metrics.requests.labels("GET", route, str(self.status)).inc()
            self._flush()
            if route not in _QUIET_ROUTES:
                logger.info("request", extra={"method": "GET", "route": route, "status": self.status})

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            # Access logs go through the structured logger above, not stderr.
            return

    return ThreadingHTTPServer(("0.0.0.0", port), Handler)
