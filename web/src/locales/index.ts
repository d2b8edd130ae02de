import fiCommon from "./fi/common.json";
import svCommon from "./sv/common.json";
import enCommon from "./en/common.json";
import fiReport from "./fi/report.json";
import svReport from "./sv/report.json";
import enReport from "./en/report.json";
import fiCases from "./fi/cases.json";
import svCases from "./sv/cases.json";
import enCases from "./en/cases.json";
import fiAdmin from "./fi/admin.json";
import svAdmin from "./sv/admin.json";
import enAdmin from "./en/admin.json";

export const LANGUAGES = ["fi", "sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** One namespace per area of the app; every language has every key (locales.test.ts). */
export const resources = {
  fi: { common: fiCommon, report: fiReport, cases: fiCases, admin: fiAdmin },
  sv: { common: svCommon, report: svReport, cases: svCases, admin: svAdmin },
  en: { common: enCommon, report: enReport, cases: enCases, admin: enAdmin },
} as const;
