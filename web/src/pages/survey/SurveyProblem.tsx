import { useTranslation } from "react-i18next";
import type { ApiFailure } from "../../api/client";
import { ApiProblem } from "../../layout/ApiProblem";

/** A failure to load a survey screen: the survey not offered to this person (403) said
 * plainly, else the common problems. */
export function SurveyProblem({ failure }: { failure: ApiFailure }) {
  const { t } = useTranslation("survey");
  if (failure.status === 403) {
    return (
      <div className="hds-notification hds-notification--info" role="status">
        <div className="hds-notification-content">
          <p>{t("notAvailable")}</p>
        </div>
      </div>
    );
  }
  return <ApiProblem failure={failure} />;
}
