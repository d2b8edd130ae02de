import { expect, test, type Page } from "@playwright/test";
import { signInAs, tabTo } from "./support";

const SECRET = "Esihenkilö huutaa minulle palavereissa";

async function expectNoContentLeft(page: Page, texts: string[]): Promise<void> {
  const places = await page.evaluate(() => {
    const stored = (storage: Storage) => Array.from({ length: storage.length }, (_, i) => `${storage.key(i)}=${storage.getItem(storage.key(i)!)}`);
    return [location.href, document.title, JSON.stringify(history.state), ...stored(localStorage), ...stored(sessionStorage)];
  });
  places.push(page.url());
  for (const text of texts) for (const place of places) expect(place).not.toContain(text);
}

async function tokenOf(page: Page, userId: string): Promise<string> {
  const response = await page.request.post("/_local/sign-in", { data: { userId } });
  return ((await response.json()) as { token: string }).token;
}

test("an anonymous report in Kokkola: the receipt once, then follow-up with it shows the status and the handler's message", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/kokkola/report");
  await page.getByText("Häirintä tai epäasiallinen kohtelu", { exact: true }).click();
  await page.getByRole("button", { name: "Jatka" }).click();
  await page.getByLabel(/Mitä tapahtui\?/).fill(SECRET);
  await page.getByRole("button", { name: "Jatka" }).click();
  await page.getByText("Liisa Niemi", { exact: true }).click();
  await page.getByRole("button", { name: "Jatka" }).click();
  await page.getByRole("button", { name: "Jatka" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tarkista ilmoitus ennen lähettämistä");
  await expect(page.getByText(SECRET)).toBeVisible();
  await page.getByRole("button", { name: "Lähetä ilmoitus" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ilmoituksesi on lähetetty");
  const receipt = (await page.locator(".receipt-code").textContent())!.trim();
  const reference = (await page.locator(".receipt-printable dd").first().textContent())!.trim();
  expect(receipt).toMatch(/^[0-9A-Z-]{20,40}$/);
  await page.getByRole("button", { name: "Kopioi koodi" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Kuittauskoodi kopioitiin." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(receipt);
  await expectNoContentLeft(page, [SECRET, receipt]);

  // Leaving inside the app asks first; staying keeps the receipt on screen.
  await page.getByRole("link", { name: "Workwell" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Oletko tallentanut kuittauskoodin?");
  await page.getByRole("button", { name: "En, pysy tällä sivulla" }).click();
  await expect(page.locator(".receipt-code")).toHaveText(receipt);
  await page.getByRole("button", { name: "Olen tallentanut koodin" }).click();

  await expect(page).toHaveURL(/\/kokkola\/follow-up$/);
  await page.getByLabel(/Kuittauskoodi/).fill(receipt);
  await page.getByRole("button", { name: "Näytä ilmoitus" }).click();
  await expect(page.getByText(reference)).toBeVisible();
  await expect(page.locator(".hds-status-label")).toHaveText("Vastaanotettu");
  // The code has done its work: it is no longer in the page.
  expect(await page.content()).not.toContain(receipt);
  await expectNoContentLeft(page, [receipt]);

  // Liisa writes to the reporter through the API (the handler screens are another area).
  const liisa = await tokenOf(page, "kokkola-safetyrep-liisa");
  const headers = { Authorization: `Bearer ${liisa}` };
  const cases = (await (await page.request.get("/api/cases", { headers })).json()) as { items: { caseId: string; reference: string }[] };
  const caseId = cases.items.find((item) => item.reference === reference)!.caseId;
  const sent = await page.request.post(`/api/cases/${caseId}/messages`, {
    headers: { ...headers, "Idempotency-Key": `e2e-${Date.now()}-liisa` },
    data: { body: "Kiitos ilmoituksesta. Otan yhteyttä." },
  });
  expect(sent.status()).toBe(201);

  // The reporter answers; the page reads the case again and shows both messages.
  await page.getByLabel(/Viestisi/).fill("Kiitos, odotan.");
  await page.getByRole("button", { name: "Lähetä viesti" }).click();
  await expect(page.getByText("Viestisi lähetettiin.")).toBeVisible();
  await expect(page.locator(".message--handler")).toContainText("Kiitos ilmoituksesta. Otan yhteyttä.");
  await expect(page.locator(".message--reporter")).toContainText("Kiitos, odotan.");

  await page.getByRole("button", { name: "Sulje ilmoitus" }).click();
  await expect(page.getByText("Ilmoitus suljettiin ja kuittauskoodi unohdettiin.")).toBeVisible();
  await expect(page.getByLabel(/Kuittauskoodi/)).toHaveValue("");
});

test("Aino files a harassment report with the keyboard alone, choosing Liisa and recusing Sari, and sees it in My reports", async ({ page }) => {
  await signInAs(page, "Aino Virtanen");
  const handlers = (await (
    await page.request.get("/api/report-types/harassment/handlers", {
      headers: { Authorization: `Bearer ${await tokenOf(page, "kokkola-employee-aino")}` },
    })
  ).json()) as { handlers: { name: string }[]; recusable: { name: string }[] };
  expect(handlers.handlers.map((person) => person.name)).toContain("Liisa Niemi");
  expect(handlers.recusable.map((person) => person.name)).toContain("Sari Koskinen");

  await tabTo(page, page.getByRole("navigation", { name: "Päävalikko" }).getByRole("link", { name: "Tee ilmoitus" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mistä haluat ilmoittaa?");
  // Into the group of radios; arrow keys move the choice, the first one is harassment.
  await tabTo(page, page.getByRole("radio").first());
  await page.keyboard.press("Space");
  await expect(page.getByRole("radio", { name: "Häirintä tai epäasiallinen kohtelu" })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Jatka" }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kerro, mitä tapahtui");
  await tabTo(page, page.getByLabel(/Mitä tapahtui\?/));
  await page.keyboard.type(SECRET);
  await tabTo(page, page.getByRole("button", { name: "Jatka" }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kuka käsittelee ilmoituksesi?");
  await tabTo(page, page.getByRole("radio").first());
  const liisa = page.getByRole("radio", { name: "Liisa Niemi" });
  for (let press = 0; press < 6 && !(await liisa.isChecked()); press += 1) await page.keyboard.press("ArrowDown");
  await expect(liisa).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Jatka" }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Onko joku, joka ei saa nähdä ilmoitustasi?");
  await tabTo(page, page.getByRole("checkbox", { name: "Sari Koskinen" }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: "Sari Koskinen" })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Jatka" }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tarkista ilmoitus ennen lähettämistä");
  await expect(page.locator(".report-summary").last()).toContainText("Liisa Niemi");
  await expect(page.locator(".report-summary").last()).toContainText("Sari Koskinen");
  await tabTo(page, page.getByRole("button", { name: "Lähetä ilmoitus" }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ilmoituksesi on lähetetty");
  const reference = (await page.locator(".summary-list dd").first().textContent())!.trim();
  expect(reference).toMatch(/^KOK-/);
  await expectNoContentLeft(page, [SECRET]);

  await tabTo(page, page.getByRole("link", { name: "Omat ilmoitukset" }).last());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Omat ilmoitukset");
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText("Vastaanotettu");
  await tabTo(page, row.getByRole("link", { name: reference }), 80);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Oma ilmoitus");
  await expect(page.getByText(SECRET)).toBeVisible();
  await expectNoContentLeft(page, [SECRET]);
});
