import { expect, test } from "@playwright/test";
import { tabTo } from "./support";

test("a handler signs in, acknowledges a case and writes to the reporter with the keyboard alone", async ({ page, request }) => {
  const signIn = await request.post("/_local/sign-in", { data: { userId: "kokkola-employee-aino" } });
  const aino = ((await signIn.json()) as { token: string }).token;
  const filed = await request.post("/api/reports", {
    headers: { Authorization: `Bearer ${aino}`, "Idempotency-Key": crypto.randomUUID() },
    data: {
      type: "harassment",
      answers: { whatHappened: "Palaverissa huudettiin minulle.", toldUnwanted: "no", hopedOutcome: "Että se loppuu." },
      handlerId: "kokkola-safetyrep-liisa",
      recusedIds: [],
    },
  });
  expect(filed.status()).toBe(201);
  const { reportId, reference } = (await filed.json()) as { reportId: string; reference: string };

  await page.goto(`/cases/${reportId}`);
  await expect(page).toHaveURL(/\/sign-in$/);
  await tabTo(page, page.getByRole("button", { name: "Kirjaudu: Liisa Niemi" }), 80);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);

  await tabTo(page, page.getByRole("button", { name: "Kuittaa vastaanotto" }), 80);
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Vahvista: Kuittaa vastaanotto" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Tehty: Kuittaa vastaanotto." })).toBeVisible();

  await tabTo(page, page.getByRole("textbox", { name: /^Viesti/ }), 80);
  await page.keyboard.type("Kiitos ilmoituksesta, palaan asiaan huomenna.");
  await tabTo(page, page.getByRole("button", { name: "Lähetä viesti" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Viestisi lähetettiin ilmoittajalle." })).toBeVisible();
  await expect(page.getByText("Kiitos ilmoituksesta, palaan asiaan huomenna.")).toBeVisible();
});
