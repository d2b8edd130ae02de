"""Report references and anonymous receipt codes.

References are random (40 bits), never a running number: a gap in a sequence would reveal
that hidden reports exist. Receipts carry 100 bits, are shown once, and are kept only as a
digest, compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

# Crockford's base32: no I, L, O or U, so codes survive being read aloud or copied by hand.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})
RECEIPT_GROUPS = 5
_GROUP = 4
RECEIPT_PATTERN = r"^[0-9A-Za-z -]{20,40}$"
_SEPARATORS = re.compile(r"[\s-]+")


def _random_group() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(_GROUP))


def new_reference(prefix: str) -> str:
    """E.g. KOK-7KQ2-9MXD."""
    return f"{prefix}-{_random_group()}-{_random_group()}"


def new_receipt_code() -> str:
    """E.g. 4F7Q-M2KD-9XZA-HR3T-W8NB: 20 symbols of 5 bits."""
    return "-".join(_random_group() for _ in range(RECEIPT_GROUPS))


def normalise_receipt(code: str) -> str:
    return _SEPARATORS.sub("", code).upper().translate(_READ_AS)


def receipt_digest(tenant_id: str, code: str) -> str:
    """What is stored instead of the receipt. At 100 bits of entropy a plain SHA-256 cannot
    be reversed by guessing; the tenant is mixed in so digests differ across tenants."""
    return hashlib.sha256(f"{tenant_id}\x00{normalise_receipt(code)}".encode()).hexdigest()


def receipt_matches(stored_digest: str, tenant_id: str, code: str) -> bool:
    return hmac.compare_digest(stored_digest, receipt_digest(tenant_id, code))
