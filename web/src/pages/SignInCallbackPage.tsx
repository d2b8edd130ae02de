import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useSession } from "../session/SessionProvider";
import { completeOidcSignIn } from "../session/oidcSignIn";

/** Where Cognito's hosted UI sends the person back with an authorization code. */
export function SignInCallbackPage() {
  const { t } = useTranslation();
  const { config, acceptCredentials } = useSession();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (config.signIn.kind !== "oidc") return;
    completeOidcSignIn(config.signIn)
      .then(async ({ credentials, returnTo }) => {
        await acceptCredentials(credentials);
        navigate(returnTo, { replace: true });
      })
      .catch(() => setFailed(true));
  }, [config, acceptCredentials, navigate]);
  return <h1>{failed ? t("signIn.failed") : t("loading")}</h1>;
}
