"""The single place where DynamoDB keys are built. The key table is in docs/data-model.md.

Every partition key starts with TENANT#<tenant_id># except the tenant registry and the
tenant-group partitions. Tenant ids are slugs [a-z0-9-], so '#' never occurs inside them."""

from __future__ import annotations

from workwell.domain.identifiers import is_slug

TENANT_REGISTRY_PK = "TENANTS"


def _tenant(tenant_id: str) -> str:
    if not is_slug(tenant_id):
        # Defence in depth: a malformed id must never produce another tenant's key.
        raise ValueError("tenant id is not a slug")
    return f"TENANT#{tenant_id}#"


def settings_partition(tenant_id: str) -> str:
    """One item per part of the settings (organisation, reporting, tray): all are read with
    one query, each is written and checked on its own."""
    return _tenant(tenant_id) + "SETTINGS"


def settings_part_key(tenant_id: str, part: str) -> dict[str, str]:
    return {"PK": settings_partition(tenant_id), "SK": f"PART#{part}"}


def legacy_settings_key(tenant_id: str) -> dict[str, str]:
    """The settings as one item, as the version before the parts stored them: read only to
    migrate them into parts, then deleted (`provision --drop-legacy-settings`)."""
    return {"PK": settings_partition(tenant_id), "SK": "CURRENT"}


def staff_partition(tenant_id: str) -> str:
    return _tenant(tenant_id) + "STAFF"


def staff_member_key(tenant_id: str, user_id: str) -> dict[str, str]:
    return {"PK": staff_partition(tenant_id), "SK": f"USER#{user_id}"}


def staff_revision_key(tenant_id: str) -> dict[str, str]:
    return {"PK": staff_partition(tenant_id), "SK": "REVISION"}


def staff_role_key(tenant_id: str, role: str, user_id: str) -> dict[str, str]:
    """One item per (role, person) in the staff partition: 'people with role R' is a
    begins_with query, with no GSI and no multi-valued index attribute."""
    return {"PK": staff_partition(tenant_id), "SK": f"ROLE#{role}#USER#{user_id}"}


def staff_role_prefix(role: str) -> str:
    return f"ROLE#{role}#"


STAFF_MEMBER_PREFIX = "USER#"


def tenant_registry_key(tenant_id: str) -> dict[str, str]:
    _tenant(tenant_id)
    return {"PK": TENANT_REGISTRY_PK, "SK": f"TENANT#{tenant_id}"}


def tenant_group_key(group_id: str) -> dict[str, str]:
    if not is_slug(group_id):
        raise ValueError("group id is not a slug")
    return {"PK": f"GROUP#{group_id}#", "SK": "MEMBERS"}


def audit_key(tenant_id: str, object_type: str, object_id: str, at_iso: str, event_id: str) -> dict[str, str]:
    """Audit events of one object together, in time order."""
    return {"PK": audit_partition(tenant_id, object_type, object_id), "SK": f"{at_iso}#{event_id}"}


def case_partition(tenant_id: str, report_id: str) -> str:
    """A report, its case, events and messages share one partition."""
    return _tenant(tenant_id) + f"CASE#{report_id}"


def case_key(tenant_id: str, report_id: str) -> dict[str, str]:
    return {"PK": case_partition(tenant_id, report_id), "SK": "CASE"}


MESSAGE_PREFIX = "MESSAGE#"


def case_message_key(tenant_id: str, report_id: str, at_iso: str, message_id: str) -> dict[str, str]:
    return {"PK": case_partition(tenant_id, report_id), "SK": f"{MESSAGE_PREFIX}{at_iso}#{message_id}"}


def reference_key(tenant_id: str, reference: str) -> dict[str, str]:
    """Makes references unique within a tenant (a Put conditional on absence)."""
    return {"PK": _tenant(tenant_id) + f"REFERENCE#{reference}", "SK": "REFERENCE"}


def receipt_key(tenant_id: str, digest: str) -> dict[str, str]:
    return {"PK": _tenant(tenant_id) + f"RECEIPT#{digest}", "SK": "RECEIPT"}


def reporter_index_key(tenant_id: str, reporter_id: str, received_iso: str, report_id: str) -> dict[str, str]:
    """GSI1: my reports, newest first."""
    return {"GSI1PK": reporter_partition(tenant_id, reporter_id), "GSI1SK": f"{received_iso}#{report_id}"}


def reporter_partition(tenant_id: str, reporter_id: str) -> str:
    return _tenant(tenant_id) + f"REPORTER#{reporter_id}"


def open_case_index_key(tenant_id: str, next_deadline_iso: str, report_id: str) -> dict[str, str]:
    """GSI2: open cases of a tenant by next deadline; moved to the closed partition on
    close, so closed cases cost nothing to jobs that walk open ones."""
    return {"GSI2PK": open_cases_partition(tenant_id), "GSI2SK": f"{next_deadline_iso}#{report_id}"}


# Sorts after every real deadline: open cases with nothing due come last.
NO_DEADLINE = "9999-12-31T23:59:59+00:00"


def closed_case_index_key(tenant_id: str, closed_iso: str, report_id: str) -> dict[str, str]:
    """GSI2: closed cases of a tenant by closing time, apart from the open ones."""
    return {"GSI2PK": closed_cases_partition(tenant_id), "GSI2SK": f"{closed_iso}#{report_id}"}


def open_cases_partition(tenant_id: str) -> str:
    return _tenant(tenant_id) + "OPEN"


def closed_cases_partition(tenant_id: str) -> str:
    return _tenant(tenant_id) + "CLOSED"


EVENT_PREFIX = "EVENT#"


def case_event_key(tenant_id: str, report_id: str, at_iso: str, event_id: str) -> dict[str, str]:
    return {"PK": case_partition(tenant_id, report_id), "SK": f"{EVENT_PREFIX}{at_iso}#{event_id}"}


def audit_partition(tenant_id: str, object_type: str, object_id: str) -> str:
    return _tenant(tenant_id) + f"AUDIT#{object_type}#{object_id}"


def outbox_key(tenant_id: str, message_id: str) -> dict[str, str]:
    return {"PK": _tenant(tenant_id) + f"OUTBOX#{message_id}", "SK": "OUTBOX"}


def pending_outbox_index_key(tenant_id: str, created_iso: str, message_id: str) -> dict[str, str]:
    """GSI1, sparse: present only while the message is pending (the sweeper's query)."""
    return {"GSI1PK": pending_outbox_partition(tenant_id), "GSI1SK": f"{created_iso}#{message_id}"}


def pending_outbox_partition(tenant_id: str) -> str:
    return _tenant(tenant_id) + "OUTBOX#PENDING"


def digest_partition(tenant_id: str, user_id: str) -> str:
    """One person's digest ledger: a day per item, newest last."""
    return _tenant(tenant_id) + f"DIGEST#{user_id}"


DIGEST_DAY_PREFIX = "DAY#"


def digest_day_key(tenant_id: str, user_id: str, day_iso: str) -> dict[str, str]:
    return {"PK": digest_partition(tenant_id, user_id), "SK": DIGEST_DAY_PREFIX + day_iso}


def submission_key(tenant_id: str, creation_key: str) -> dict[str, str]:
    """One per creating request (Idempotency-Key scope, as a digest)."""
    return {"PK": _tenant(tenant_id) + f"SUBMISSION#{creation_key}", "SK": "SUBMISSION"}


def role_changes_partition(tenant_id: str) -> str:
    """Grants and revocations of case-handling roles: the history, newest last by id."""
    return _tenant(tenant_id) + "ROLECHANGES"


ROLE_CHANGE_PREFIX = "CHANGE#"


def role_change_key(tenant_id: str, change_id: str) -> dict[str, str]:
    return {"PK": role_changes_partition(tenant_id), "SK": ROLE_CHANGE_PREFIX + change_id}


def pending_grant_index_key(tenant_id: str, change_id: str) -> dict[str, str]:
    """GSI1, sparse: present only while a grant waits for confirmation."""
    return {"GSI1PK": pending_grants_partition(tenant_id), "GSI1SK": change_id}


def pending_grants_partition(tenant_id: str) -> str:
    return _tenant(tenant_id) + "ROLECHANGES#PENDING"


def refused_reads_key(tenant_id: str, day_iso: str, actor_id: str) -> dict[str, str]:
    """One counter per person and day of case reads answered 404 (refused or missing):
    a flood costs one item, and no case's trail carries it."""
    return {
        "PK": refused_reads_partition(tenant_id),
        "SK": f"{REFUSED_READS_DAY_PREFIX}{day_iso}#USER#{actor_id}",
    }


REFUSED_READS_DAY_PREFIX = "DAY#"


def refused_reads_partition(tenant_id: str) -> str:
    return _tenant(tenant_id) + "REFUSEDREADS"


def signed_in_key(tenant_id: str, user_id: str) -> dict[str, str]:
    """A staff member's identity as the identity provider last gave it (at GET /me)."""
    return {"PK": _tenant(tenant_id) + "SIGNEDIN", "SK": f"USER#{user_id}"}


def tray_services_partition(tenant_id: str) -> str:
    """Every service a tenant owns, in any status: the coordinator's catalogue and counts."""
    return _tenant(tenant_id) + "SERVICES"


SERVICE_PREFIX = "SERVICE#"


def tray_service_key(owner_tenant: str, service_id: str) -> dict[str, str]:
    """Ids name their owner (`<tenant>.<hex>`); the caller checks that they agree."""
    return {"PK": tray_services_partition(owner_tenant), "SK": SERVICE_PREFIX + service_id}


def published_services_partition(tenant_id: str) -> str:
    """GSI1, sparse: a tenant's published services that are not shared with a group."""
    return _tenant(tenant_id) + "SERVICES#PUBLISHED"


def group_published_services_partition(group_id: str) -> str:
    """GSI1, sparse: published services shared with a tenant group, whoever owns them."""
    if not is_slug(group_id):
        raise ValueError("group id is not a slug")
    return f"GROUP#{group_id}#SERVICES#PUBLISHED"


def published_service_sort_key(category: str, kind: str, service_id: str) -> str:
    """Category first, then kind: a category (and kind) filter is a key condition."""
    return f"{category}#{kind}#{service_id}"


def tray_order_key(owner_tenant: str, order_id: str) -> dict[str, str]:
    """An order is kept with the service's owner, whose provider handles it."""
    return {"PK": _tenant(owner_tenant) + f"ORDER#{order_id}", "SK": "ORDER"}


def orderer_partition(tenant_id: str, user_id: str) -> str:
    """GSI1: a person's orders, in the orderer's own tenant (maybe not the service's)."""
    return _tenant(tenant_id) + f"ORDERER#{user_id}"


def provider_orders_partition(tenant_id: str, user_id: str) -> str:
    """GSI2: orders to a person who provides services."""
    return _tenant(tenant_id) + f"PROVIDER#{user_id}"


def organisation_orders_partition(tenant_id: str) -> str:
    """GSI2: orders of services an organisation provides (the coordinators handle them).
    Not under PROVIDER#, so no user id can ever name this partition."""
    return _tenant(tenant_id) + "ORGANISATIONORDERS"


def order_request_key(tenant_id: str, creation_key: str) -> dict[str, str]:
    """One per ordering request (Idempotency-Key scope, as a digest), in the orderer's tenant."""
    return {"PK": _tenant(tenant_id) + f"ORDERREQUEST#{creation_key}", "SK": "ORDERREQUEST"}


def survey_person_partition(tenant_id: str, user_id: str) -> str:
    """A person's survey: their key item (`SURVEYKEY`, the wrapped data key, the latest
    scores sealed, `version`) and their responses (`RESPONSE#<id>`, ids beginning with the
    time, so the partition sorts by it), sealed."""
    return _tenant(tenant_id) + f"SURVEY#{user_id}"


def survey_key_item_key(tenant_id: str, user_id: str) -> dict[str, str]:
    return {"PK": survey_person_partition(tenant_id, user_id), "SK": "SURVEYKEY"}


SURVEY_RESPONSE_PREFIX = "RESPONSE#"


def survey_response_key(tenant_id: str, user_id: str, response_id: str) -> dict[str, str]:
    return {"PK": survey_person_partition(tenant_id, user_id), "SK": f"{SURVEY_RESPONSE_PREFIX}{response_id}"}


def survey_counters_partition(tenant_id: str) -> str:
    """The survey's aggregate counters: no person id anywhere in them."""
    return _tenant(tenant_id) + "SURVEYCOUNTERS"


def survey_counter_sort_key(period_length: str, period_id: str, group: str, shard: int) -> str:
    """`M#2026-11#<group>#<shard>` or `Q#2026-Q4#...`: one kind of period sorts together, so
    the published periods are one range query. Shards spread the additions of many people
    answering at once over several items (fewer transaction conflicts)."""
    return f"{period_length[0].upper()}#{period_id}#{group}#{shard}"


def survey_counter_key(
    tenant_id: str, period_length: str, period_id: str, group: str, shard: int
) -> dict[str, str]:
    return {
        "PK": survey_counters_partition(tenant_id),
        "SK": survey_counter_sort_key(period_length, period_id, group, shard),
    }
