"""The cursor codec against KMS HMAC (moto)."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from infra.local.aws_resources import LOCAL_REGION, LocalResources
from tests.unit.fakes import FixedClock
from workwell.adapters.signed_cursor import CURSOR_MAX_AGE_SECONDS, MAX_CURSOR_LENGTH, SignedCursorCodec
from workwell.domain.errors import InvalidCursor
from workwell.service_layer.pagination import cursor_binding

POSITION = {"PK": {"S": "TENANT#ii#STAFF"}, "SK": {"S": "USER#ii-hrdir-1"}}
BINDING = cursor_binding("ii", "ii-admin-1", "GET /staff")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def codec(aws: LocalResources, clock: FixedClock) -> SignedCursorCodec:
    return SignedCursorCodec(
        boto3.client("kms", region_name=LOCAL_REGION), aws.refs["CursorSigningKey"], clock
    )


def test_a_cursor_round_trips_for_its_own_binding(codec: SignedCursorCodec) -> None:
    assert codec.decode(codec.encode(POSITION, BINDING), BINDING) == POSITION


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
    cursor = codec.encode(POSITION, BINDING)

    with pytest.raises(InvalidCursor):
        codec.decode(cursor, cursor_binding(*other))


def test_a_cursor_expires(codec: SignedCursorCodec, clock: FixedClock) -> None:
    cursor = codec.encode(POSITION, BINDING)
    clock.advance(CURSOR_MAX_AGE_SECONDS - 1)
    assert codec.decode(cursor, BINDING) == POSITION

    clock.advance(2)
    with pytest.raises(InvalidCursor):
        codec.decode(cursor, BINDING)


class NoKms:
    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"KMS {name} must not be called")


def test_an_overlong_cursor_is_refused_without_a_kms_call(clock: FixedClock) -> None:
    codec = SignedCursorCodec(NoKms(), "key", clock)  # type: ignore[arg-type]
    well_formed_but_long = "QUJD" * (MAX_CURSOR_LENGTH // 4) + ".QUJD"

    with pytest.raises(InvalidCursor):
        codec.decode(well_formed_but_long, BINDING)
