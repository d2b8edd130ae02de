import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api, ApiFailure, unwrap } from "../../api/client";
import { ApiProblem } from "../../layout/ApiProblem";
import type { StaffMember } from "./staffApi";
import { leaveDirectoryNotice, type DirectoryNotice } from "./directoryNotice";

/** Removing is destructive (every role ends at once), so it takes a second, explicit step. */
export function RemoveStaffMember({ member }: { member: StaffMember }) {
  const { t } = useTranslation("admin");
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiFailure | null>(null);
  const question = useRef<HTMLHeadingElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    // Focus follows the step: to the question when it opens, back to the button when cancelled.
    if (asking) question.current?.focus();
    else if (wasAsking.current) start.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  async function remove() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(api.DELETE("/staff/{userId}", { params: { path: { userId: member.userId } } }));
      const notice: DirectoryNotice = { kind: "removed", name: member.name, pending: [] };
      leaveDirectoryNotice(notice);
      navigate("/staff");
    } catch (error) {
      setProblem(error instanceof ApiFailure ? error : new ApiFailure(0, null));
      setBusy(false);
    }
  }

  return (
    <section className="danger-zone" aria-labelledby="remove-title">
      <h2 id="remove-title">{t("remove.title")}</h2>
      <p>{t("remove.explain")}</p>
      {!asking ? (
        <button ref={start} type="button" className="hds-button hds-button--danger" onClick={() => setAsking(true)}>
          <span className="hds-button__label">{t("remove.start", { name: member.name })}</span>
        </button>
      ) : (
        <div className="confirm-step">
          <h3 ref={question} tabIndex={-1}>
            {t("remove.question", { name: member.name })}
          </h3>
          {problem && <ApiProblem failure={problem} />}
          <div className="button-row">
            <button type="button" className="hds-button hds-button--danger" aria-disabled={busy} onClick={remove}>
              <span className="hds-button__label">{t("remove.confirm")}</span>
            </button>
            <button type="button" className="hds-button hds-button--secondary" onClick={() => setAsking(false)}>
              <span className="hds-button__label">{t("common:form.cancel")}</span>
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
