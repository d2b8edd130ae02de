"""A tenant as provisioned from `infra/tenants/*.yaml`: settings, group memberships, people."""

from __future__ import annotations

from pydantic import Field, model_validator

from workwell.domain.identifiers import EmailAddress, Slug, TenantId, UserId
from workwell.domain.localised_text import Language, LocalisedText, ShortText
from workwell.domain.model_base import CamelModel
from workwell.domain.staff.roles import Role
from workwell.domain.staff.staff import StaffMember
from workwell.domain.tenants.tenant_settings import TenantSettings


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


class TenantDefinition(CamelModel):
    tenant_id: TenantId
    tenant_groups: tuple[Slug, ...] = ()
    settings: TenantSettings
    people: tuple[Person, ...] = Field(default=(), max_length=1000)

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

    def staff_members(self) -> list[StaffMember]:
        return [m for m in (p.staff_member() for p in self.people) if m is not None]


class TenantGroupDefinition(CamelModel):
    """Tenants that share services, e.g. Oulunkaari with Ii, Pudasjärvi, Utajärvi, Vaala."""

    group_id: Slug
    name: LocalisedText
    members: tuple[TenantId, ...] = Field(min_length=2)
