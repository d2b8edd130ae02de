import { useTranslation } from "react-i18next";
import type { ApiFailure } from "../api/client";

/** The common translation key for an API failure that is not about one field. */
export function problemKey(failure: ApiFailure): string {
  if (failure.status === 0) return "errors.network";
  if (failure.status === 404) return "errors.notFound";
  if (failure.status === 403) return "errors.forbidden";
  if (failure.status === 409) return "errors.conflict";
  if (failure.status === 429) return "errors.rateLimited";
  return "errors.server";
}

/** An API failure shown to people: what happened and what to do, never the raw code. */
export function ApiProblem({ failure }: { failure: ApiFailure }) {
  const { t } = useTranslation("common");
  return (
    <div className="hds-notification hds-notification--error" role="alert">
      <div className="hds-notification-content">
        <p>{t(problemKey(failure))}</p>
      </div>
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation("common");
  return (
    <p role="status" aria-live="polite">
      {t("loading")}
    </p>
  );
}
