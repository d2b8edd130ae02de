"""Provision tenants from infra/tenants/*.yaml into a local emulator or a deployed stack.

    python -m infra.tenants.provision --endpoint-url http://127.0.0.1:5000 \\
        --main-table MainTable --audit-table AuditTable
    python -m infra.tenants.provision --stack workwell --region eu-north-1

All files are validated first; if any is broken, the problems are printed and nothing is
written. By default only what is missing is created, so changes tenant admins made through
the API survive a re-run; --update applies the files over existing items.

Settings stored as one item by the earlier version are split into parts from that item (it
holds the admins' edits), and the item is kept for the earlier code still running during a
deploy; --drop-legacy-settings, run once the new code is deployed, deletes it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import boto3

from infra.tenants.definitions import TENANTS_DIR, DefinitionError, Definitions, load_definitions
from workwell.adapters.dynamodb_unit_of_work import DynamoDbUnitOfWork, TableNames
from workwell.service_layer.tenants.provisioning import (
    ProvisioningReport,
    drop_legacy_settings,
    provision_group,
    provision_tenant,
)
from workwell.service_layer.unit_of_work import UnitOfWork


def provision_all(
    definitions: Definitions,
    uow_factory: Callable[[], UnitOfWork],
    update_existing: bool = False,
    drop_legacy: bool = False,
) -> list[ProvisioningReport]:
    reports = [provision_tenant(tenant, uow_factory, update_existing) for tenant in definitions.tenants]
    for group in definitions.groups:
        provision_group(group, uow_factory)
    if drop_legacy:
        for report in reports:
            # After provisioning, which migrated (or found migrated) what it could.
            report.legacy_item = drop_legacy_settings(report.tenant_id, uow_factory)
    return reports


def _legacy_notes(report: ProvisioningReport) -> list[str]:
    tenant = report.tenant_id
    notes = {
        "migrated": f"migrated settings of {tenant} from the single item; the old item is kept until"
        " --drop-legacy-settings",
        "both_changed": f"settings of {tenant}: the single item and the parts both changed since they were"
        " split; kept both, nothing overwritten: make the settings right through PUT /tenant/settings,"
        " then delete the single item (SK CURRENT) by hand",
        "dropped": f"dropped the single settings item of {tenant} (its parts carry it)",
        "kept": f"kept the single settings item of {tenant}: its parts do not carry it (see above)",
    }
    return [notes[outcome] for outcome in (report.legacy_settings, report.legacy_item) if outcome]


def _tables_of_stack(session: boto3.Session, stack: str) -> TableNames:
    cloudformation = session.client("cloudformation")

    def physical(logical: str) -> str:
        resource = cloudformation.describe_stack_resource(StackName=stack, LogicalResourceId=logical)
        return str(resource["StackResourceDetail"]["PhysicalResourceId"])

    return TableNames(main=physical("MainTable"), audit=physical("AuditTable"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dir", type=Path, default=TENANTS_DIR, help="folder of tenant files")
    parser.add_argument("--check", action="store_true", help="validate the files only")
    parser.add_argument(
        "--update",
        action="store_true",
        help="also overwrite existing settings, staff entries and services (default: create what is missing)",
    )
    parser.add_argument(
        "--drop-legacy-settings",
        action="store_true",
        help="after provisioning, delete the settings stored as one item by the earlier version"
        " where their parts exist (run once the new code is deployed)",
    )
    parser.add_argument("--endpoint-url", help="AWS endpoint, e.g. the local emulator")
    parser.add_argument("--region", default="eu-north-1")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--stack", help="deployed stack whose tables to write")
    target.add_argument("--main-table", help="main table name (with --audit-table)")
    parser.add_argument("--audit-table", default="AuditTable")
    args = parser.parse_args(argv)

    try:
        definitions = load_definitions(args.dir)
    except DefinitionError as error:
        print("Tenant files are not valid; nothing was written:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    if args.check:
        print(f"{len(definitions.tenants)} tenant files and {len(definitions.groups)} group files are valid.")
        return 0
    if not (args.stack or args.main_table):
        parser.error("give --stack or --main-table (or --check)")

    session = boto3.Session(region_name=args.region)
    tables = (
        _tables_of_stack(session, args.stack)
        if args.stack
        else TableNames(main=args.main_table, audit=args.audit_table)
    )
    client = session.client("dynamodb", endpoint_url=args.endpoint_url)
    reports = provision_all(
        definitions, lambda: DynamoDbUnitOfWork(client, tables), args.update, args.drop_legacy_settings
    )
    for report in reports:
        state = "updated" if report.changed else "unchanged"
        print(
            f"{report.tenant_id}: {state} (settings changed: {report.settings_changed}, staff written: {len(report.staff_written)}, staff skipped: {len(report.staff_skipped)}, services written: {len(report.services_written)})"
        )
        for note in _legacy_notes(report):
            print(note)
    needs_attention = any(r.legacy_settings == "both_changed" or r.legacy_item == "kept" for r in reports)
    return 1 if needs_attention else 0


if __name__ == "__main__":
    sys.exit(main())
