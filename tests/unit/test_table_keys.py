from __future__ import annotations

import pytest

from workwell.adapters import table_keys


def test_tenant_keys_lead_with_the_tenant() -> None:
    keys = [
        table_keys.settings_part_key("ii", "reporting"),
        table_keys.staff_member_key("ii", "u-1"),
        table_keys.staff_role_key("ii", "hr_director", "u-1"),
        table_keys.audit_key("ii", "staff_member", "u-1", "2026-11-23T08:00:00+00:00", "e1"),
    ]

    assert all(key["PK"].startswith("TENANT#ii#") for key in keys)


@pytest.mark.parametrize("tenant_id", ["", "Vaala", "ii#STAFF", "ii STAFF", "a" * 41])
def test_a_malformed_tenant_id_never_produces_a_key(tenant_id: str) -> None:
    with pytest.raises(ValueError, match="slug"):
        table_keys.settings_part_key(tenant_id, "organisation")


def test_staff_role_items_sort_under_their_role() -> None:
    key = table_keys.staff_role_key("ii", "safety_representative", "u-1")

    assert key["SK"].startswith(table_keys.staff_role_prefix("safety_representative"))
    assert not key["SK"].startswith(table_keys.staff_role_prefix("safety_manager"))


def test_tray_keys_lead_with_a_tenant_or_a_group_and_refuse_what_is_no_slug() -> None:
    service_id = "oulunkaari." + "a" * 32
    assert table_keys.tray_service_key("oulunkaari", service_id)["PK"] == "TENANT#oulunkaari#SERVICES"
    assert table_keys.tray_order_key("oulunkaari", service_id)["PK"].startswith("TENANT#oulunkaari#ORDER#")
    assert table_keys.orderer_partition("vaala", "u-1").startswith("TENANT#vaala#")
    assert table_keys.group_published_services_partition("oulunkaari-region") == (
        "GROUP#oulunkaari-region#SERVICES#PUBLISHED"
    )
    # A user id cannot name the organisation's order partition.
    assert table_keys.provider_orders_partition(
        "ii", "organisation"
    ) != table_keys.organisation_orders_partition("ii")
    for bad in ("", "Oulunkaari", "x#y"):
        with pytest.raises(ValueError, match="slug"):
            table_keys.group_published_services_partition(bad)
        with pytest.raises(ValueError, match="slug"):
            table_keys.published_services_partition(bad)
