import { useTranslation } from "react-i18next";
import { api, unwrap } from "../../api/client";
import { useApiData } from "../../api/useApiData";
import type { ReportTypes } from "../report/reportChannel";

/** Declared once, with the report form's channel (a type only: no code is shared). */
export type { ReportTypes };

/** The tenant's report types in the language shown: labels for types, states, fields,
 * choices and units (the inbox and statistics carry keys only). */
export function useReportTypes() {
  const { i18n } = useTranslation();
  const language = i18n.language as "fi" | "sv" | "en";
  const [loaded] = useApiData(() => unwrap(api.GET("/report-types", { params: { query: { lang: language } } })), [language]);
  return loaded.state === "ready" ? loaded.data : null;
}

export interface Labels {
  /** The language the labels are in (the API falls back to the tenant's first). */
  lang: string | undefined;
  type(key: string): string;
  state(key: string): string;
  unit(key: string): string;
}

/** Labels with the key itself as the fallback (a type may be disabled since, a state renamed). */
export function labelsOf(types: ReportTypes | null): Labels {
  const typeLabels = new Map(types?.items.map((item) => [item.key, item.label]));
  const stateLabels = new Map(types?.items.flatMap((item) => item.states.map((state) => [state.key, state.label] as const)));
  const unitLabels = new Map(types?.units.map((unit) => [unit.id, unit.name]));
  return {
    lang: types?.language,
    type: (key) => typeLabels.get(key) ?? key,
    state: (key) => stateLabels.get(key) ?? key,
    unit: (key) => unitLabels.get(key) ?? key,
  };
}
