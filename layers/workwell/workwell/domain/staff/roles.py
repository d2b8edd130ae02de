"""Roles of `product.md`. Privileged roles come only from the staff directory."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    EMPLOYEE = "employee"
    SUPERVISOR = "supervisor"
    SAFETY_REPRESENTATIVE = "safety_representative"
    SAFETY_MANAGER = "safety_manager"
    HR_DIRECTOR = "hr_director"
    WELLBEING_COORDINATOR = "wellbeing_coordinator"
    TENANT_ADMIN = "tenant_admin"


PRIVILEGED_ROLES = frozenset(Role) - {Role.EMPLOYEE}
