import { api, unwrap, type Schemas } from "../../api/client";

export type ReportTypes = Schemas["ReportTypesResponse"];
export type ReportType = Schemas["ReportTypeView"];
export type ReportField = Schemas["ReportFieldView"];
export type Handlers = Schemas["HandlersResponse"];
export type SubmitBody = Schemas["SubmitReportRequest"];

/** What sending answers: a signed-in reporter gets an id to open the report later, an
 * anonymous one a receipt, shown once. */
export type Sent =
  | { kind: "signedIn"; reportId: string; reference: string }
  | { kind: "anonymous"; reference: string; receipt: string };

/** The same form talks to the public routes of a tenant or to the signed-in routes. */
export interface ReportChannel {
  /** Keys a draft in memory: one unsent report per tenant (or per signed-in person). */
  draftKey: string;
  anonymous: boolean;
  /** Where the form lives: the step is appended (e.g. `${base}/check`). */
  base: string;
  loadTypes(lang: string): Promise<ReportTypes>;
  loadHandlers(type: string, unit: string | null): Promise<Handlers>;
  submit(body: SubmitBody, idempotencyKey: string): Promise<Sent>;
}

export function anonymousChannel(tenant: string): ReportChannel {
  return {
    draftKey: `report:public:${tenant}`,
    anonymous: true,
    base: `/${tenant}/report`,
    loadTypes: (lang) => unwrap(api.GET("/public/{tenant}/report-types", { params: { path: { tenant }, query: { lang } } })),
    loadHandlers: (type, unit) =>
      unwrap(
        api.GET("/public/{tenant}/report-types/{type}/handlers", {
          params: { path: { tenant, type }, query: unit ? { unit } : {} },
        }),
      ),
    async submit(body, key) {
      const sent = await unwrap(
        api.POST("/public/{tenant}/reports", { params: { path: { tenant }, header: { "Idempotency-Key": key } }, body }),
      );
      return { kind: "anonymous", reference: sent.reference, receipt: sent.receipt };
    },
  };
}

export const signedInChannel: ReportChannel = {
  draftKey: "report:signed-in",
  anonymous: false,
  base: "/report",
  loadTypes: (lang) => unwrap(api.GET("/report-types", { params: { query: { lang } } })),
  loadHandlers: (type, unit) =>
    unwrap(api.GET("/report-types/{type}/handlers", { params: { path: { type }, query: unit ? { unit } : {} } })),
  async submit(body, key) {
    const sent = await unwrap(api.POST("/reports", { params: { header: { "Idempotency-Key": key } }, body }));
    return { kind: "signedIn", reportId: sent.reportId, reference: sent.reference };
  },
};
