import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { addTexts } from "../i18n";
import { pageResources } from "../locales/pages";

// Components are rendered without their routes, so the texts a route would load come first.
addTexts(pageResources);

afterEach(() => cleanup());
