"""What makes a creating request the same request again: its idempotency scope and its
payload, as digests that can be stored without revealing either."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CreationToken:
    # A digest of (tenant, caller, Idempotency-Key): safe to store, it reveals none of them.
    key: str
    # A digest of the payload keyed with the scope: a table dump cannot test guesses of a
    # short report text against it, because the scope (with the client's key) is never stored.
    payload_digest: str
