import { expect, test, type Page } from "@playwright/test";
import { captureScreen, chooseLanguage, expectAccessibleInEveryLanguage, signInAs } from "./support";

/** axe in fi, sv and en, a screenshot, and back to Finnish for the next step's labels. */
async function checkScreen(page: Page, screen: string, shot?: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expectAccessibleInEveryLanguage(page, screen);
  await chooseLanguage(page, "fi");
  if (shot) await captureScreen(page, shot);
}

const next = (page: Page) => page.getByRole("button", { name: "Jatka" }).click();

test("every anonymous report screen has no axe violations in fi, sv and en", async ({ page }) => {
  // Eleven screens, three languages each.
  test.setTimeout(150_000);
  await page.goto("/kokkola/report");
  await expect(page.getByText("Häirintä tai epäasiallinen kohtelu", { exact: true })).toBeVisible();
  await checkScreen(page, "report: type", "report-type");
  await next(page);
  await expect(page.getByRole("alert")).toBeFocused();
  await checkScreen(page, "report: error summary", "report-errors");

  // An ordinary type asks for the unit as well.
  await page.getByText("Läheltä piti -tilanne", { exact: true }).click();
  await next(page);
  await page.getByLabel(/Mitä tapahtui\?/).fill("Lattia oli liukas.");
  await checkScreen(page, "report: fields", "report-form");
  await next(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mitä yksikköä asia koskee?");
  await page.getByText("Sivistyspalvelut", { exact: true }).click();
  await checkScreen(page, "report: unit", "report-unit");
  await next(page);
  await expect(page.getByText("Yksikön esihenkilö", { exact: true })).toBeVisible();
  await page.getByText("Yksikön esihenkilö", { exact: true }).click();
  await checkScreen(page, "report: handler (unit)");

  // The harassment type: choose a person, recuse another.
  await page.goto("/kokkola/report");
  await page.getByText("Häirintä tai epäasiallinen kohtelu", { exact: true }).click();
  await next(page);
  await page.getByLabel(/Mitä tapahtui\?/).fill("Kuvaus tapahtuneesta.");
  await next(page);
  await page.getByText("Liisa Niemi", { exact: true }).click();
  await checkScreen(page, "report: handler", "report-handler");
  await next(page);
  await page.getByText("Sari Koskinen", { exact: true }).click();
  await checkScreen(page, "report: recusal", "report-recusal");
  await next(page);
  await checkScreen(page, "report: check answers", "report-check");
  await page.getByRole("button", { name: "Lähetä ilmoitus" }).click();
  await expect(page.locator(".receipt-code")).toBeVisible();
  const receipt = (await page.locator(".receipt-code").textContent())!.trim();
  await checkScreen(page, "report: receipt", "report-receipt");
  await page.getByRole("link", { name: "Workwell" }).click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await captureScreen(page, "report-leave-warning");
  await page.getByRole("button", { name: "Kyllä, poistu sivulta" }).click();

  await page.goto("/kokkola/follow-up");
  await checkScreen(page, "follow-up: receipt form", "follow-up-form");
  await page.getByLabel(/Kuittauskoodi/).fill(receipt);
  await page.getByRole("button", { name: "Näytä ilmoitus" }).click();
  await expect(page.locator(".hds-status-label")).toBeVisible();
  await checkScreen(page, "follow-up: the report", "follow-up");
  await page.getByRole("button", { name: "Lähetä viesti" }).click();
  await expect(page.getByRole("alert")).toBeFocused();
  await checkScreen(page, "follow-up: reply error");
});

test("My reports and one report have no axe violations in fi, sv and en", async ({ page }) => {
  await signInAs(page, "Aino Virtanen");
  await page.getByRole("navigation", { name: "Päävalikko" }).getByRole("link", { name: "Tee ilmoitus" }).click();
  await page.getByText("Häirintä tai epäasiallinen kohtelu", { exact: true }).click();
  await next(page);
  await page.getByLabel(/Mitä tapahtui\?/).fill("Kuvaus tapahtuneesta.");
  await next(page);
  await page.getByText("Liisa Niemi", { exact: true }).click();
  await next(page);
  await next(page);
  await page.getByRole("button", { name: "Lähetä ilmoitus" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ilmoituksesi on lähetetty");
  await checkScreen(page, "report: sent (signed in)", "report-sent");
  await page.getByRole("link", { name: "Avaa ilmoituksesi" }).click();
  await expect(page.locator(".hds-status-label")).toBeVisible();
  await checkScreen(page, "one report", "my-report");
  await page.getByRole("navigation", { name: "Päävalikko" }).getByRole("link", { name: "Omat ilmoitukset" }).click();
  await expect(page.getByRole("table")).toBeVisible();
  await checkScreen(page, "my reports", "my-reports");
});
