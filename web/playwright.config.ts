import { defineConfig } from "@playwright/test";

/** Browser tests against the stack `make run` starts, on its own port, in Debian's Chromium
 * (Playwright's own browser download is not reachable here). */
const port = Number(process.env.WORKWELL_E2E_PORT ?? 3107);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  outputDir: "test-results",
  use: {
    baseURL,
    locale: "fi-FI",
    timezoneId: "Europe/Helsinki",
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
      // Without these Chromium keeps calling Google's services, which this machine refuses.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: ".venv/bin/python -m infra.local.run",
    cwd: "..",
    url: `${baseURL}/app-config.json`,
    env: { PORT: String(port), HOST: "127.0.0.1" },
    timeout: 120_000,
    reuseExistingServer: !process.env.CI,
    stdout: "ignore",
    // The stack logs every request; WORKWELL_E2E_VERBOSE=1 shows them when a run needs explaining.
    stderr: process.env.WORKWELL_E2E_VERBOSE ? "pipe" : "ignore",
  },
});
