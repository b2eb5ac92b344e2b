"""Settings from the environment (12-factor); the Helm chart sets them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping, Optional


@dataclass(frozen=True)
class ServiceConfig:
    http_port: int
    log_level: str
    database_url: Optional[str]


def _port(value: Optional[str], fallback: int, variable: str) -> int:
    if value is None or value == "":
        return fallback
    try:
        port = int(value)
    except ValueError:
        raise ValueError(f"{variable} must be a port number, got {value!r}") from None
    if not 0 <= port <= 65535:
        raise ValueError(f"{variable} must be between 0 and 65535, got {port}")
    return port


def read_config(env: Mapping[str, str] = os.environ) -> ServiceConfig:
    return ServiceConfig(
        http_port=_port(env.get("PORT"), ${{ values.httpPort }}, "PORT"),
        log_level=env.get("LOG_LEVEL", "info").upper(),
        database_url=env.get("DATABASE_URL") or None,
    )
