import fiCommon from "./fi/common.json";
import svCommon from "./sv/common.json";
import enCommon from "./en/common.json";
import fiReport from "./fi/report.json";
import svReport from "./sv/report.json";
import enReport from "./en/report.json";

/** The texts of every page that is not loaded on first use (the frame, the front page,
 * sign-in, the report form): part of the first download. */
export const firstVisitResources = {
  fi: { common: fiCommon, report: fiReport },
  sv: { common: svCommon, report: svReport },
  en: { common: enCommon, report: enReport },
} as const;
