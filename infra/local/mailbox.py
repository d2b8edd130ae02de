"""The emails SES would have sent, read from the emulator in this process (moto documents
`ses_backends[...].sent_messages` for exactly this)."""

from __future__ import annotations

import email
from dataclasses import asdict, dataclass
from email import policy
from typing import Any

from infra.local.aws_resources import LOCAL_REGION


@dataclass(frozen=True)
class MailboxEntry:
    message_id: str
    sender: str
    recipients: list[str]
    subject: str
    body: str

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        return {"messageId": data.pop("message_id"), **data}


def _from_raw(message: Any) -> MailboxEntry:
    parsed = email.message_from_string(message.raw_data, policy=policy.default)
    part = parsed.get_body(preferencelist=("plain", "html"))
    body = part.get_content() if part is not None else ""
    return MailboxEntry(
        message_id=message.id,
        sender=str(parsed.get("From", message.source)),
        recipients=list(message.destinations),
        subject=str(parsed.get("Subject", "")),
        body=str(body),
    )


def _from_simple(message: Any) -> MailboxEntry:
    recipients = [
        address
        for kind in ("ToAddresses", "CcAddresses", "BccAddresses")
        for address in message.destinations.get(kind, [])
    ]
    return MailboxEntry(message.id, message.source, recipients, message.subject, message.body)


def sent_emails(region: str = LOCAL_REGION) -> list[MailboxEntry]:
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.ses.models import RawMessage, ses_backends

    messages = ses_backends[DEFAULT_ACCOUNT_ID][region].sent_messages
    return [_from_raw(m) if isinstance(m, RawMessage) else _from_simple(m) for m in messages]


class MailOutage:
    """Makes the emulator's SES refuse to send for a while, as a real outage would (a
    refusal the notifier treats as passing: it retries, and the sweeper re-drives)."""

    def __init__(self) -> None:
        self._patch: Any = None

    @property
    def active(self) -> bool:
        return self._patch is not None

    def begin(self) -> None:
        if self._patch is not None:
            return
        from unittest import mock

        from moto.core.exceptions import JsonRESTError
        from moto.sesv2.models import SESV2Backend

        def refuse(*args: Any, **kwargs: Any) -> Any:
            raise JsonRESTError("SendingPausedException", "Sending is paused (local outage).")

        self._patch = mock.patch.object(SESV2Backend, "send_email", refuse)
        self._patch.start()

    def end(self) -> None:
        if self._patch is not None:
            self._patch.stop()
            self._patch = None
