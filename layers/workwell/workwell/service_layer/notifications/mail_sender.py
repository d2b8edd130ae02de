"""Sending one email. The adapter decides which failures are permanent."""

from __future__ import annotations

from typing import Protocol

from workwell.domain.notifications.notification_texts import EmailText


class MailRejected(Exception):
    """The mail service refused this message for good (bad address, unverified sender):
    retrying cannot help."""


class MailUnavailable(Exception):
    """The mail service did not take the message for a reason that is not the message's
    (sending paused, throttled, the sender set up wrongly, unreachable): nothing was sent,
    and later it may be. Such failures do not count against the message's attempts."""


class MailSender(Protocol):
    def send(self, *, sender: str, recipient: str, email: EmailText) -> None:
        """Raises MailRejected (refused for good) or MailUnavailable (not sent, try later);
        any other error leaves open whether the message went out."""
        ...
