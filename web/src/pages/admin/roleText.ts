import type { TFunction } from "i18next";

/** A role as a label starts it: the common role names are lower case, for use in sentences. */
export function roleLabel(role: string, t: TFunction): string {
  const name = t(`common:roles.${role}`);
  return name.charAt(0).toLocaleUpperCase() + name.slice(1);
}

export function roleList(roles: readonly string[], t: TFunction): string {
  return roles.map((role) => t(`common:roles.${role}`)).join(", ");
}
