import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { captureScreen, expectAccessibleInEveryLanguage, signInAs } from "./support";

/** Moves within the app without a reload (a reload is a sign-out: tokens live in memory). */
async function openInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => {
    window.history.pushState({}, "", target);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

async function harassmentCase(request: APIRequestContext): Promise<{ reportId: string; reference: string }> {
  const signIn = await request.post("/_local/sign-in", { data: { userId: "kokkola-employee-aino" } });
  const { token } = (await signIn.json()) as { token: string };
  const response = await request.post("/api/reports", {
    headers: { Authorization: `Bearer ${token}`, "Idempotency-Key": crypto.randomUUID() },
    data: {
      type: "harassment",
      answers: { whatHappened: "Minua nimitellään työpaikalla.", toldUnwanted: "yes", hopedOutcome: "Että se loppuu." },
      handlerId: "kokkola-safetyrep-liisa",
      recusedIds: ["kokkola-hrdir-sari"],
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { reportId: string; reference: string };
}

test("the inbox, case file and audit trail are accessible in fi, sv and en", async ({ page, request }) => {
  const report = await harassmentCase(request);
  await signInAs(page, "Liisa Niemi");
  await page.getByRole("link", { name: "Käsiteltävät tapaukset" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Käsiteltävät tapaukset" })).toBeVisible();
  await expect(page.getByRole("link", { name: report.reference })).toBeVisible();
  await expectAccessibleInEveryLanguage(page, "cases inbox");
  await captureScreen(page, "cases-inbox");

  // The filters are a form: nothing changes until it is sent; they go to the URL, never content.
  await page.getByRole("checkbox", { name: "Overdue cases" }).check();
  await page.getByRole("button", { name: "Show cases" }).click();
  await expect(page).toHaveURL(/\/cases\?overdue=true$/);
  await expect(page.getByRole("link", { name: report.reference })).toHaveCount(0);

  await openInApp(page, `/cases/${report.reportId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(report.reference);
  await expectAccessibleInEveryLanguage(page, "case file");
  // With an action's form open too.
  await page.getByRole("button", { name: "Sulje" }).click();
  await expect(page.getByRole("radio", { name: "Resolved" })).toBeVisible();
  await expectAccessibleInEveryLanguage(page, "case file, closing form");
  await page.getByRole("button", { name: "Cancel" }).click();
  await captureScreen(page, "case-file");

  await page.getByRole("link", { name: "See who has read and done what in this case" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Case file read" }).first()).toBeVisible();
  await expectAccessibleInEveryLanguage(page, "case audit trail");
  await captureScreen(page, "case-audit");
});

test("statistics for the safety manager are accessible, a hidden number explained", async ({ page, request }) => {
  await harassmentCase(request);
  await signInAs(page, "Pekka Laine");
  await page.getByRole("link", { name: "Tilastot" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Tapaustilastot" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Tapaukset yksiköittäin ja tyypeittäin" })).toBeVisible();
  await expect(page.getByText(/tarkoittaa pientä lukua/)).toBeVisible();
  await expectAccessibleInEveryLanguage(page, "case statistics");
  await captureScreen(page, "case-stats");
});

test("nothing on the handler's screens scrolls sideways at 320 px", async ({ page, request }) => {
  const report = await harassmentCase(request);
  await page.setViewportSize({ width: 320, height: 800 });
  await signInAs(page, "Liisa Niemi");
  for (const path of ["/cases", `/cases/${report.reportId}`, `/cases/${report.reportId}/audit`]) {
    await openInApp(page, path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
