"""Request and response models of the administration routes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from workwell.domain.localised_text import Language, LocalisedText
from workwell.domain.model_base import CamelModel
from workwell.domain.staff.role_grants import GrantDecision, RoleChangeKind, RoleChangeStatus
from workwell.domain.staff.roles import Role
from workwell.domain.staff.staff import StaffMember, StaffProfile
from workwell.domain.tenants.tenant_settings import EmployeeGroup, TenantSettings
from workwell.domain.versioned import ExpectedVersion, Versioned
from workwell.service_layer.cases.oversight import NotFoundReads
from workwell.service_layer.staff.staff_roles import RoleChangeView
from workwell.service_layer.tenants.administration import Profile


class FeaturesView(CamelModel):
    safety_reports: bool
    case_handling: bool
    service_tray: bool
    wellbeing_aggregates: bool
    tenant_administration: bool


class TenantView(CamelModel):
    id: str
    name: LocalisedText
    languages: tuple[Language, ...]
    # The organisation's employee groups (a tray service's audience, the rollout).
    employee_groups: tuple[EmployeeGroup, ...]
    # Tenant groups the organisation shares tray services in: for wellbeing coordinators
    # only, empty for everyone else.
    tenant_groups: tuple[str, ...]


class MeResponse(CamelModel):
    user_id: str
    name: str | None
    email: str | None
    unit: str | None
    group: str | None
    language: Language
    roles: list[Role]
    supervised_units: list[str]
    tenant: TenantView
    features: FeaturesView

    @classmethod
    def of(cls, profile: Profile) -> MeResponse:
        identity = profile.principal.identity
        settings = profile.settings
        language = identity.language if identity.language in settings.languages else settings.languages[0]
        return cls(
            user_id=identity.user_id,
            name=identity.name,
            email=identity.email,
            unit=identity.unit,
            group=identity.group,
            language=language,
            roles=sorted(profile.principal.roles),
            supervised_units=sorted(profile.principal.supervised_units),
            tenant=TenantView(
                id=identity.tenant_id,
                name=settings.name,
                languages=settings.languages,
                employee_groups=settings.employee_groups,
                tenant_groups=profile.tenant_groups,
            ),
            features=FeaturesView.model_validate(profile.features, from_attributes=True),
        )


class TenantSettingsResponse(CamelModel):
    settings: TenantSettings
    version: int

    @classmethod
    def of(cls, versioned: Versioned[TenantSettings]) -> TenantSettingsResponse:
        return cls(settings=versioned.value, version=versioned.version)


class UpdateTenantSettingsRequest(CamelModel):
    settings: TenantSettings
    expected_version: ExpectedVersion


class PutStaffMemberRequest(StaffProfile):
    """Without expectedVersion the person must be new; with it, the stored entry must be
    at that version. Case-handling roles (safety_representative, safety_manager,
    hr_director) the person does not hold become pending grants: they take effect when a
    safety manager or the HR director confirms them."""

    expected_version: ExpectedVersion | None = None


class StaffMemberResponse(StaffMember):
    """`roles` are the roles in force; `pendingGrants` wait for confirmation."""

    version: int

    @classmethod
    def from_versioned(cls, versioned: Versioned[StaffMember]) -> StaffMemberResponse:
        return cls(**versioned.value.model_dump(), version=versioned.version)


class StaffListResponse(CamelModel):
    items: list[StaffMemberResponse]
    next_cursor: str | None


class SignedInAsView(CamelModel):
    name: str | None
    email: str | None
    at: datetime


class RoleChangeResponse(CamelModel):
    """A grant request (and its decision) or a revocation of a case-handling role."""

    id: str
    user_id: str
    name: str
    role: Role
    kind: RoleChangeKind
    status: RoleChangeStatus
    requested_by: str
    requested_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    # A pending grant lapses then if nobody decides.
    lapses_at: datetime | None
    # What the caller may do with it now.
    actions: list[GrantDecision]
    # The grantee's account as the identity provider named it at their last sign-in; null
    # if they never signed in. `name` is only what the admin typed: check this before
    # confirming.
    signed_in_as: SignedInAsView | None

    @classmethod
    def of(cls, view: RoleChangeView) -> RoleChangeResponse:
        change, seen = view.change, view.signed_in_as
        return cls(
            signed_in_as=SignedInAsView(name=seen.name, email=seen.email, at=seen.seen_at) if seen else None,
            id=change.change_id,
            user_id=change.user_id,
            name=change.grantee_name,
            role=change.role,
            kind=change.kind,
            status=view.status,
            requested_by=change.requested_by,
            requested_at=change.requested_at,
            decided_by=change.decided_by,
            decided_at=change.decided_at,
            lapses_at=change.lapses_at if view.status is RoleChangeStatus.PENDING else None,
            actions=list(view.actions),
        )


class RoleChangeListResponse(CamelModel):
    items: list[RoleChangeResponse]
    next_cursor: str | None


class RefusedReadsEntry(CamelModel):
    day: date
    user_id: str
    # Case reads answered 404 (a case not theirs to see, or an id that does not exist).
    not_found: int
    # Of those, reads of cases that exist; null for safety managers and HR directors, whom
    # only a recusal keeps from a case (telling it apart would tell who was recused).
    refused: int | None


class RefusedReadsResponse(CamelModel):
    """Case reads answered 404 over the last 30 days, per person and day; never which
    case, never the caller's own."""

    items: list[RefusedReadsEntry]

    @classmethod
    def of(cls, counts: Sequence[NotFoundReads]) -> RefusedReadsResponse:
        return cls(
            items=[
                RefusedReadsEntry(
                    day=date.fromisoformat(c.day), user_id=c.actor_id, not_found=c.total, refused=c.refused
                )
                for c in counts
            ]
        )
