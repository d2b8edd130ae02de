import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Schemas } from "../../api/client";
import { ApiText, useApiLanguage } from "./ApiText";
import { OverdueLabel } from "./CaseSections";
import { formatDate } from "../../format";

type CaseSummary = Schemas["CaseSummaryView"];

/** The nearest open deadline (the API lists them by time; met ones are gone). */
function NextDeadline({ item }: { item: CaseSummary }) {
  const { t, i18n } = useTranslation("cases");
  const lang = useApiLanguage();
  const next = item.deadlines[0];
  if (!next) return <>{t("deadlines.none")}</>;
  return (
    <>
      <ApiText lang={lang}>{next.label}</ApiText>: {formatDate(next.dueAt, i18n.language)}
    </>
  );
}

function State({ item }: { item: CaseSummary }) {
  const lang = useApiLanguage();
  return (
    <>
      <ApiText lang={lang}>{item.statusLabel}</ApiText> {item.overdue && <OverdueLabel />}
    </>
  );
}

/** The inbox as a table on wide screens and as cards on narrow ones (CSS shows one of
 * the two; the hidden one is display:none, so neither screen readers nor keyboards meet it). */
export function CaseList({ items }: { items: CaseSummary[] }) {
  const { t, i18n } = useTranslation("cases");
  const lang = useApiLanguage();
  return (
    <>
      <div className="hds-table-container inbox-table" tabIndex={0} role="region" aria-labelledby="inbox-table-caption">
        <table className="hds-table hds-table--light">
          <caption id="inbox-table-caption" className="visually-hidden">
            {t("inbox.caption")}
          </caption>
          <thead>
            <tr className="hds-table__header-row">
              <th scope="col">{t("columns.reference")}</th>
              <th scope="col">{t("columns.type")}</th>
              <th scope="col">{t("columns.state")}</th>
              <th scope="col">{t("columns.received")}</th>
              <th scope="col">{t("columns.nextDeadline")}</th>
            </tr>
          </thead>
          <tbody className="hds-table__content">
            {items.map((item) => (
              <tr key={item.caseId}>
                <td>
                  <Link to={`/cases/${item.caseId}`}>{item.reference}</Link>
                </td>
                <td>
                  <ApiText lang={lang}>{item.typeLabel}</ApiText>
                </td>
                <td>
                  <State item={item} />
                </td>
                <td>{formatDate(item.receivedAt, i18n.language)}</td>
                <td>
                  <NextDeadline item={item} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="inbox-cards" aria-label={t("inbox.caption")}>
        {items.map((item) => (
          <li key={item.caseId} className="inbox-card">
            <p className="inbox-card__reference">
              <Link to={`/cases/${item.caseId}`}>{item.reference}</Link>
            </p>
            <dl className="summary-list">
              <div>
                <dt>{t("columns.type")}</dt>
                <dd>
                  <ApiText lang={lang}>{item.typeLabel}</ApiText>
                </dd>
              </div>
              <div>
                <dt>{t("columns.state")}</dt>
                <dd>
                  <State item={item} />
                </dd>
              </div>
              <div>
                <dt>{t("columns.received")}</dt>
                <dd>{formatDate(item.receivedAt, i18n.language)}</dd>
              </div>
              <div>
                <dt>{t("columns.nextDeadline")}</dt>
                <dd>
                  <NextDeadline item={item} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
