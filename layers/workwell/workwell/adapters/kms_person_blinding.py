"""Person blinding with a KMS HMAC key. Each tenant gets its own derived key (one
GenerateMac per container and tenant, then kept in memory), so tokens cost no KMS call per
person and differ across tenants."""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from workwell.domain.errors import ServiceBusy

if TYPE_CHECKING:
    from mypy_boto3_kms.client import KMSClient

_PURPOSE = b"workwell-person-blinding-v1\x00"
_BUSY = {"ThrottlingException", "KMSInternalException", "LimitExceededException"}


class KmsPersonBlinding:
    def __init__(self, kms: KMSClient, key_id: str) -> None:
        self._kms, self._key_id = kms, key_id
        self._tenant_keys: dict[str, bytes] = {}

    def blind(self, tenant_id: str, user_id: str) -> str:
        return hmac.new(self._key_of(tenant_id), user_id.encode(), hashlib.sha256).hexdigest()

    def _key_of(self, tenant_id: str) -> bytes:
        if tenant_id not in self._tenant_keys:
            try:
                response = self._kms.generate_mac(
                    KeyId=self._key_id, Message=_PURPOSE + tenant_id.encode(), MacAlgorithm="HMAC_SHA_256"
                )
            except ClientError as error:
                if error.response.get("Error", {}).get("Code") in _BUSY:
                    raise ServiceBusy("The service is busy; please try again.") from None
                raise
            self._tenant_keys[tenant_id] = response["Mac"]
        return self._tenant_keys[tenant_id]
