import type { ApiFailure } from "../api/client";
import { ApiProblem } from "../layout/ApiProblem";

/** The "show more" of a paged list (usePagedList): why the last try failed, and the button
 * while pages are left. `aria-disabled` while loading, so the focused button keeps focus. */
export function LoadMore({
  more,
  busy,
  failure,
  onMore,
  label,
}: {
  more: boolean;
  busy: boolean;
  failure: ApiFailure | null;
  onMore: () => Promise<void>;
  label: string;
}) {
  return (
    <>
      {failure && <ApiProblem failure={failure} />}
      {more && (
        <div className="button-row">
          <button
            type="button"
            className="hds-button hds-button--secondary"
            onClick={() => void onMore()}
            aria-disabled={busy || undefined}
          >
            <span className="hds-button__label">{label}</span>
          </button>
        </div>
      )}
    </>
  );
}
