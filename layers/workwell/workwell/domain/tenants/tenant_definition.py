"""A tenant as provisioned from `infra/tenants/*.yaml`: settings, group memberships, people
and its demo catalogue of tray services."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Literal

from pydantic import Field, model_validator

from workwell.domain.identifiers import EmailAddress, Slug, TenantId, UserId
from workwell.domain.localised_text import Language, LocalisedText, ShortText
from workwell.domain.model_base import CamelModel
from workwell.domain.staff.roles import Role
from workwell.domain.staff.staff import StaffMember
from workwell.domain.tenants.tenant_settings import TenantSettings
from workwell.domain.tray.service import Kind, Service, ServiceDetails, ServiceStatus, SignInAddress

# Stable service ids: the same file names the same service on every run and every stack.
_SERVICE_ID_NAMESPACE = uuid.UUID("6f1d2c1e-4b8a-5c3e-9a7d-2e0b5f3c8d41")
# Who created a provisioned service that no person proposed.
PROVISIONING_USER = "provisioning"


class Person(CamelModel):
    """Someone of the tenant. Those with roles become staff directory entries; all of them
    can sign in on the local stack as demo people."""

    user_id: UserId
    name: ShortText
    email: EmailAddress
    unit: Slug
    group: Slug
    language: Language = "fi"
    roles: frozenset[Role] = frozenset()
    supervised_units: tuple[Slug, ...] = ()

    def staff_member(self) -> StaffMember | None:
        if not self.roles:
            return None
        return StaffMember(
            user_id=self.user_id,
            name=self.name,
            email=self.email,
            language=self.language,
            roles=self.roles,
            supervised_units=self.supervised_units,
        )


class ServiceDefinition(ServiceDetails):
    """A tray service of the tenant's file: the details a coordinator would write, checked
    by the same model, plus a `key` naming it within the file (its id derives from the
    tenant and the key, so a re-run finds it) and the status it is provisioned in."""

    key: Slug
    status: Literal["published", "draft"] = "published"

    def service_id(self, tenant_id: str) -> str:
        return f"{tenant_id}.{uuid.uuid5(_SERVICE_ID_NAMESPACE, f'{tenant_id}/{self.key}').hex}"

    def details(self) -> ServiceDetails:
        return ServiceDetails.model_validate(
            self.model_dump(by_alias=True, exclude={"key", "status"}, exclude_none=True)
        )

    def service(self, tenant_id: str, at: datetime, people: Sequence[Person] = ()) -> Service:
        details = self.details()
        # A peer service is its provider's own proposal, approved.
        proposer = details.provider.user_id if details.kind is Kind.PEER else None
        person = next((p for p in people if p.user_id == proposer), None)
        return Service(
            service_id=self.service_id(tenant_id),
            tenant_id=tenant_id,
            details=details,
            status=ServiceStatus(self.status),
            created_by=proposer or PROVISIONING_USER,
            created_at=at,
            updated_at=at,
            proposed_by=proposer,
            proposer_name=person.name if person else None,
            proposer_address=SignInAddress(email=str(person.email), language=person.language)
            if person
            else None,
        )


class TenantDefinition(CamelModel):
    tenant_id: TenantId
    tenant_groups: tuple[Slug, ...] = ()
    settings: TenantSettings
    people: tuple[Person, ...] = Field(default=(), max_length=1000)
    services: tuple[ServiceDefinition, ...] = Field(default=(), max_length=200)

    @model_validator(mode="after")
    def _people_fit_settings(self) -> TenantDefinition:
        user_ids = [p.user_id for p in self.people]
        if len(user_ids) != len(set(user_ids)):
            raise ValueError("people must not repeat a userId")
        for person in self.people:
            if person.unit not in self.settings.unit_ids:
                raise ValueError(f"person {person.user_id}: unit {person.unit!r} does not exist")
            if person.group not in self.settings.group_ids:
                raise ValueError(f"person {person.user_id}: group {person.group!r} does not exist")
            member = person.staff_member()
            if member and member.problems_against(self.settings):
                raise ValueError(f"person {person.user_id}: a supervised unit does not exist")
        return self

    def service_problems(self) -> list[tuple[Sequence[str | int], str]]:
        """What the use cases would refuse of a coordinator's or a peer's service, with the
        field path: the scope, the audience, and the provider being a person of the file
        (a peer service's is the person offering it; a confidential one's signs in)."""
        problems: list[tuple[Sequence[str | int], str]] = []
        people = {p.user_id: p for p in self.people}
        keys: set[str] = set()
        for i, service in enumerate(self.services):
            at: tuple[str | int, ...] = ("services", i)
            if service.key in keys:
                problems.append(((*at, "key"), "must not repeat a key"))
            keys.add(service.key)
            group = service.shared_with_group
            if group is not None and group not in self.tenant_groups:
                problems.append(((*at, "sharedWithGroup"), "is not a tenant group of this tenant"))
            if service.audience_groups is not None and group is None:
                for j, audience in enumerate(service.audience_groups):
                    if audience not in self.settings.group_ids:
                        problems.append(((*at, "audienceGroups", j), "is not an employee group"))
            provider = service.provider.user_id
            if service.kind is Kind.PEER and provider is None:
                problems.append(((*at, "provider"), "a peer service is provided by a person"))
            if provider is not None and provider not in people:
                problems.append(((*at, "provider", "userId"), "is not a person of this tenant"))
        return problems

    def staff_members(self) -> list[StaffMember]:
        return [m for m in (p.staff_member() for p in self.people) if m is not None]


class TenantGroupDefinition(CamelModel):
    """Tenants that share services, e.g. Oulunkaari with Ii, Pudasjärvi, Utajärvi, Vaala."""

    group_id: Slug
    name: LocalisedText
    members: tuple[TenantId, ...] = Field(min_length=2)
