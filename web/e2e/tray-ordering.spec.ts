import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { captureScreen, chooseLanguage, expectAccessible, expectAccessibleInEveryLanguage, expectReflow, signInAs, tabTo } from "./support";

// Tokens live in memory: after signing in, move with the app's own links, never page.goto.
async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Kirjaudu ulos|Logga ut|Sign out/ }).first().click();
  await page.waitForURL(/\/sign-in/);
}

/** Signs in and opens the tray from the main menu, in English. */
async function openTray(page: Page, name: string): Promise<void> {
  await signInAs(page, name);
  await chooseLanguage(page, "en");
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Service tray" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Service tray" })).toBeVisible();
}

/** A page behind sign-in (a tray email's link), then back to it after signing in: people
 * whose group the tray is not open for (coordinators in administration) have no menu link. */
async function signInAt(page: Page, path: string, name: string): Promise<void> {
  await page.goto(path);
  await page.waitForURL(/\/sign-in$/);
  await signInAs(page, name);
  await expect(page).toHaveURL(new RegExp(`${path.replace("?", "\\?")}$`));
  await chooseLanguage(page, "en");
}

async function tokenFor(request: APIRequestContext, userId: string): Promise<string> {
  const response = await request.post("/_local/sign-in", { data: { userId } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { token: string }).token;
}

/** An employee's peer service proposal, through the API as the proposal form would send it. */
async function propose(request: APIRequestContext, userId: string, title: string): Promise<string> {
  const token = await tokenFor(request, userId);
  const response = await request.post("/api/services", {
    headers: { Authorization: `Bearer ${token}`, "Idempotency-Key": crypto.randomUUID() },
    data: {
      title: { en: title },
      description: { en: "Peer support over coffee once a week." },
      category: "community",
      kind: "peer",
      provider: { userId },
      format: "in_person",
      place: "Staff room",
      onRequest: true,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { serviceId: string }).serviceId;
}

/** Every check a tray screen gets: axe in fi, sv and en (ending in English), and reflow at 320 px. */
async function checkScreen(page: Page, screen: string, shot: string): Promise<void> {
  await expectAccessibleInEveryLanguage(page, screen);
  await expectReflow(page, screen);
  await captureScreen(page, shot);
}

test("a Vaala employee finds Oulunkaari's shared arts-based service and orders it; Oulunkaari's coordinator accepts it; the orderer sees it accepted", async ({
  page,
}) => {
  await openTray(page, "Vaalan työntekijä");
  await checkScreen(page, "tray browse", "tray-browse");

  // Word-beginning search, folding case.
  await page.getByRole("searchbox", { name: /Search words/ }).fill("TAIDE");
  await page.getByLabel("Category").selectOption("community");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=TAIDE/);
  const results = page.getByRole("list", { name: "Services" });
  const card = results.getByRole("listitem").filter({ hasText: "Arts-based wellbeing at work" });
  await expect(card).toBeVisible();
  await expect(card).toContainText("Shared by Oulunkaaren kuntayhtymä");
  await expect(card).toContainText("On request");
  await checkScreen(page, "tray search results", "tray-search");

  // Nothing found: said so.
  await page.getByRole("searchbox", { name: /Search words/ }).fill("zzzz");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("No services match your search.")).toBeVisible();
  // Back returns to the earlier search.
  await page.goBack();
  await expect(card).toBeVisible();

  await card.getByRole("link", { name: "Arts-based wellbeing at work" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Arts-based wellbeing at work" })).toBeVisible();
  await expect(page.getByText("Provider", { exact: true })).toBeVisible();
  await checkScreen(page, "tray service page", "tray-service");

  await page.getByRole("button", { name: "Order", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Check your order" })).toBeFocused();
  await expect(page.locator(".tray-order-check")).toContainText("For myself");
  await checkScreen(page, "tray order confirm", "tray-order-confirm");
  await page.getByRole("button", { name: "Send the order" }).click();

  await expect(page).toHaveURL(/\/tray\/orders\/(?!incoming)[\w.-]+$/);
  await expect(page.getByText("Your order was sent.")).toBeVisible();
  await expect(page.getByText("Requested", { exact: true })).toBeVisible();
  await checkScreen(page, "tray order page", "tray-order");

  await page.getByRole("link", { name: "My orders" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My orders" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Arts-based wellbeing at work" }).first()).toContainText("Requested");
  await checkScreen(page, "tray my orders", "tray-my-orders");
  await signOut(page);

  // Oulunkaari's coordinator handles the organisation's orders (the link in the tray's email).
  await signInAt(page, "/tray/orders/incoming", "Oulunkaaren hyvinvointikoordinaattori");
  await expect(page.getByRole("heading", { level: 1, name: "Orders to handle" })).toBeVisible();
  await page.getByText("The organisation's orders").click();
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/handler=organisation/);
  const incoming = page.getByRole("listitem").filter({ hasText: "Vaalan työntekijä" }).filter({ hasText: "Arts-based wellbeing at work" }).first();
  await expect(incoming).toContainText("Requested");
  await checkScreen(page, "tray incoming orders", "tray-incoming");
  await incoming.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText("The order was accepted.")).toBeVisible();
  await expect(incoming).toContainText("Accepted");
  await signOut(page);

  // The orderer sees it accepted.
  await openTray(page, "Vaalan työntekijä");
  await page.getByRole("link", { name: "My orders" }).click();
  const mine = page.getByRole("listitem").filter({ hasText: "Arts-based wellbeing at work" }).first();
  await expect(mine).toContainText("Accepted");
  // Cancel asks first; keeping it changes nothing.
  await mine.getByRole("button", { name: "Cancel the order" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Cancel your order?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Keep the order" })).toBeFocused();
  await expectAccessible(page, "tray cancel dialog");
  await dialog.getByRole("button", { name: "Keep the order" }).click();
  await expect(dialog).toBeHidden();
  await expect(mine).toContainText("Accepted");
});

test("a supervisor orders for their unit with the keyboard alone", async ({ page }) => {
  await openTray(page, "Vaalan esihenkilö");
  const search = page.getByRole("searchbox", { name: /Search words/ });
  await tabTo(page, search);
  await page.keyboard.type("taide");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=taide/);
  const link = page.getByRole("link", { name: "Arts-based wellbeing at work" });
  await tabTo(page, link);
  await page.keyboard.press("Enter");
  const order = page.getByRole("button", { name: "Order", exact: true });
  await tabTo(page, order);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Check your order" })).toBeFocused();
  const myself = page.getByRole("radio", { name: "For myself" });
  await tabTo(page, myself);
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /For my unit/ })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: "Send the order" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Your order was sent.")).toBeVisible();
  await expect(page.getByText("For unit", { exact: true })).toBeVisible();
});

test("an employee outside the rollout is told kindly that the tray is not yet open for their group", async ({ page }) => {
  await signInAt(page, "/tray", "Vaalan työsuojelupäällikkö");
  await expect(page.getByRole("heading", { level: 1, name: "Service tray" })).toBeVisible();
  await expect(page.getByText("The service tray is being introduced in stages and is not yet open for your group.")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.getByRole("searchbox")).toHaveCount(0);
  await checkScreen(page, "tray not open", "tray-not-open");
});

test("the coordinator's approvals: rejecting needs a reason, approving publishes; others see no approvals", async ({ page, request }) => {
  const stamp = Date.now();
  const rejected = `Coffee mentoring ${stamp}`;
  const approved = `Lunch walks ${stamp}`;
  await propose(request, "oulunkaari-employee-1", rejected);
  await propose(request, "oulunkaari-employee-1", approved);

  await signInAt(page, "/tray/proposals", "Oulunkaaren hyvinvointikoordinaattori");
  await expect(page.getByRole("heading", { level: 1, name: "Proposals waiting for approval" })).toBeVisible();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: rejected }) });
  await expect(card).toContainText("Proposed byOulunkaaren työntekijä");
  await checkScreen(page, "tray proposals", "tray-proposals");

  // Reject without a reason: the error summary takes focus and links to the field.
  await card.getByRole("button", { name: "Reject" }).click();
  await card.getByRole("button", { name: "Reject the proposal" }).click();
  const summary = card.getByRole("alert").filter({ hasText: "Check these points" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText(["Enter the reason for rejection"]);
  await expectAccessibleInEveryLanguage(page, "tray proposals with errors");
  await captureScreen(page, "tray-proposals-errors");
  await card.getByLabel(/Reason for rejection/).fill("Please describe when and where the mentoring takes place.");
  await card.getByRole("button", { name: "Reject the proposal" }).click();
  await expect(page.getByText("The proposal was rejected.")).toBeVisible();
  await expect(page.getByRole("link", { name: rejected })).toHaveCount(0);

  // The other one from its own page: approved, it is published and orderable.
  await page.getByRole("link", { name: approved }).click();
  await expect(page.getByRole("heading", { level: 1, name: approved })).toBeVisible();
  await expect(page.getByText("Waiting for approval", { exact: true })).toBeVisible();
  await checkScreen(page, "tray proposal page", "tray-proposal");
  await page.getByRole("button", { name: "Approve and publish" }).click();
  await expect(page.getByText("The proposal was approved and published.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Order", exact: true })).toBeVisible();
  await signOut(page);

  // The proposer sees why it was rejected, and cannot order their own service.
  await signInAs(page, "Oulunkaaren työntekijä");
  await chooseLanguage(page, "en");
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Service tray" }).click();
  await page.getByRole("searchbox", { name: /Search words/ }).fill("Lunch");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("link", { name: approved }).click();
  await expect(page.getByText("You provide this service yourself, so you cannot order it.")).toBeVisible();
  await signOut(page);

  // Not a coordinator: no approvals.
  await signInAt(page, "/tray/proposals", "Vaalan työntekijä");
  await expect(page.getByText("This screen is for the wellbeing coordinators of your organisation.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);
});

test("a coordinator rejects one proposal and approves another with the keyboard alone", async ({ page, request }) => {
  const stamp = Date.now();
  const rejected = `Board games ${stamp}`;
  const approved = `Morning stretch ${stamp}`;
  await propose(request, "oulunkaari-employee-1", rejected);
  await propose(request, "oulunkaari-employee-1", approved);

  await signInAt(page, "/tray/proposals", "Oulunkaaren hyvinvointikoordinaattori");
  const first = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: rejected }) });
  await tabTo(page, first.getByRole("button", { name: "Reject" }), 80);
  await page.keyboard.press("Enter");
  const reason = first.getByLabel(/Reason for rejection/);
  await tabTo(page, reason);
  await page.keyboard.type("We already offer this in the library.");
  await tabTo(page, first.getByRole("button", { name: "Reject the proposal" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("The proposal was rejected.")).toBeVisible();

  const second = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: approved }) });
  await tabTo(page, second.getByRole("button", { name: "Approve and publish" }), 80);
  await page.keyboard.press("Enter");
  await expect(page.getByText("The proposal was approved and published.")).toBeVisible();
  await expect(page.getByRole("link", { name: approved })).toHaveCount(0);
});
