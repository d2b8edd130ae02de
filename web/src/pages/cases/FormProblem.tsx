import { useTranslation } from "react-i18next";
import type { ApiFailure } from "../../api/client";
import { ApiProblem } from "../../layout/ApiProblem";

/** A failure that is not about one field: the case moved on (409), the action is no longer
 * possible (422 invalid_transition), or the common problems. */
export function FormProblem({ failure }: { failure: ApiFailure | null }) {
  const { t } = useTranslation("cases");
  if (!failure || Object.keys(failure.fieldErrors()).length > 0) return null;
  if (failure.status === 422) {
    return (
      <div className="hds-notification hds-notification--error" role="alert">
        <div className="hds-notification-content">
          <p>{t("errors.notPossible")}</p>
        </div>
      </div>
    );
  }
  return <ApiProblem failure={failure} />;
}

/** The API's field errors (422 details) as messages for our fields, by the API's field name. */
export function apiFieldError(failure: ApiFailure | null, field: string, message: string): string | undefined {
  return failure && field in failure.fieldErrors() ? message : undefined;
}
