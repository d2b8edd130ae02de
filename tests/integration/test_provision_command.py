"""The provisioning command against moto: writes, is idempotent, writes nothing on error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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
