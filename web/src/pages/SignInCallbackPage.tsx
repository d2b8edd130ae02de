import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { usePageTitle } from "../layout/usePageTitle";
import { useSession } from "../session/SessionProvider";
import { completeOidcSignIn } from "../session/oidcSignIn";

/** Where Cognito's hosted UI sends the person back with an authorization code. */
export function SignInCallbackPage() {
  const { t } = useTranslation();
  const { config, acceptCredentials } = useSession();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  usePageTitle(t("signIn.title"));
  useEffect(() => {
    if (config.signIn.kind !== "oidc") return;
    completeOidcSignIn(config.signIn)
      .then(async ({ credentials, returnTo }) => {
        const { mayReturn } = await acceptCredentials(credentials);
        navigate(mayReturn ? returnTo : "/", { replace: true });
      })
      .catch(() => {
        // The code and state in the address are spent: take them out of it.
        history.replaceState(null, "", "/sign-in/callback");
        setFailed(true);
      });
  }, [config, acceptCredentials, navigate]);
  return <h1>{failed ? t("signIn.failed") : t("loading")}</h1>;
}
