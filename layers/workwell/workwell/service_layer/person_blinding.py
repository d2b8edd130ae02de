"""Blinding people's ids where a record must be able to recognise a person without naming
them (recusals): a keyed, per-tenant one-way token."""

from __future__ import annotations

from typing import Protocol


class PersonBlinding(Protocol):
    def blind(self, tenant_id: str, user_id: str) -> str:
        """The same person in the same tenant always gets the same token; without the key
        nobody can tell whose it is, even by trying every id in the staff directory."""
        ...
