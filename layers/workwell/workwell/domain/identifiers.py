"""Identifier and address types, each defined once. Their validation messages name the
rule, never the value (a pattern error quotes the pattern, not the input)."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import StringConstraints

SLUG_PATTERN = r"^[a-z0-9-]{1,40}$"
# User ids are Cognito `sub` values (lower-case UUIDs) and provisioned ids such as
# `kokkola-admin-tuomas`: a slug that starts and ends with a letter or digit, so that no
# id is `.`, `..` or anything else a path, a key or a log line would read specially.
USER_ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$"
# Deliberately simple: the identity provider owns real address validation, and pydantic's
# EmailStr quotes parts of a rejected address in its error message.
EMAIL_PATTERN = r"^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s]{2,63}$"

SLUG = re.compile(SLUG_PATTERN)
USER_ID = re.compile(USER_ID_PATTERN)

# Tenant ids, tenant-group ids, unit and group ids.
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
TenantId = Slug
UserId = Annotated[str, StringConstraints(pattern=USER_ID_PATTERN)]
EmailAddress = Annotated[str, StringConstraints(max_length=254, pattern=EMAIL_PATTERN)]


def is_slug(value: str) -> bool:
    return SLUG.fullmatch(value) is not None


def is_user_id(value: str) -> bool:
    return USER_ID.fullmatch(value) is not None
