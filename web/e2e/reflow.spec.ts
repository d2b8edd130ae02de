import { expect, test } from "@playwright/test";
import { expectReflow, signInAs } from "./support";

test("the reporter's screens reflow at 320 px and at 200 % zoom", async ({ page }) => {
  await page.goto("/");
  await expectReflow(page, "front page");
  await page.goto("/kokkola/report");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mistä haluat ilmoittaa?");
  await expectReflow(page, "report type");
  await page.getByRole("button", { name: "Jatka" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectReflow(page, "report type with errors");
  await page.locator("label", { hasText: "Häirintä tai epäasiallinen kohtelu" }).click();
  await page.getByRole("button", { name: "Jatka" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kerro, mitä tapahtui");
  await expectReflow(page, "report details");
  await page.goto("/kokkola/follow-up");
  await expectReflow(page, "follow-up");

  await page.goto("/reports");
  await signInAs(page, "Aino Virtanen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Omat ilmoitukset");
  await expectReflow(page, "my reports");
});
