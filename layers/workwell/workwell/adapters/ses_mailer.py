"""Sending through SES v2: plain text only (nothing for a mail client to fetch or track),
and SES's permanent refusals told apart from what a retry may fix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from botocore.exceptions import ClientError, ConnectTimeoutError, EndpointConnectionError

from workwell.domain.notifications.notification_texts import EmailText
from workwell.service_layer.notifications.mail_sender import MailRejected, MailUnavailable

if TYPE_CHECKING:
    from mypy_boto3_sesv2.client import SESV2Client

# Errors that say this message can never be sent as it is (its address, its content).
# A tenant's sender set up wrongly (MailFromDomainNotVerified, NotFound) is not among them:
# it is retried, and alarmed, until someone fixes the configuration.
_PERMANENT = {"MessageRejected", "BadRequestException"}


class SesMailer:
    def __init__(self, client: SESV2Client) -> None:
        self._client = client

    def send(self, *, sender: str, recipient: str, email: EmailText) -> None:
        try:
            self._client.send_email(
                FromEmailAddress=sender,
                Destination={"ToAddresses": [recipient]},
                Content={
                    "Simple": {
                        "Subject": {"Data": email.subject, "Charset": "UTF-8"},
                        "Body": {"Text": {"Data": email.body, "Charset": "UTF-8"}},
                    }
                },
            )
        except ClientError as error:
            # SES answered, so it did not send: for good, or for now.
            if error.response.get("Error", {}).get("Code", "") in _PERMANENT:
                raise MailRejected("the mail service refused the message") from None
            # Only the error code travels on: SES's messages may name addresses, and this
            # error ends up in logs.
            code = error.response.get("Error", {}).get("Code", "unknown")
            raise MailUnavailable(f"the mail service did not take the message ({code})") from None
        except (ConnectTimeoutError, EndpointConnectionError):
            raise MailUnavailable("the mail service could not be reached") from None
