"""The provisioning command against moto: writes, is idempotent, writes nothing on error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from infra.tenants.definitions import load_definitions
from infra.tenants.provision import main
from tests.conftest import copy_tenant_files

TARGET = ["--main-table", "MainTable", "--audit-table", "AuditTable"]


def test_provisioning_writes_every_tenant_then_changes_nothing(
    dynamodb: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(TARGET) == 0
    first = capsys.readouterr().out
    items = dynamodb.scan(TableName="MainTable")["Items"]

    assert main(TARGET) == 0
    second = capsys.readouterr().out

    assert first.count(": updated") == 6
    assert second.count(": unchanged") == 6
    assert dynamodb.scan(TableName="MainTable")["Items"] == items
    registry = [i for i in items if i["PK"]["S"] == "TENANTS"]
    assert len(registry) == 6
    assert any(i["PK"]["S"] == "GROUP#oulunkaari-region#" for i in items)


def test_a_broken_file_is_reported_and_nothing_is_written(
    dynamodb: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_tenant_files(tmp_path)
    broken = tmp_path / "vaala.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("minimumGroupSize: 5", "minimumGroupSize: 1")
    )

    code = main([*TARGET, "--dir", str(tmp_path)])

    assert code == 2
    assert "vaala.yaml: settings.minimumGroupSize" in capsys.readouterr().err
    assert dynamodb.scan(TableName="MainTable")["Items"] == []


def test_check_refuses_a_broken_service_and_writes_nothing(
    dynamodb: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_tenant_files(tmp_path)
    oulunkaari = tmp_path / "oulunkaari.yaml"
    oulunkaari.write_text(oulunkaari.read_text(encoding="utf-8").replace("kind: new", "kind: brand_new"))

    assert main(["--check", "--dir", str(tmp_path)]) == 2
    assert "oulunkaari.yaml: services.2.kind: " in capsys.readouterr().err
    assert main([*TARGET, "--dir", str(tmp_path)]) == 2
    assert dynamodb.scan(TableName="MainTable")["Items"] == []


def test_the_demo_catalogue_is_written_once(dynamodb: Any, capsys: pytest.CaptureFixture[str]) -> None:
    def services() -> list[dict[str, Any]]:
        items = dynamodb.scan(TableName="MainTable")["Items"]
        return [i for i in items if i.get("entity", {}).get("S") == "tray_service"]

    assert main(TARGET) == 0
    first = services()
    capsys.readouterr()
    assert main(TARGET) == 0
    rerun = capsys.readouterr().out

    assert len(first) == 8
    assert services() == first
    assert rerun.count("services written: 0") == 6
    # A peer service names its provider as their colleagues will see them, and keeps where
    # its notices reach them.
    peer = [json.loads(i["data"]["S"]) for i in first if '"peer"' in i["data"]["S"]]
    mentoring = next(s for s in peer if s.get("proposed_by") == "ii-employee-1")
    assert mentoring["proposer_name"] == "Iin työntekijä"
    assert mentoring["proposer_address"]["email"] == "ii-employee-1@ii.example"


def _settings_items(dynamodb: Any, tenant_id: str) -> dict[str, dict[str, Any]]:
    items = dynamodb.query(
        TableName="MainTable",
        KeyConditionExpression="PK = :pk",
        ExpressionAttributeValues={":pk": {"S": f"TENANT#{tenant_id}#SETTINGS"}},
        ConsistentRead=True,
    )["Items"]
    return {item["SK"]["S"]: item for item in items}


def test_settings_stored_as_one_item_are_migrated_then_dropped(
    dynamodb: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    kokkola = next(t for t in load_definitions().tenants if t.tenant_id == "kokkola").settings
    edited = kokkola.model_copy(
        update={"deadlines": kokkola.deadlines.model_copy(update={"acknowledge_days": 3})}
    )
    # As the earlier version stored them (and an admin's PUT through it changed them).
    dynamodb.put_item(
        TableName="MainTable",
        Item={
            "PK": {"S": "TENANT#kokkola#SETTINGS"},
            "SK": {"S": "CURRENT"},
            "entity": {"S": "tenant_settings"},
            "tenant_id": {"S": "kokkola"},
            "data": {"S": edited.model_dump_json()},
            "version": {"N": "6"},
        },
    )

    assert main(TARGET) == 0
    first = capsys.readouterr().out
    items = dynamodb.scan(TableName="MainTable")["Items"]
    assert main(TARGET) == 0
    second = capsys.readouterr().out

    assert (
        "migrated settings of kokkola from the single item; the old item is kept until --drop-legacy-settings"
        in first
    )
    assert second.count(": unchanged") == 6
    assert "migrated" not in second
    assert dynamodb.scan(TableName="MainTable")["Items"] == items
    stored = _settings_items(dynamodb, "kokkola")
    assert set(stored) == {"CURRENT", "PART#organisation", "PART#reporting", "PART#tray", "PART#survey"}
    parts = ("organisation", "reporting", "tray", "survey")
    assert [stored[f"PART#{p}"]["version"]["N"] for p in parts] == ["1"] * 4
    assert json.loads(stored["PART#reporting"]["data"]["S"])["deadlines"]["acknowledge_days"] == 3
    assert stored["CURRENT"]["version"]["N"] == "6"

    assert main([*TARGET, "--drop-legacy-settings"]) == 0
    dropped = capsys.readouterr().out

    assert "dropped the single settings item of kokkola" in dropped
    assert dropped.count("dropped the single settings item") == 1
    assert "kept the single settings item" not in dropped
    assert set(_settings_items(dynamodb, "kokkola")) == {f"PART#{p}" for p in parts}
    reporting = _settings_items(dynamodb, "kokkola")["PART#reporting"]
    assert json.loads(reporting["data"]["S"])["deadlines"]["acknowledge_days"] == 3
