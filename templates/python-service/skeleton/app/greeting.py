"""The service's one piece of domain logic so far; replace it with yours."""

from typing import Optional

MAX_NAME_LENGTH = 100


def greet(name: Optional[str]) -> str:
    trimmed = (name or "").strip()
    if len(trimmed) > MAX_NAME_LENGTH:
        raise ValueError(f"name must be at most {MAX_NAME_LENGTH} characters")
    return f"Hello, {trimmed or 'world'}"
