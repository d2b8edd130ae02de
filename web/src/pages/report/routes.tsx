import { useMemo } from "react";
import { useParams, type RouteObject } from "react-router";
import { useSession } from "../../session/SessionProvider";
import { NotFoundPage } from "../NotFoundPage";
import { FollowUpPage } from "./FollowUpPage";
import { MyReportPage } from "./MyReportPage";
import { MyReportsPage } from "./MyReportsPage";
import { ReceiptPage } from "./ReceiptPage";
import { anonymousChannel, signedInChannel } from "./reportChannel";
import { isStep } from "./reportDraft";
import { ReportForm } from "./ReportForm";
import { SentPage } from "./SentPage";

const TENANT = /^[a-z0-9-]{1,40}$/;

/** /{tenant}/report[/step]: the anonymous form, and its receipt once sent. */
function AnonymousReportRoute() {
  const { tenant = "", step = "type" } = useParams();
  const channel = useMemo(() => anonymousChannel(tenant), [tenant]);
  if (!TENANT.test(tenant)) return <NotFoundPage />;
  if (step === "receipt") return <ReceiptPage channel={channel} tenant={tenant} />;
  if (!isStep(step)) return <NotFoundPage />;
  return <ReportForm key={tenant} channel={channel} step={step} />;
}

/** /report[/step]: the same form signed in; the person's own unit is the first guess. */
function SignedInReportRoute() {
  const { step = "type" } = useParams();
  const { me } = useSession();
  if (step === "sent") return <SentPage channel={signedInChannel} />;
  if (!isStep(step)) return <NotFoundPage />;
  return <ReportForm channel={signedInChannel} step={step} defaultUnit={me?.unit ?? ""} />;
}

function FollowUpRoute() {
  const { tenant = "" } = useParams();
  if (!TENANT.test(tenant)) return <NotFoundPage />;
  return <FollowUpPage key={tenant} />;
}

/** The report screens: pages anyone may open (`open`) and pages behind sign-in (`signedIn`). */
export const reportRoutes: { open: RouteObject[]; signedIn: RouteObject[] } = {
  open: [
    { path: ":tenant/report/:step?", element: <AnonymousReportRoute /> },
    { path: ":tenant/follow-up", element: <FollowUpRoute /> },
  ],
  signedIn: [
    { path: "report/:step?", element: <SignedInReportRoute /> },
    { path: "reports", element: <MyReportsPage /> },
    { path: "reports/:reportId", element: <MyReportPage /> },
  ],
};
