"""People's survey keys with KMS (moto): a data key per person, wrapped with the person's
context, and AES-GCM per record with the record's ids as associated data."""

from __future__ import annotations

import boto3
import pytest

from infra.local.aws_resources import LOCAL_REGION, LocalResources
from workwell.adapters.kms_survey_keys import KmsSurveyKeys
from workwell.service_layer.survey.survey_keys import SealedRecord, SealRejected

ANSWERS = {"answers": {"who5_1": 3}, "screening": "yes"}
RESPONSE = SealedRecord("vaala", "vaala-employee-1", "survey_response", "r-1")


@pytest.fixture
def keys(aws: LocalResources) -> KmsSurveyKeys:
    return KmsSurveyKeys(
        boto3.client("kms", region_name=LOCAL_REGION), aws.attributes[("RestrictedDataKey", "Arn")]
    )


def test_a_sealed_response_opens_with_the_persons_key_unwrapped_again(keys: KmsSurveyKeys) -> None:
    key, wrapped = keys.new_key("vaala", "vaala-employee-1")

    sealed = key.seal(ANSWERS, RESPONSE)
    again = keys.open_key("vaala", "vaala-employee-1", wrapped)

    assert "who5" not in sealed
    assert "yes" not in sealed
    assert again.open(sealed, RESPONSE) == ANSWERS
    assert key.seal(ANSWERS, RESPONSE) != sealed, "every sealing has its own nonce"


@pytest.mark.parametrize(
    "elsewhere",
    [
        SealedRecord("vaala", "vaala-employee-1", "survey_response", "r-2"),
        SealedRecord("vaala", "vaala-employee-2", "survey_response", "r-1"),
        SealedRecord("ii", "vaala-employee-1", "survey_response", "r-1"),
        SealedRecord("vaala", "vaala-employee-1", "survey_latest", "r-1"),
    ],
)
def test_a_sealed_value_moved_to_another_record_person_or_tenant_does_not_open(
    keys: KmsSurveyKeys, elsewhere: SealedRecord
) -> None:
    key, _ = keys.new_key("vaala", "vaala-employee-1")
    sealed = key.seal(ANSWERS, RESPONSE)

    with pytest.raises(SealRejected):
        key.open(sealed, elsewhere)


def test_a_tampered_value_does_not_open(keys: KmsSurveyKeys) -> None:
    key, _ = keys.new_key("vaala", "vaala-employee-1")
    sealed = key.seal(ANSWERS, RESPONSE)
    flipped = sealed[:-6] + ("A" if sealed[-6] != "A" else "B") + sealed[-5:]

    with pytest.raises(SealRejected):
        key.open(flipped, RESPONSE)
    with pytest.raises(SealRejected):
        key.open("not base64!", RESPONSE)


def test_a_wrapped_key_does_not_unwrap_as_another_persons(keys: KmsSurveyKeys) -> None:
    _, wrapped = keys.new_key("vaala", "vaala-employee-1")

    with pytest.raises(SealRejected):
        keys.open_key("vaala", "vaala-employee-2", wrapped)
    with pytest.raises(SealRejected):
        keys.open_key("ii", "vaala-employee-1", wrapped)
