"""What every use case needs to know about the call beyond its command."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from workwell.domain.audit import ADMIN_AUDIT_RETENTION, AuditEvent
from workwell.domain.staff.principal import Principal

ANONYMOUS_ACTOR = "anonymous"


def _audit_event(
    *,
    tenant_id: str,
    actor_id: str,
    request_id: str,
    now: datetime,
    action: str,
    object_type: str,
    object_id: str,
    expires_at: datetime | None,
) -> AuditEvent:
    return AuditEvent(
        tenant_id=tenant_id,
        actor_id=actor_id,
        action=action,
        object_type=object_type,
        object_id=object_id,
        at=now,
        request_id=request_id,
        event_id=uuid.uuid4().hex,
        # Events about a case expire with it; the rest outlive any report they could concern.
        expires_at=expires_at or now + ADMIN_AUDIT_RETENTION,
    )


@dataclass(frozen=True)
class CallContext:
    """A signed-in caller."""

    principal: Principal
    request_id: str
    now: datetime

    @property
    def tenant_id(self) -> str:
        return self.principal.tenant_id

    def audit_event(
        self, action: str, object_type: str, object_id: str, expires_at: datetime | None = None
    ) -> AuditEvent:
        return _audit_event(
            tenant_id=self.tenant_id,
            actor_id=self.principal.user_id,
            request_id=self.request_id,
            now=self.now,
            action=action,
            object_type=object_type,
            object_id=object_id,
            expires_at=expires_at,
        )


@dataclass(frozen=True)
class PublicCallContext:
    """An anonymous caller of a tenant's public routes: no identity is known or kept."""

    tenant_id: str
    request_id: str
    now: datetime

    def audit_event(
        self, action: str, object_type: str, object_id: str, expires_at: datetime | None = None
    ) -> AuditEvent:
        return _audit_event(
            tenant_id=self.tenant_id,
            actor_id=ANONYMOUS_ACTOR,
            request_id=self.request_id,
            now=self.now,
            action=action,
            object_type=object_type,
            object_id=object_id,
            expires_at=expires_at,
        )
