"""Audit events: who did what to which object, when; never content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

# Administrative events are kept as long as the longest-lived report they could concern.
ADMIN_AUDIT_RETENTION = timedelta(days=5 * 365)


@dataclass(frozen=True)
class AuditEvent:
    tenant_id: str
    actor_id: str
    action: str
    object_type: str
    object_id: str
    at: datetime
    request_id: str
    event_id: str
    expires_at: datetime
