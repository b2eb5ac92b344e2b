"""Readiness: every dependency the service needs before it can take traffic."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor, TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Callable, Dict, List, Tuple


@dataclass(frozen=True)
class ReadinessCheck:
    name: str
    check: Callable[[], None]


def check_readiness(checks: List[ReadinessCheck], timeout_s: float = 2.0) -> Tuple[bool, Dict[str, str]]:
    """Runs the checks with a deadline, so a hung dependency reports as not ready instead of hanging the probe."""
    results: Dict[str, str] = {}
    if not checks:
        return True, results
    with ThreadPoolExecutor(max_workers=len(checks)) as pool:
        futures = {check.name: pool.submit(check.check) for check in checks}
        for name, future in futures.items():
            try:
                future.result(timeout=timeout_s)
                results[name] = "ok"
            except FutureTimeout:
                results[name] = f"timed out after {timeout_s} s"
            except Exception as error:  # noqa: BLE001 - any failure means not ready
                results[name] = str(error) or type(error).__name__
    return all(result == "ok" for result in results.values()), results
