import { expect, test, type Page } from "@playwright/test";
import { captureScreen, chooseLanguage, expectAccessibleInEveryLanguage, signInAs } from "./support";

// Tokens live in memory: after signing in, move with the app's own links, never page.goto.
async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Kirjaudu ulos|Logga ut|Sign out/ }).click();
}

/** A page behind sign-in, then back to it after signing in. The redirect to /sign-in is the
 * app's own, so wait for it (signInAs would otherwise load /sign-in afresh and lose the way back). */
async function signInAt(page: Page, path: string, name: string): Promise<void> {
  await page.goto(path);
  await page.waitForURL(/\/sign-in$/);
  await signInAs(page, name);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

/** 320 px wide (or 1280 px at 400 % zoom): nothing on the page scrolls sideways. */
async function expectNoSidewaysScrollAt320(page: Page): Promise<void> {
  const original = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize(original);
}

async function openStaffDirectory(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Staff directory" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staff directory" })).toBeVisible();
}

test("a case-handling role takes an overseer's confirmation: Tuomas asks, Pekka confirms, the directory shows it", async ({
  page,
}) => {
  await signInAt(page, "/staff", "Tuomas Heikkinen");
  await expect(page.getByRole("heading", { level: 1, name: "Henkilöstöluettelo" })).toBeVisible();
  await expectAccessibleInEveryLanguage(page, "staff directory");

  // Add Erik Björk (an employee, not yet in the directory) as a safety representative.
  await page.getByRole("link", { name: "Add a person" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a person to the staff directory" })).toBeVisible();
  await expectAccessibleInEveryLanguage(page, "staff form");
  await captureScreen(page, "staff-form");
  await expectNoSidewaysScrollAt320(page);

  // Nothing filled in: the error summary takes focus and links to each field (in every language).
  await page.getByRole("button", { name: "Save" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Check these points" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText(["Enter the person's user ID", "Enter the person's name", "Enter the person's email address", "Choose at least one role"]);
  await expectAccessibleInEveryLanguage(page, "staff form with errors");
  await captureScreen(page, "staff-form-errors");

  await page.getByLabel("User ID").fill("kokkola-employee-erik");
  await page.getByLabel("Name", { exact: false }).first().fill("Erik Björk");
  await page.getByLabel("Email address").fill("kokkola-employee-erik@kokkola.example");
  // HDS draws the radio button under its label: click the label, as a person would.
  await page.getByText("Swedish", { exact: true }).click();
  await expect(page.getByLabel("Swedish")).toBeChecked();
  await page.getByLabel("Safety representative (needs confirmation)").check();
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Staff directory" })).toBeVisible();
  const outcome = page.getByRole("status").filter({ hasText: "Saved: Erik Björk." });
  await expect(outcome).toContainText(
    "A safety manager or the HR director must confirm it before it takes effect. Until then the person's roles do not change",
  );
  const erikRow = page.getByRole("row", { name: /Erik Björk/ });
  await expect(erikRow).toContainText("No roles in force yet");
  await expect(erikRow).toContainText("safety representative: waiting for confirmation");

  // The admin sees the request but cannot decide on it.
  await page.getByRole("link", { name: "Role changes" }).click();
  const request = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Erik Björk: safety representative" }) }).first();
  await expect(request).toContainText("Waiting for confirmation");
  await expect(request.getByRole("button")).toHaveCount(0);
  await signOut(page);

  // Erik signs in once: the sign-in service's name and address are what Pekka checks.
  await signInAs(page, "Erik Björk");
  await signOut(page);

  // Pekka (safety manager) confirms it.
  await signInAs(page, "Pekka Laine");
  await chooseLanguage(page, "en");
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Role changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Role changes" })).toBeVisible();
  const pending = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Erik Björk: safety representative" }) }).first();
  await expect(pending.getByRole("button", { name: /^Confirm/ })).toBeVisible();
  await expect(pending).toContainText("Erik Björk, kokkola-employee-erik@kokkola.example (last sign-in");
  await expectAccessibleInEveryLanguage(page, "role changes");
  await captureScreen(page, "staff-grants");
  await expectNoSidewaysScrollAt320(page);
  await pending.getByRole("button", { name: /^Confirm/ }).click();
  await expect(pending.getByText(/^Confirm that Erik Björk becomes safety representative\?/)).toBeFocused();
  await pending.getByRole("button", { name: "Yes, confirm" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Confirmed:" })).toContainText("Confirmed: Erik Björk is now safety representative.");
  // The decision's buttons are gone: focus is on what it did, not lost to the page.
  await expect(page.getByText("Confirmed: Erik Björk is now safety representative.")).toBeFocused();
  await expect(pending).toContainText("Confirmed");
  await signOut(page);

  // Tuomas sees the role in force, then removes Erik again (after a confirmation step).
  await signInAs(page, "Tuomas Heikkinen");
  await chooseLanguage(page, "en");
  await openStaffDirectory(page);
  const confirmedRow = page.getByRole("row", { name: /Erik Björk/ });
  await expect(confirmedRow.getByRole("cell").first()).toHaveText("safety representative");
  await captureScreen(page, "staff-directory");
  await expectNoSidewaysScrollAt320(page);

  await confirmedRow.getByRole("link", { name: "Erik Björk" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change a person's details" })).toBeVisible();
  await page.getByRole("button", { name: "Remove Erik Björk" }).click();
  await expect(page.getByRole("heading", { name: "Do you really want to remove Erik Björk from the staff directory?" })).toBeFocused();
  await page.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Removed" })).toContainText("Removed from the staff directory: Erik Björk.");
  await expect(page.getByRole("row", { name: /Erik Björk/ })).toHaveCount(0);
  // Said once: back on the directory through the history, the name is not shown again.
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Role changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Role changes" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Staff directory" })).toBeVisible();
  await expect(page.getByRole("row").first()).toBeVisible();
  await expect(page.getByText("Removed from the staff directory: Erik Björk.")).toHaveCount(0);
});

test("the API's separation-of-duties refusal shows in the error summary, at the roles", async ({ page }) => {
  await signInAt(page, "/staff", "Tuomas Heikkinen");
  await chooseLanguage(page, "en");
  await page.getByRole("row", { name: /Tuomas Heikkinen/ }).getByRole("link", { name: "Tuomas Heikkinen" }).click();
  await expect(page.getByText(/This is your own entry/)).toBeVisible();
  await page.getByLabel("Safety manager (needs confirmation)").check();
  await page.getByRole("button", { name: "Save" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "Check these points" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText(/An administrator cannot also be a safety representative, safety manager or HR director/);
  await summary.getByRole("link").click();
  await expect(page.getByLabel("Supervisor")).toBeFocused();
  // What was asked for stays ticked, so the admin sees what the service refused.
  await expect(page.getByLabel("Safety manager (needs confirmation)")).toBeChecked();
  await expectAccessibleInEveryLanguage(page, "staff form with a refusal");
});

test("refused case reads: an overseer sees the counts and what they mean", async ({ page }) => {
  await signInAt(page, "/staff/refused-reads", "Sari Koskinen");
  await chooseLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "Refused case reads" })).toBeVisible();
  await expect(page.getByText(/A refused read means that someone opened a case address/)).toBeVisible();
  await expectAccessibleInEveryLanguage(page, "refused reads");
  await captureScreen(page, "staff-refused-reads");
  await expectNoSidewaysScrollAt320(page);
});
