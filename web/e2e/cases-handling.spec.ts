import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { emailsTo, linkIn, signInAs } from "./support";

const LIISA_ADDRESS = "kokkola-safetyrep-liisa@kokkola.example";

async function tokenFor(request: APIRequestContext, userId: string): Promise<string> {
  const response = await request.post("/_local/sign-in", { data: { userId } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { token: string }).token;
}

/** Aino's harassment report, through the API as the report form would send it. */
async function fileHarassmentReport(request: APIRequestContext, ainoToken: string) {
  const response = await request.post("/api/reports", {
    headers: { Authorization: `Bearer ${ainoToken}`, "Idempotency-Key": crypto.randomUUID() },
    data: {
      type: "harassment",
      answers: {
        whatHappened: "My supervisor shouts at me in meetings.",
        toldUnwanted: "no",
        hopedOutcome: "That it stops.",
      },
      handlerId: "kokkola-safetyrep-liisa",
      recusedIds: ["kokkola-hrdir-sari"],
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { reportId: string; reference: string };
}

test("Liisa opens the case from her email, acknowledges it and writes to Aino, who sees both", async ({ page, request }) => {
  const aino = await tokenFor(request, "kokkola-employee-aino");
  const report = await fileHarassmentReport(request, aino);

  // The outbox relay delivers within seconds.
  let link = "";
  await expect
    .poll(
      async () => {
        const email = (await emailsTo(request, LIISA_ADDRESS)).find((candidate) => candidate.body.includes(report.reference));
        link = email ? linkIn(email, baseURL) : "";
        return link;
      },
      { timeout: 20_000 },
    )
    .toContain(`/cases/${report.reportId}`);

  await page.goto(link);
  await expect(page).toHaveURL(/\/sign-in$/);
  await signInAs(page, "Liisa Niemi");
  await expect(page).toHaveURL(new RegExp(`/cases/${report.reportId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(report.reference);
  await expect(page.getByText("My supervisor shouts at me in meetings.")).toBeVisible();
  // The page title names the screen, never the case.
  expect(await page.title()).not.toContain(report.reference);

  // The action buttons are the API's; the chosen one opens its form.
  await page.getByRole("button", { name: "Kuittaa vastaanotto" }).click();
  await page.getByRole("button", { name: "Vahvista: Kuittaa vastaanotto" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tehty: Kuittaa vastaanotto." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Kuittaa vastaanotto" })).toHaveCount(0);

  await page.getByRole("textbox", { name: /^Viesti/ }).fill("Hei Aino, olen saanut ilmoituksesi ja otan yhteyttä tällä viikolla.");
  await page.getByRole("button", { name: "Lähetä viesti" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Viestisi lähetettiin ilmoittajalle." })).toBeVisible();
  await expect(page.getByText("Hei Aino, olen saanut ilmoituksesi")).toBeVisible();

  const seen = await request.get(`/api/reports/${report.reportId}`, { headers: { Authorization: `Bearer ${aino}` } });
  expect(seen.ok()).toBe(true);
  const mine = (await seen.json()) as { status: string; messages: { author: string; body: string }[] };
  expect(mine.status).toBe("acknowledged");
  expect(mine.messages).toContainEqual(
    expect.objectContaining({ author: "handler", body: "Hei Aino, olen saanut ilmoituksesi ja otan yhteyttä tällä viikolla." }),
  );
});

/** Moves within the app without a reload (a reload is a sign-out: tokens live in memory). */
export async function openInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => {
    window.history.pushState({}, "", target);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

test("a case outside the handler's rights answers like a missing one", async ({ page, request }) => {
  const aino = await tokenFor(request, "kokkola-employee-aino");
  const report = await fileHarassmentReport(request, aino);
  await signInAs(page, "Sari Koskinen"); // the HR director Aino recused
  await openInApp(page, `/cases/${report.reportId}`);
  await expect(page.getByText("Tätä ei löytynyt, tai sinulla ei ole siihen pääsyä.")).toBeVisible();
  await openInApp(page, "/cases/00000000000000000000000000000000");
  await expect(page.getByText("Tätä ei löytynyt, tai sinulla ei ole siihen pääsyä.")).toBeVisible();
});
