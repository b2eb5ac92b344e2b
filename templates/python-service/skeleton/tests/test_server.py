import json
import logging
import threading
import unittest
from urllib.error import HTTPError
from urllib.request import urlopen

from app.metrics import create_metrics
from app.readiness import ReadinessCheck
from app.server import create_server


def failing() -> None:
    raise ConnectionError("connection refused")


class ServerTest(unittest.TestCase):
    def start(self, checks):
        server = create_server(0, create_metrics(), checks, logging.getLogger("test"))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        return f"http://127.0.0.1:{server.server_address[1]}"

    def get(self, url):
        try:
            with urlopen(url, timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def test_liveness(self) -> None:
        status, body = self.get(self.start([]) + "/healthz")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body), {"status": "ok"})

    def test_readiness_names_the_failing_dependency(self) -> None:
        base = self.start([ReadinessCheck("cache", lambda: None), ReadinessCheck("database", failing)])
        status, body = self.get(base + "/readyz")
        self.assertEqual(status, 503)
        self.assertEqual(json.loads(body)["checks"], {"cache": "ok", "database": "connection refused"})

    def test_metrics_count_requests(self) -> None:
        base = self.start([])
        self.get(base + "/healthz")
        self.get(base + "/nowhere")
        status, body = self.get(base + "/metrics")
        self.assertEqual(status, 200)
        self.assertIn('http_requests_total{method="GET",route="/healthz",status="200"} 1.0', body)
        self.assertIn('http_requests_total{method="GET",route="unmatched",status="404"} 1.0', body)

    def test_hello(self) -> None:
        base = self.start([])
        self.assertEqual(self.get(base + "/v1/hello?name=Ada"), (200, json.dumps({"message": "Hello, Ada"})))
        self.assertEqual(self.get(base + "/v1/hello?name=" + "x" * 101)[0], 400)


if __name__ == "__main__":
    unittest.main()
