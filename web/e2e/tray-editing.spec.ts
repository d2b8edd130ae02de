import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { captureScreen, chooseLanguage, expectAccessible, expectAccessibleInEveryLanguage, expectReflow, signInAs } from "./support";

// Tokens live in memory: after signing in, move with the app's own links, never page.goto.
async function signInAt(page: Page, path: string, name: string): Promise<void> {
  await page.goto(path);
  await page.waitForURL(/\/sign-in$/);
  await signInAs(page, name);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
}

/** An action's name: its visible word and, for screen readers, the service's title. */
const named = (action: string, title: string) => new RegExp(`^${action}\\s*: ${title}$`);

/** A run's own names, so a stack reused between runs never meets yesterday's services. */
const RUN = Date.now().toString(36).slice(-5);

async function tokenOf(request: APIRequestContext, userId: string): Promise<string> {
  const response = await request.post("/_local/sign-in", { data: { userId } });
  expect(response.ok()).toBeTruthy();
  return ((await response.json()) as { token: string }).token;
}

test("an employee proposes a service: a failed first try keeps what was typed, then it waits for approval in My services", async ({
  page,
}) => {
  await signInAt(page, "/tray/propose", "Iin työntekijä");
  await expect(page.getByRole("heading", { level: 1, name: "Tarjoa omaa palveluasi työkavereille" })).toBeVisible();
  await expectAccessibleInEveryLanguage(page, "propose");
  await captureScreen(page, "tray-propose-form");
  await expectReflow(page, "propose");

  // English only; the description too short and the end before the start.
  const title = `Walking group ${RUN}`;
  await page.getByRole("group", { name: "In English" }).getByLabel("Name of the service").fill(title);
  await page.getByRole("group", { name: "In English" }).getByLabel("Description").fill("Walks");
  await page.getByText("Physical wellbeing", { exact: true }).click();
  await page.getByText("In person", { exact: true }).click();
  await page.getByRole("textbox", { name: "Place", exact: true }).fill("Ii town hall, front door");
  await page.getByText("At set times", { exact: true }).click();
  await page.getByLabel("Start date").fill("2027-03-15");
  await page.getByLabel("Start time").fill("17:00");
  await page.getByLabel("End time").fill("16:00");
  await page.getByRole("button", { name: "Send for approval" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "Check these points" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "The description in English must be 10–4000 characters",
    "Time 1: the end must be after the start",
  ]);
  await expect(page.getByRole("group", { name: "In English" }).getByLabel("Name of the service")).toHaveValue(title);
  await expect(page.getByRole("textbox", { name: "Place", exact: true })).toHaveValue("Ii town hall, front door");
  await summary.getByRole("link", { name: "Time 1: the end must be after the start" }).click();
  await expect(page.getByLabel("End date")).toBeFocused();
  await expectAccessibleInEveryLanguage(page, "propose with errors");
  await captureScreen(page, "tray-propose-errors");
  await expectReflow(page, "propose with errors");

  await page.getByRole("group", { name: "In English" }).getByLabel("Description").fill("An easy walk of an hour after work, every Monday.");
  await page.getByLabel("End time").fill("18:00");
  await page.getByRole("button", { name: "Send for approval" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your service was sent for approval" })).toBeFocused();
  await captureScreen(page, "tray-propose-sent");

  await page.getByRole("link", { name: "My services" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My services" })).toBeVisible();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(card).toContainText("Waiting for approval");
  await expectAccessibleInEveryLanguage(page, "my services");
  await captureScreen(page, "tray-edit-my-services");
  await expectReflow(page, "my services");

  // The proposer edits the waiting proposal: the stored values, the peer kind fixed.
  await card.getByRole("link", { name: named("Edit", title) }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit the service" })).toBeVisible();
  await expect(page.getByRole("group", { name: "In English" }).getByLabel("Name of the service")).toHaveValue(title);
  await expect(page.getByLabel("Start time")).toHaveValue("17:00");
  await expect(page.getByLabel("End time")).toHaveValue("18:00");
  await expectAccessibleInEveryLanguage(page, "edit");
  await captureScreen(page, "tray-edit-form");
  await expectReflow(page, "edit");
  await page.getByLabel("Number of places").fill("12");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My services" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "The changes were saved." })).toBeVisible();
});

test("a coordinator creates a draft, publishes it, edits it and archives it in the catalogue", async ({ page }) => {
  await signInAt(page, "/tray/catalogue", "Iin hyvinvointikoordinaattori");
  await expect(page.getByRole("heading", { level: 1, name: "Tarjottimen palvelut" })).toBeVisible();
  await expectAccessibleInEveryLanguage(page, "catalogue");
  await captureScreen(page, "tray-catalogue");
  await expectReflow(page, "catalogue");

  await page.getByRole("link", { name: "New service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New service" })).toBeVisible();
  await expectAccessibleInEveryLanguage(page, "new service");
  await captureScreen(page, "tray-catalogue-new");
  await page.getByRole("button", { name: "Save as a draft" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Check these points" })).toBeFocused();
  await expectAccessibleInEveryLanguage(page, "new service with errors");
  await captureScreen(page, "tray-catalogue-new-errors");
  await expectReflow(page, "new service");

  const title = `Iin kuntosali ${RUN}`;
  const finnish = page.getByRole("group", { name: "In Finnish" });
  await finnish.getByLabel("Name of the service").fill(title);
  await finnish.getByLabel("Description").fill("Ohjatut kuntosalivuorot henkilöstölle kahdesti viikossa.");
  await page.getByText("Physical wellbeing", { exact: true }).click();
  await page.locator("form").getByText("New service", { exact: true }).click();
  await page.getByLabel("Name of the organisation").fill("Iin liikuntapalvelut");
  await page.getByText("In person", { exact: true }).click();
  await page.getByRole("textbox", { name: "Place", exact: true }).fill("Iin liikuntahalli");
  await page.getByText("On request", { exact: true }).click();
  await page.getByLabel("Number of places").fill("15");
  await page.getByRole("button", { name: "Save as a draft" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Tray catalogue" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "saved as a draft" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Draft");

  await row.getByRole("button", { name: named("Publish", title) }).click();
  await expect(page.getByRole("status").filter({ hasText: `Published: ${title}` })).toBeVisible();
  await expect(row).toContainText("Published");

  await row.getByRole("link", { name: named("Edit", title) }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit the service" })).toBeVisible();
  await expect(page.getByLabel("Name of the organisation")).toHaveValue("Iin liikuntapalvelut");
  await page.getByLabel("Number of places").fill("20");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tray catalogue" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "The changes were saved." })).toBeVisible();

  await row.getByRole("button", { name: named("Archive", title) }).click();
  const dialog = page.getByRole("alertdialog", { name: "Archive the service?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  // The language switch sits under the modal's backdrop: the dialog is checked as shown.
  await expectAccessible(page, "archive dialog");
  await dialog.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Archived: ${title}` })).toBeVisible();
  await expect(row).toContainText("Archived");

  await page.getByRole("navigation", { name: "Show services" }).getByRole("link", { name: "Archived" }).click();
  await expect(page.getByRole("row").filter({ hasText: title })).toBeVisible();
  await page.getByRole("navigation", { name: "Show services" }).getByRole("link", { name: "Drafts" }).click();
  await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(0);
});

test("the catalogue hides a confidential service's small order counts", async ({ page, request }) => {
  // Aino orders the psychologist's talking support (confidential) through the API.
  const token = await tokenOf(request, "kokkola-employee-aino");
  const headers = { Authorization: `Bearer ${token}` };
  const offered = await request.get("/api/services", { headers, params: { q: "psykologi" } });
  expect(offered.ok()).toBeTruthy();
  const items = ((await offered.json()) as { items: { serviceId: string; details: { confidential: boolean } }[] }).items;
  const service = items.find((item) => item.details.confidential);
  expect(service).toBeDefined();
  const ordered = await request.post("/api/orders", {
    headers: { ...headers, "Idempotency-Key": crypto.randomUUID() },
    data: { serviceId: service?.serviceId },
  });
  expect([201, 409]).toContain(ordered.status());

  await signInAt(page, "/tray/catalogue", "Hanna Mäki");
  await chooseLanguage(page, "en");
  const row = page.getByRole("row").filter({ hasText: "Talking support with an occupational psychologist" });
  await expect(row).toContainText("Confidential");
  await expect(row.getByText("hidden, see the note on small numbers").first()).toBeAttached();
  await expect(page.getByText(/– means a number hidden to protect privacy/)).toBeVisible();
  await expectAccessibleInEveryLanguage(page, "catalogue with suppressed counts");
  await captureScreen(page, "tray-catalogue-suppressed");
  await expectReflow(page, "catalogue with suppressed counts");

  // At 320 px the catalogue is cards, the counts still hidden.
  await page.setViewportSize({ width: 320, height: 800 });
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Talking support with an occupational psychologist" }) });
  await expect(card).toContainText("Confidential");
  await page.setViewportSize({ width: 1280, height: 800 });
});

test("someone who is not a coordinator gets no catalogue", async ({ page }) => {
  await signInAt(page, "/tray/catalogue", "Aino Virtanen");
  await chooseLanguage(page, "en");
  await expect(page.getByRole("alert")).toContainText("This screen is for the wellbeing coordinators of your organisation.");
});
