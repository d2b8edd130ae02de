import { useState } from "react";
import { createBrowserRouter, Outlet, RouterProvider, type RouteObject } from "react-router";
import { AppFrame } from "./layout/AppFrame";
import { HomePage } from "./pages/HomePage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { SignInCallbackPage } from "./pages/SignInCallbackPage";
import { SignInPage } from "./pages/SignInPage";
import { adminRoutes } from "./pages/admin/routes";
import { casesRoutes } from "./pages/cases/routes";
import { reportRoutes } from "./pages/report/routes";
import { surveyRoutes } from "./pages/survey/routes";
import { trayRoutes } from "./pages/tray/routes";
import type { AppConfig } from "./session/appConfig";
import { RequireSignIn } from "./session/RequireSignIn";
import { SessionProvider } from "./session/SessionProvider";

function Shell() {
  return (
    <AppFrame>
      <Outlet />
    </AppFrame>
  );
}

export const appRoutes: RouteObject[] = [
  {
    element: <Shell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "sign-in", element: <SignInPage /> },
      { path: "sign-in/callback", element: <SignInCallbackPage /> },
      {
        element: <RequireSignIn />,
        children: [...reportRoutes.signedIn, ...casesRoutes.signedIn, ...adminRoutes.signedIn, ...trayRoutes.signedIn, ...surveyRoutes.signedIn],
      },
      // Tenant-scoped public pages (/{tenant}/report …) come after the fixed paths.
      ...reportRoutes.open,
      ...casesRoutes.open,
      ...adminRoutes.open,
      ...trayRoutes.open,
      ...surveyRoutes.open,
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

export function App({ config }: { config: AppConfig }) {
  const [router] = useState(() => createBrowserRouter(appRoutes));
  return (
    <SessionProvider config={config}>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
