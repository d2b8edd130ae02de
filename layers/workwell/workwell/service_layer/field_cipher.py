"""Contract for encrypting restricted fields (report content, messages, survey answers)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class RecordContext:
    """Ids only, never content: bound into the ciphertext, so a ciphertext moved to another
    record or tenant does not decrypt."""

    tenant_id: str
    record_type: str
    record_id: str

    def as_encryption_context(self) -> dict[str, str]:
        return {"tenant_id": self.tenant_id, "record_type": self.record_type, "record_id": self.record_id}


class FieldCipher(Protocol):
    def encrypt(self, value: Any, record: RecordContext) -> str: ...

    def decrypt(self, ciphertext: str, record: RecordContext) -> Any: ...
