"""Entry point: `python -m app`."""

from __future__ import annotations

import signal
import sys
import threading

from .config import read_config
from .logging_setup import configure_logging
from .metrics import create_metrics
from .readiness import ReadinessCheck
from .server import create_server


def main() -> int:
    config = read_config()
    logger = configure_logging(config.log_level)
    checks: list[ReadinessCheck] = []
{%- if values.database == 'postgres' %}
    if not config.database_url:
        logger.critical("DATABASE_URL is not set")
        return 1
    from .database import create_pool, database_readiness

    pool = create_pool(config.database_url)
    checks.append(database_readiness(pool))
{%- endif %}

    server = create_server(config.http_port, create_metrics(), checks, logger)

    # Kubernetes sends SIGTERM and waits terminationGracePeriodSeconds: finish in-flight requests.
    def shutdown(signum: int, _frame: object) -> None:
        logger.info("shutting down", extra={"signal": signal.Signals(signum).name})
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, shutdown)
    signal.signal(signal.SIGINT, shutdown)
    logger.info("HTTP server listening", extra={"port": server.server_address[1]})
    server.serve_forever()
    server.server_close()
{%- if values.database == 'postgres' %}
    pool.close()
{%- endif %}
    return 0


if __name__ == "__main__":
    sys.exit(main())
