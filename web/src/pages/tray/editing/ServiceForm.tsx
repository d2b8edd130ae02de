import { useState, type FormEvent, type ReactNode } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiFailure } from "../../../api/client";
import { ErrorSummary } from "../../../forms/ErrorSummary";
import { CheckboxGroup, RadioGroup, TextArea, TextField } from "../../../forms/fields";
import { useSession } from "../../../session/SessionProvider";
import { useServiceText } from "../serviceText";
import { ApiProblem } from "../../../layout/ApiProblem";
import {
  apiErrors,
  CATEGORIES,
  DESCRIPTION_MAX,
  emptyValues,
  fieldId,
  FORMATS,
  KINDS,
  MAX_CAPACITY,
  MAX_SESSIONS,
  newSessionRow,
  SHORT_MAX,
  summaryOf,
  TEXT_LANGUAGES,
  TITLE_MAX,
  toDetails,
  validate,
  valuesOf,
  type FormMode,
  type ServiceDetails,
  type ServiceErrors,
  type ServiceFormValues,
  type SessionRow,
} from "./serviceFormModel";

type Failed = { kind: "checked"; values: ServiceFormValues } | { kind: "refused"; failure: ApiFailure };

function errorsOf(failed: Failed | null, mode: FormMode, t: TFunction): ServiceErrors {
  if (failed?.kind === "checked") return validate(failed.values, mode, t);
  if (failed?.kind === "refused") return apiErrors(failed.failure, t).errors;
  return {};
}

export interface SubmitChoice {
  /** The button's label. */
  label: string;
  /** What the button stands for (e.g. publish at once); passed to onSubmit. */
  value: string;
  primary?: boolean;
}

interface Props {
  mode: FormMode;
  /** The stored details when editing. */
  existing?: ServiceDetails;
  myUserId: string;
  /** One button per way of saving (a coordinator's "save as draft" and "publish"). */
  choices: SubmitChoice[];
  cancelTo: string;
  /** Sends the details; throws the ApiFailure on refusal. A 409 or any other failure that
   * is not about a field is the page's to show (the form keeps what was typed). */
  onSubmit(details: ServiceDetails, choice: string): Promise<void>;
  /** Something to read before saving, by the buttons (e.g. "goes back for approval"). */
  notice?: ReactNode;
}

/** A service's details, for proposing, creating and editing: what was typed is kept on
 * any error, and a failed attempt shows an error summary that takes focus. */
export function ServiceForm({ mode, existing, myUserId, choices, cancelTo, onSubmit, notice }: Props) {
  const { t } = useTranslation("trayEditing");
  const [values, setValues] = useState<ServiceFormValues>(() => (existing ? valuesOf(existing) : emptyValues(mode, myUserId)));
  const [failed, setFailed] = useState<Failed | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<ApiFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const peerFixed = mode === "propose" || (mode === "edit" && existing?.kind === "peer");

  const set = <K extends keyof ServiceFormValues>(field: K) => (value: ServiceFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const setText = (which: "title" | "description", language: string) => (value: string) =>
    setValues((current) => ({ ...current, [which]: { ...current[which], [language]: value } }));
  const setRow = (key: string, change: Partial<SessionRow>) =>
    setValues((current) => ({
      ...current,
      sessions: current.sessions.map((row) => (row.key === key ? { ...row, ...change } : row)),
    }));

  const fail = (why: Failed) => {
    setFailed(why);
    setAttempt((n) => n + 1);
  };
  const errors = errorsOf(failed, mode, t);
  const checkMode: FormMode = mode === "edit" && peerFixed ? "propose" : mode;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const choice = submitter?.value || choices[0]?.value || "";
    setProblem(null);
    if (Object.keys(validate(values, checkMode, t)).length > 0) return fail({ kind: "checked", values });
    setFailed(null);
    setSaving(true);
    try {
      await onSubmit(toDetails(values), choice);
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : new ApiFailure(0, null);
      const refused = failure.status === 422 ? apiErrors(failure, t) : null;
      if (refused && Object.keys(refused.errors).length > 0) fail({ kind: "refused", failure });
      // A 409 is shown by the page, which loads the service again.
      else if (failure.status !== 409) setProblem(failure);
    } finally {
      setSaving(false);
    }
  }

  const labels = (group: string, keys: readonly string[]) => keys.map((key) => ({ value: key, label: t(`tray:labels.${group}.${key}`) }));

  return (
    <form noValidate onSubmit={submit} className="service-form">
      <ErrorSummary errors={summaryOf(errors, values)} attempt={attempt} />
      {problem && <ApiProblem failure={problem} />}
      {failed?.kind === "refused" && apiErrors(failed.failure, t).unplaced && (
        <div className="hds-notification hds-notification--error" role="alert">
          <div className="hds-notification-content">
            <p>{t("errors.refused")}</p>
          </div>
        </div>
      )}

      <fieldset
        className={`hds-fieldset form-group service-texts${errors.title || errors.description ? " form-group--invalid" : ""}`}
        aria-describedby={[
          `${fieldId("title")}-hint`,
          errors.title ? `${fieldId("title")}-error` : "",
          errors.description ? `${fieldId("description")}-error` : "",
        ]
          .filter(Boolean)
          .join(" ")}
      >
        <legend className="hds-fieldset-legend">{t("form.textsLegend")}</legend>
        <span className="hds-text-input__helper-text" id={`${fieldId("title")}-hint`}>
          {t("form.textsHint")}
        </span>
        {errors.title && (
          <span className="hds-text-input__error-text" id={`${fieldId("title")}-error`}>
            {errors.title}
          </span>
        )}
        {errors.description && (
          <span className="hds-text-input__error-text" id={`${fieldId("description")}-error`}>
            {errors.description}
          </span>
        )}
        {TEXT_LANGUAGES.map((language) => (
          <fieldset className="hds-fieldset form-group service-language" key={language}>
            <legend className="hds-fieldset-legend">{t(`form.languageLegend.${language}`)}</legend>
            <TextField
              id={fieldId(`title.${language}`)}
              label={t("form.title")}
              hint={t("form.titleHint", { max: TITLE_MAX })}
              value={values.title[language]}
              onChange={setText("title", language)}
              error={errors[`title.${language}`]}
              maxLength={TITLE_MAX}
              autoComplete="off"
            />
            <TextArea
              id={fieldId(`description.${language}`)}
              label={t("form.description")}
              value={values.description[language]}
              onChange={setText("description", language)}
              error={errors[`description.${language}`]}
              maxLength={DESCRIPTION_MAX}
              rows={4}
            />
          </fieldset>
        ))}
      </fieldset>

      <RadioGroup
        id={fieldId("category")}
        label={t("form.category")}
        required
        options={labels("category", CATEGORIES)}
        value={values.category}
        onChange={set("category")}
        error={errors.category}
      />

      {!peerFixed && (
        <RadioGroup
          id={fieldId("kind")}
          label={t("form.kind")}
          required
          options={labels("kind", KINDS)}
          value={values.kind}
          onChange={set("kind")}
          error={errors.kind}
        />
      )}

      {peerFixed ? (
        <p className="service-fixed">
          <strong>{t("form.provider")}:</strong>{" "}
          {values.providerUserId === myUserId ? t("form.providerYou") : values.providerUserId}
        </p>
      ) : (
        <fieldset className="hds-fieldset form-group">
          <legend className="hds-fieldset-legend">{t("form.provider")}</legend>
          <RadioGroup
            id={fieldId("providerType")}
            label={t("form.providerType")}
            required
            options={[
              { value: "organisation", label: t("form.providerOrganisation") },
              { value: "person", label: t("form.providerPerson") },
            ]}
            value={values.providerType}
            onChange={(value) => set("providerType")(value as ServiceFormValues["providerType"])}
          />
          {values.providerType === "organisation" ? (
            <TextField
              id={fieldId("provider")}
              label={t("form.organisationName")}
              required
              value={values.providerOrganisation}
              onChange={set("providerOrganisation")}
              error={errors.provider}
              maxLength={SHORT_MAX}
              autoComplete="organization"
            />
          ) : (
            <TextField
              id={fieldId("provider")}
              label={t("form.personUserId")}
              hint={t("form.personUserIdHint")}
              required
              value={values.providerUserId}
              onChange={set("providerUserId")}
              error={errors.provider}
              maxLength={128}
              autoComplete="off"
            />
          )}
        </fieldset>
      )}

      <RadioGroup
        id={fieldId("format")}
        label={t("form.format")}
        required
        options={labels("format", FORMATS)}
        value={values.format}
        onChange={set("format")}
        error={errors.format}
      />
      <TextField
        id={fieldId("place")}
        label={t("form.place")}
        hint={t("form.placeHint")}
        required={values.format !== "online"}
        value={values.place}
        onChange={set("place")}
        error={errors.place}
        maxLength={SHORT_MAX}
        autoComplete="off"
      />

      <RadioGroup
        id={fieldId("timing")}
        label={t("form.timing")}
        required
        options={[
          { value: "sessions", label: t("form.timingSessions") },
          { value: "onRequest", label: t("form.timingOnRequest"), hint: t("form.timingOnRequestHint") },
        ]}
        value={values.timing}
        onChange={(value) => set("timing")(value as ServiceFormValues["timing"])}
        error={errors.timing}
      />
      {values.timing === "sessions" && (
        <fieldset className="hds-fieldset form-group service-sessions">
          <legend className="hds-fieldset-legend">{t("form.sessions")}</legend>
          <span className="hds-text-input__helper-text">{t("form.sessionsHint")}</span>
          <ol className="service-sessions__list">
            {values.sessions.map((row, index) => (
              <li key={row.key}>
                <fieldset className="hds-fieldset form-group service-session">
                  <legend className="hds-fieldset-legend">{t("form.sessionLegend", { number: index + 1 })}</legend>
                  <div className="service-session__fields">
                    <TextField
                      id={fieldId(`sessions.${index}.startDate`)}
                      label={t("form.startDate")}
                      type="date"
                      required
                      value={row.startDate}
                      onChange={(value) => setRow(row.key, { startDate: value })}
                      error={errors[`sessions.${index}.startsAt`]}
                    />
                    <TextField
                      id={fieldId(`sessions.${index}.startTime`)}
                      label={t("form.startTime")}
                      type="time"
                      required
                      value={row.startTime}
                      onChange={(value) => setRow(row.key, { startTime: value })}
                    />
                    <TextField
                      id={fieldId(`sessions.${index}.endDate`)}
                      label={t("form.endDate")}
                      hint={t("form.endDateHint")}
                      type="date"
                      value={row.endDate}
                      onChange={(value) => setRow(row.key, { endDate: value })}
                      error={errors[`sessions.${index}.endsAt`]}
                    />
                    <TextField
                      id={fieldId(`sessions.${index}.endTime`)}
                      label={t("form.endTime")}
                      type="time"
                      value={row.endTime}
                      onChange={(value) => setRow(row.key, { endTime: value })}
                    />
                  </div>
                  {values.sessions.length > 1 && (
                    <button
                      type="button"
                      className="hds-button hds-button--supplementary"
                      onClick={() => set("sessions")(values.sessions.filter((other) => other.key !== row.key))}
                    >
                      <span className="hds-button__label">{t("form.removeSession", { number: index + 1 })}</span>
                    </button>
                  )}
                </fieldset>
              </li>
            ))}
          </ol>
          {values.sessions.length < MAX_SESSIONS && (
            <button
              type="button"
              className="hds-button hds-button--secondary"
              onClick={() => set("sessions")([...values.sessions, newSessionRow()])}
            >
              <span className="hds-button__label">{t("form.addSession")}</span>
            </button>
          )}
        </fieldset>
      )}

      <TextField
        id={fieldId("capacity")}
        label={t("form.capacity")}
        hint={t("form.capacityHint", { max: MAX_CAPACITY })}
        type="text"
        value={values.capacity}
        onChange={set("capacity")}
        error={errors.capacity}
        maxLength={5}
        autoComplete="off"
      />
      <TextField
        id={fieldId("contact")}
        label={t("form.contact")}
        hint={t("form.contactHint")}
        value={values.contact}
        onChange={set("contact")}
        error={errors.contact}
        maxLength={SHORT_MAX}
        autoComplete="off"
      />

      <div className={`form-group${errors.confidential ? " form-group--invalid" : ""}`}>
        {errors.confidential && (
          <span className="hds-text-input__error-text" id={`${fieldId("confidential")}-error`}>
            {errors.confidential}
          </span>
        )}
        <div className="hds-checkbox">
          <input
            type="checkbox"
            className="hds-checkbox__input"
            id={fieldId("confidential")}
            checked={values.confidential}
            onChange={(event) => set("confidential")(event.target.checked)}
            aria-invalid={!!errors.confidential}
            aria-describedby={[`${fieldId("confidential")}-hint`, errors.confidential ? `${fieldId("confidential")}-error` : ""]
              .filter(Boolean)
              .join(" ")}
          />
          <label className="hds-checkbox__label" htmlFor={fieldId("confidential")}>
            {t("form.confidential")}
          </label>
        </div>
        <span className="option-hint" id={`${fieldId("confidential")}-hint`}>
          {t("form.confidentialHint")}
        </span>
      </div>

      {mode === "propose" ? (
        (values.audienceGroups || values.sharedWithGroup) && (
          <div className="service-fixed">
            {values.audienceGroups && (
              <p>
                <strong>{t("form.audience")}:</strong> {values.audienceGroups.join(", ")}
              </p>
            )}
            {values.sharedWithGroup && (
              <p>
                <strong>{t("form.sharedWith")}:</strong> {values.sharedWithGroup}
              </p>
            )}
            <p>{t("form.keptAsIs")}</p>
          </div>
        )
      ) : (
        <ReachFields values={values} errors={errors} set={set} />
      )}

      {notice}
      <div className="button-row">
        {choices.map((choice) => (
          <button
            key={choice.value}
            type="submit"
            name="choice"
            value={choice.value}
            className={`hds-button ${choice.primary === false ? "hds-button--secondary" : "hds-button--primary"}`}
            aria-disabled={saving}
          >
            <span className="hds-button__label">{saving ? t("form.saving") : choice.label}</span>
          </button>
        ))}
        <Link to={cancelTo} className="hds-button hds-button--secondary">
          <span className="hds-button__label">{t("common:form.cancel")}</span>
        </Link>
      </div>
    </form>
  );
}

/** Who the service is offered to (everyone in scope, or chosen employee groups) and whether
 * the organisations of a tenant group see it too: a coordinator's choices, from `/me`. */
function ReachFields({
  values,
  errors,
  set,
}: {
  values: ServiceFormValues;
  errors: ServiceErrors;
  set: <K extends keyof ServiceFormValues>(field: K) => (value: ServiceFormValues[K]) => void;
}) {
  const { t } = useTranslation("trayEditing");
  const { me } = useSession();
  const text = useServiceText();
  const groups = me?.tenant?.employeeGroups ?? [];
  const tenantGroups = me?.tenant?.tenantGroups ?? [];
  return (
    <>
      <RadioGroup
        id={fieldId("audience")}
        label={t("form.audienceChoice")}
        required
        options={[
          { value: "everyone", label: t("form.audienceEveryone") },
          { value: "groups", label: t("form.audienceGroups") },
        ]}
        value={values.audienceGroups === null ? "everyone" : "groups"}
        onChange={(choice) => set("audienceGroups")(choice === "everyone" ? null : (values.audienceGroups ?? []))}
        error={values.audienceGroups === null ? errors.audience : undefined}
      />
      {values.audienceGroups !== null && (
        <CheckboxGroup
          id={fieldId("audienceGroups")}
          label={t("form.audience")}
          required
          options={groups.map((group) => ({ value: group.id, label: text(group.name).text }))}
          values={values.audienceGroups}
          onChange={(chosen) => set("audienceGroups")(chosen)}
          error={errors.audience}
        />
      )}
      {tenantGroups.length > 0 && (
        <RadioGroup
          id={fieldId("sharedWith")}
          label={t("form.sharedWithChoice")}
          required
          options={[
            { value: "", label: t("form.sharedWithNobody") },
            ...tenantGroups.map((group) => ({ value: group, label: t("form.sharedWithGroup", { group }) })),
          ]}
          value={values.sharedWithGroup ?? ""}
          onChange={(group) => set("sharedWithGroup")(group || null)}
          error={errors.sharedWith}
        />
      )}
    </>
  );
}
