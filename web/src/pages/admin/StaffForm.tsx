import { useState, type FormEvent } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api, ApiFailure, unwrap } from "../../api/client";
import { ErrorSummary } from "../../forms/ErrorSummary";
import { CheckboxGroup, RadioGroup, TextField } from "../../forms/fields";
import { ApiProblem } from "../../layout/ApiProblem";
import { CASE_HANDLING_ROLES, PRIVILEGED_ROLES, unitName, type StaffMember, type Unit } from "./staffApi";
import { roleLabel } from "./roleText";
import {
  apiErrors,
  EMAIL_MAX,
  emptyValues,
  FIELD_IDS,
  NAME_MAX,
  summaryOf,
  toRequest,
  validate,
  valuesOf,
  type StaffErrors,
  type StaffFormValues,
} from "./staffFormModel";

type Failed =
  | { kind: "checked"; values: StaffFormValues }
  | { kind: "refused"; failure: ApiFailure }
  | { kind: "taken" };

function errorsOf(failed: Failed | null, isNew: boolean, t: TFunction): StaffErrors {
  if (failed?.kind === "checked") return validate(failed.values, isNew, t);
  if (failed?.kind === "refused") return apiErrors(failed.failure, t);
  if (failed?.kind === "taken") return { userId: t("admin:form.errors.userIdTaken") };
  return {};
}

interface Props {
  /** The stored entry, or null for a new person. */
  existing: StaffMember | null;
  units: Unit[];
  onSaved: (member: StaffMember) => void;
  /** Someone else changed the entry: the page loads it again; the form keeps what was typed. */
  onConflict: () => void;
}

export function StaffForm({ existing, units, onSaved, onConflict }: Props) {
  const { t, i18n } = useTranslation("admin");
  const isNew = existing === null;
  const [values, setValues] = useState<StaffFormValues>(() => (existing ? valuesOf(existing) : emptyValues()));
  // What failed, not its messages: the messages follow a language switch made after it.
  const [failed, setFailed] = useState<Failed | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<ApiFailure | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);

  const set = <K extends keyof StaffFormValues>(field: K) => (value: StaffFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  const fail = (why: Failed) => {
    setFailed(why);
    setAttempt((n) => n + 1);
  };
  const errors = errorsOf(failed, isNew, t);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // aria-disabled rather than disabled keeps the button focusable while a save runs.
    if (saving) return;
    setProblem(null);
    setConflict(false);
    if (Object.keys(validate(values, isNew, t)).length > 0) return fail({ kind: "checked", values });
    setFailed(null);
    setSaving(true);
    try {
      const userId = isNew ? values.userId.trim() : existing.userId;
      const saved = await unwrap(
        api.PUT("/staff/{userId}", {
          params: { path: { userId } },
          body: toRequest(values, existing?.version ?? null),
        }),
      );
      onSaved(saved);
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : new ApiFailure(0, null);
      if (failure.status === 409 && isNew) fail({ kind: "taken" });
      else if (failure.status === 409) {
        setConflict(true);
        onConflict();
      } else if (failure.status === 422 && Object.keys(apiErrors(failure, t)).length > 0) fail({ kind: "refused", failure });
      else setProblem(failure);
    } finally {
      setSaving(false);
    }
  }

  const roleOptions = PRIVILEGED_ROLES.map((role) => ({
    value: role,
    label: CASE_HANDLING_ROLES.includes(role) ? t("form.roleNeedsConfirmation", { role: roleLabel(role, t) }) : roleLabel(role, t),
  }));
  const languageOptions = (["fi", "sv", "en"] as const).map((language) => ({
    value: language,
    label: t(`form.languages.${language}`),
  }));
  const unitOptions = units.map((unit) => ({ value: unit.id, label: unitName(unit, i18n.language) }));

  return (
    <form noValidate onSubmit={submit} aria-describedby={conflict ? "staff-conflict" : undefined}>
      <ErrorSummary errors={summaryOf(errors)} attempt={attempt} />
      {conflict && (
        <div className="hds-notification hds-notification--error" role="alert" id="staff-conflict">
          <div className="hds-notification-content">
            <p>{t("form.conflict")}</p>
          </div>
        </div>
      )}
      {problem && <ApiProblem failure={problem} />}
      {isNew && (
        <TextField
          id={FIELD_IDS.userId}
          label={t("form.userId")}
          hint={t("form.userIdHint")}
          required
          value={values.userId}
          onChange={set("userId")}
          error={errors.userId}
          maxLength={128}
          autoComplete="off"
        />
      )}
      <TextField
        id={FIELD_IDS.name}
        label={t("form.name")}
        required
        value={values.name}
        onChange={set("name")}
        error={errors.name}
        maxLength={NAME_MAX}
        autoComplete="off"
      />
      <TextField
        id={FIELD_IDS.email}
        label={t("form.email")}
        hint={t("form.emailHint")}
        required
        type="email"
        value={values.email}
        onChange={set("email")}
        error={errors.email}
        maxLength={EMAIL_MAX}
        autoComplete="off"
      />
      <RadioGroup
        id={FIELD_IDS.language}
        label={t("form.language")}
        required
        options={languageOptions}
        value={values.language}
        onChange={(value) => set("language")(value as StaffFormValues["language"])}
        error={errors.language}
      />
      <CheckboxGroup
        id={FIELD_IDS.roles}
        label={t("form.roles")}
        hint={t("form.rolesHint")}
        required
        options={roleOptions}
        values={values.roles}
        onChange={(roles) => set("roles")(roles as StaffFormValues["roles"])}
        error={errors.roles}
      />
      {unitOptions.length > 0 && (
        <CheckboxGroup
          id={FIELD_IDS.supervisedUnits}
          label={t("form.supervisedUnits")}
          hint={t("form.supervisedUnitsHint")}
          options={unitOptions}
          values={values.supervisedUnits}
          onChange={set("supervisedUnits")}
          error={errors.supervisedUnits}
        />
      )}
      <div className="button-row">
        <button type="submit" className="hds-button hds-button--primary" aria-disabled={saving}>
          <span className="hds-button__label">{saving ? t("form.saving") : t("common:form.save")}</span>
        </button>
        <Link to="/staff" className="hds-button hds-button--secondary">
          <span className="hds-button__label">{t("common:form.cancel")}</span>
        </Link>
      </div>
    </form>
  );
}
