import type { TFunction } from "i18next";
import type { ReportTypes } from "./reportChannel";

/** A status as the tenant's workflow names it (the report's own type first), else ours. */
export function statusLabel(status: string, types: ReportTypes | null, typeKey: string | null, t: TFunction): string {
  const ordered = [...(types?.items ?? [])].sort((a, b) => Number(b.key === typeKey) - Number(a.key === typeKey));
  for (const type of ordered) {
    const state = type.states.find((s) => s.key === status);
    if (state) return state.label;
  }
  return t(`report:status.${status}`, { defaultValue: status });
}

export function typeLabel(typeKey: string, types: ReportTypes | null): string {
  return types?.items.find((type) => type.key === typeKey)?.label ?? typeKey;
}

export function resolutionLabel(resolution: string, t: TFunction): string {
  return t(`report:resolution.${resolution}`, { defaultValue: resolution });
}
