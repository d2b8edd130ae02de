"""The DynamoDB unit of work: one transaction, conditions enforced, errors translated."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.conftest import make_principal
from workwell.adapters.dynamodb_unit_of_work import DynamoDbUnitOfWork, TableNames
from workwell.domain.errors import Conflict
from workwell.domain.staff.roles import Role
from workwell.domain.staff.staff import StaffMember
from workwell.service_layer.call_context import CallContext


def member(roles: list[str]) -> StaffMember:
    return StaffMember.model_validate(
        {"userId": "u-1", "name": "Liisa", "email": "liisa@ii.example", "roles": roles}
    )


def scan(dynamodb: Any, table: str) -> list[dict[str, Any]]:
    return list(dynamodb.scan(TableName=table)["Items"])


def test_staff_entry_role_items_and_audit_land_together(dynamodb: Any, tables: TableNames) -> None:
    uow = DynamoDbUnitOfWork(dynamodb, tables)
    ctx = CallContext(
        make_principal({Role.TENANT_ADMIN}, tenant_id="ii"), "req-1", datetime(2026, 11, 23, tzinfo=UTC)
    )

    uow.staff.stage_save("ii", member(["hr_director", "safety_manager"]), None, None)
    uow.audit.stage(ctx.audit_event("staff.added", "staff_member", "u-1"))
    uow.commit()

    directory = DynamoDbUnitOfWork(dynamodb, tables).staff
    assert directory.get("ii", "u-1").version == 1  # type: ignore[union-attr]
    assert directory.user_ids_with_role("ii", "hr_director") == ["u-1"]
    assert directory.user_ids_with_role("ii", "safety_manager") == ["u-1"]
    audit = scan(dynamodb, tables.audit)
    assert [(a["action"]["S"], a["actor_id"]["S"]) for a in audit] == [("staff.added", "user-1")]


def test_a_failed_condition_writes_nothing_at_all(dynamodb: Any, tables: TableNames) -> None:
    first = DynamoDbUnitOfWork(dynamodb, tables)
    first.staff.stage_save("ii", member(["hr_director"]), None, None)
    first.commit()
    before = scan(dynamodb, tables.main)

    stale = DynamoDbUnitOfWork(dynamodb, tables)
    ctx = CallContext(
        make_principal({Role.TENANT_ADMIN}, tenant_id="ii"), "req-2", datetime(2026, 11, 23, tzinfo=UTC)
    )
    stale.staff.stage_save("ii", member(["safety_manager"]), 7, member(["hr_director"]))
    stale.audit.stage(ctx.audit_event("staff.updated", "staff_member", "u-1"))
    with pytest.raises(Conflict):
        stale.commit()

    assert scan(dynamodb, tables.main) == before
    assert scan(dynamodb, tables.audit) == []


def test_a_role_change_moves_the_role_items(dynamodb: Any, tables: TableNames) -> None:
    uow = DynamoDbUnitOfWork(dynamodb, tables)
    uow.staff.stage_save("ii", member(["hr_director"]), None, None)
    uow.commit()

    uow.staff.stage_save("ii", member(["safety_manager"]), 1, member(["hr_director"]))
    uow.commit()

    assert uow.staff.user_ids_with_role("ii", "hr_director") == []
    assert uow.staff.user_ids_with_role("ii", "safety_manager") == ["u-1"]


def test_removal_takes_the_role_items_with_it(dynamodb: Any, tables: TableNames) -> None:
    uow = DynamoDbUnitOfWork(dynamodb, tables)
    uow.staff.stage_save("ii", member(["hr_director"]), None, None)
    uow.commit()

    uow.staff.stage_remove("ii", member(["hr_director"]), 1)
    uow.commit()

    assert [item["SK"]["S"] for item in scan(dynamodb, tables.main)] == ["REVISION"]
    assert uow.staff.revision("ii") == 2


def test_a_rolled_back_unit_of_work_writes_nothing(dynamodb: Any, tables: TableNames) -> None:
    with DynamoDbUnitOfWork(dynamodb, tables) as uow:
        uow.staff.stage_save("ii", member(["hr_director"]), None, None)

    assert scan(dynamodb, tables.main) == []


def test_more_than_a_hundred_staff_entries_are_read_in_one_call(dynamodb: Any, tables: TableNames) -> None:
    """BatchGetItem takes 100 keys at most; a tenant may have more supervisors."""
    for index in range(130):
        entry = member(["safety_representative"]).model_copy(update={"user_id": f"u-{index:03d}"})
        uow = DynamoDbUnitOfWork(dynamodb, tables)
        uow.staff.stage_save("ii", entry, None, None)
        uow.commit()

    found = DynamoDbUnitOfWork(dynamodb, tables).staff.get_many("ii", [f"u-{i:03d}" for i in range(131)])

    assert sorted(found) == [f"u-{i:03d}" for i in range(130)]
