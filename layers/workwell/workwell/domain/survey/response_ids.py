"""Survey response ids: time first (UTC, to the microsecond), so a person's responses sort
by it, then randomness."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

RESPONSE_ID_PATTERN = r"^[0-9]{20}[0-9a-f]{8}$"


def new_response_id(now: datetime) -> str:
    return f"{now.astimezone(UTC):%Y%m%d%H%M%S%f}{secrets.token_hex(4)}"
