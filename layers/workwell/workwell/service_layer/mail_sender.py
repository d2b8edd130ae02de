"""Sending one email. The adapter decides which failures are permanent."""

from __future__ import annotations

from typing import Protocol

from workwell.domain.notification_texts import EmailText


class MailRejected(Exception):
    """The mail service refused this message for good (bad address, unverified sender):
    retrying cannot help."""


class MailSender(Protocol):
    def send(self, *, sender: str, recipient: str, email: EmailText) -> None:
        """Raises MailRejected for a permanent refusal; anything else may pass on retry."""
        ...
