import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./styles/index.css";
import "./i18n";
import { App } from "./App";
import { loadAppConfig } from "./session/appConfig";

const root = createRoot(document.getElementById("root")!);
loadAppConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    ),
  () => {
    root.render(<p role="alert">Workwell ei käynnistynyt. / Workwell startade inte. / Workwell did not start.</p>);
  },
);
