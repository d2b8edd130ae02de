"""Person blinding against moto's KMS HMAC key from template.yaml."""

from __future__ import annotations

import hashlib
import hmac
from unittest import mock

import boto3
from botocore.client import BaseClient

from infra.local.aws_resources import LOCAL_REGION, LocalResources
from workwell.adapters.kms_person_blinding import KmsPersonBlinding


def blinding(aws: LocalResources) -> KmsPersonBlinding:
    kms = boto3.client("kms", region_name=LOCAL_REGION)
    return KmsPersonBlinding(kms, aws.attributes[("PeopleBlindingKey", "Arn")])


def test_tokens_are_stable_one_way_and_per_tenant(aws: LocalResources) -> None:
    first, second = blinding(aws), blinding(aws)

    token = first.blind("kokkola", "kokkola-hrdir-sari")

    assert token == second.blind("kokkola", "kokkola-hrdir-sari")  # another container agrees
    # Not a plain hash anyone could recompute from the staff directory.
    assert token != hashlib.sha256(b"kokkola-hrdir-sari").hexdigest()
    assert token != hmac.new(b"kokkola", b"kokkola-hrdir-sari", hashlib.sha256).hexdigest()
    assert token != first.blind("ii", "kokkola-hrdir-sari")
    assert token != first.blind("kokkola", "kokkola-hrdir-sarI")


def test_one_kms_call_per_tenant_and_container(aws: LocalResources) -> None:
    subject = blinding(aws)
    calls: list[str] = []
    original = BaseClient._make_api_call

    def counting(client: BaseClient, operation: str, params: dict[str, object]) -> object:
        calls.append(operation)
        return original(client, operation, params)

    with mock.patch.object(BaseClient, "_make_api_call", counting):
        for person in ("a", "b", "c"):
            subject.blind("kokkola", person)
        subject.blind("ii", "a")

    assert calls == ["GenerateMac", "GenerateMac"]
