import { Navigate, Outlet, useLocation } from "react-router";
import { useSession } from "./SessionProvider";

/** Pages for signed-in people: others go to sign-in and come back to this path (ids only,
 * never content, are in an app path). */
export function RequireSignIn() {
  const { me } = useSession();
  const location = useLocation();
  if (!me) return <Navigate to="/sign-in" replace state={{ returnTo: location.pathname }} />;
  return <Outlet />;
}
