"""A signed-in reporter's email address and language, kept sealed on the case so that the
notifier can tell them something happened. Sealed under its own record type, which the
notifier's key permission is limited to: the notifier can open contacts, never content."""

from __future__ import annotations

from dataclasses import dataclass

from workwell.domain.staff.principal import Identity
from workwell.service_layer.field_cipher import FieldCipher, RecordContext

REPORTER_CONTACT_RECORD = "reporter_contact"


@dataclass(frozen=True)
class ReporterContact:
    email: str
    language: str


def seal_contact(identity: Identity, report_id: str, cipher: FieldCipher) -> str | None:
    """None where the reporter has no email address (they follow the case by signing in)."""
    if not identity.email:
        return None
    record = RecordContext(identity.tenant_id, REPORTER_CONTACT_RECORD, report_id)
    return cipher.encrypt({"email": identity.email, "language": identity.language}, record)


def open_contact(sealed: str, tenant_id: str, report_id: str, cipher: FieldCipher) -> ReporterContact:
    value = cipher.decrypt(sealed, RecordContext(tenant_id, REPORTER_CONTACT_RECORD, report_id))
    return ReporterContact(email=str(value["email"]), language=str(value["language"]))
