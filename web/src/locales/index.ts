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
import fiTray from "./fi/tray.json";
import svTray from "./sv/tray.json";
import enTray from "./en/tray.json";
import fiTrayEditing from "./fi/trayEditing.json";
import svTrayEditing from "./sv/trayEditing.json";
import enTrayEditing from "./en/trayEditing.json";
import fiSurvey from "./fi/survey.json";
import svSurvey from "./sv/survey.json";
import enSurvey from "./en/survey.json";

export const LANGUAGES = ["fi", "sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** One namespace per area of the app; every language has every key (locales.test.ts). */
export const resources = {
  fi: { common: fiCommon, report: fiReport, cases: fiCases, admin: fiAdmin, tray: fiTray, trayEditing: fiTrayEditing, survey: fiSurvey },
  sv: { common: svCommon, report: svReport, cases: svCases, admin: svAdmin, tray: svTray, trayEditing: svTrayEditing, survey: svSurvey },
  en: { common: enCommon, report: enReport, cases: enCases, admin: enAdmin, tray: enTray, trayEditing: enTrayEditing, survey: enSurvey },
} as const;
