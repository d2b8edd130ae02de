"""What every use case needs to know about the call beyond its command."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from workwell.domain.audit import ADMIN_AUDIT_RETENTION, AuditEvent
from workwell.domain.principal import Principal


@dataclass(frozen=True)
class CallContext:
    principal: Principal
    request_id: str
    now: datetime

    def audit_event(self, action: str, object_type: str, object_id: str) -> AuditEvent:
        return AuditEvent(
            tenant_id=self.principal.tenant_id,
            actor_id=self.principal.user_id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            at=self.now,
            request_id=self.request_id,
            event_id=uuid.uuid4().hex,
            expires_at=self.now + ADMIN_AUDIT_RETENTION,
        )
