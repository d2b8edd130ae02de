"""The cursor codec against KMS HMAC (moto)."""

from __future__ import annotations

import boto3
import pytest

from infra.local.aws_resources import LOCAL_REGION, LocalResources
from workwell.adapters.signed_cursor import SignedCursorCodec, cursor_binding
from workwell.domain.errors import InvalidCursor

POSITION = {"PK": {"S": "TENANT#ii#STAFF"}, "SK": {"S": "USER#ii-hrdir-1"}}


@pytest.fixture
def codec(aws: LocalResources) -> SignedCursorCodec:
    return SignedCursorCodec(boto3.client("kms", region_name=LOCAL_REGION), aws.refs["CursorSigningKey"])


def test_a_cursor_round_trips_for_its_own_binding(codec: SignedCursorCodec) -> None:
    binding = cursor_binding("ii", "ii-admin-1", "GET /staff")

    assert codec.decode(codec.encode(POSITION, binding), binding) == POSITION


@pytest.mark.parametrize(
    "other",
    [
        ("ii", "ii-admin-2", "GET /staff"),
        ("vaala", "ii-admin-1", "GET /staff"),
        ("ii", "ii-admin-1", "GET /cases"),
    ],
)
def test_a_cursor_is_bound_to_tenant_caller_and_query(
    codec: SignedCursorCodec, other: tuple[str, str, str]
) -> None:
    cursor = codec.encode(POSITION, cursor_binding("ii", "ii-admin-1", "GET /staff"))

    with pytest.raises(InvalidCursor):
        codec.decode(cursor, cursor_binding(*other))


def test_an_overlong_cursor_is_refused_without_a_kms_call(codec: SignedCursorCodec) -> None:
    with pytest.raises(InvalidCursor):
        codec.decode("a" * 5000 + "." + "b", cursor_binding("ii", "u", "q"))
