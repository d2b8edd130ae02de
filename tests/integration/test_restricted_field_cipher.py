"""Restricted-field encryption with KMS (moto) and an ids-only encryption context."""

from __future__ import annotations

import pytest

from infra.local.aws_resources import LocalResources
from tests.conftest import CANARY
from workwell.adapters.restricted_field_cipher import CiphertextRejected, RestrictedFieldCipher
from workwell.service_layer.field_cipher import RecordContext

REPORT = RecordContext("kokkola", "report", "r-1")


@pytest.fixture
def cipher(aws: LocalResources) -> RestrictedFieldCipher:
    return RestrictedFieldCipher(aws.attributes[("RestrictedDataKey", "Arn")])


def test_round_trip_without_plaintext_in_the_ciphertext(cipher: RestrictedFieldCipher) -> None:
    content = {"description": CANARY, "people": ["Someone"]}

    sealed = cipher.encrypt(content, REPORT)

    assert CANARY not in sealed
    assert cipher.decrypt(sealed, REPORT) == content


@pytest.mark.parametrize(
    "elsewhere",
    [
        RecordContext("kokkola", "report", "r-2"),
        RecordContext("vaala", "report", "r-1"),
        RecordContext("kokkola", "survey_response", "r-1"),
    ],
)
def test_a_ciphertext_moved_to_another_record_or_tenant_does_not_decrypt(
    cipher: RestrictedFieldCipher, elsewhere: RecordContext
) -> None:
    sealed = cipher.encrypt({"description": CANARY}, REPORT)

    with pytest.raises(CiphertextRejected):
        cipher.decrypt(sealed, elsewhere)


def test_a_tampered_ciphertext_does_not_decrypt(cipher: RestrictedFieldCipher) -> None:
    sealed = cipher.encrypt({"description": CANARY}, REPORT)
    middle = len(sealed) // 2
    tampered = sealed[:middle] + ("A" if sealed[middle] != "A" else "B") + sealed[middle + 1 :]

    with pytest.raises(CiphertextRejected):
        cipher.decrypt(tampered, REPORT)
