"""Prometheus metrics: process defaults plus request counts and latencies (RED)."""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Histogram, ProcessCollector, PlatformCollector


@dataclass
class Metrics:
    registry: CollectorRegistry
    requests: Counter
    duration: Histogram


def create_metrics() -> Metrics:
    # A registry per server (not the global one) keeps tests independent of each other.
    registry = CollectorRegistry()
    ProcessCollector(registry=registry)
    PlatformCollector(registry=registry)
    requests = Counter(
        "http_requests",
        "HTTP requests, by method, route and status code",
        ["method", "route", "status"],
        registry=registry,
    )
    duration = Histogram(
        "http_request_duration_seconds",
        "HTTP request latency, by method and route",
        ["method", "route"],
        buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
        registry=registry,
    )
    return Metrics(registry=registry, requests=requests, duration=duration)
