import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { chooseLanguage, emailsTo, expectAccessibleInEveryLanguage, linkIn, signInAs } from "./support";

/** The tray's story (issue 14): an Ii employee offers colleagues mentoring, the coordinator
 * approves it from the email's link, a colleague finds and orders it, and the mentor
 * accepts from the order's email. Everyone is told by email, the employee (who has no
 * staff directory entry) at the address they signed in with. */

const MENTOR = { name: "Iin työntekijä", address: "ii-employee-1@ii.example" };
const COORDINATOR = { name: "Iin hyvinvointikoordinaattori", address: "ii-coordinator-1@ii.example" };
const COLLEAGUE = { name: "Iin esihenkilö", address: "ii-supervisor-1@ii.example" };
// A run's own word, so that search finds this run's service and no other.
const RUN = `m${Date.now().toString(36).slice(-6)}`;
const TITLE = `Mentoring ${RUN} for new early-education staff`;

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Kirjaudu ulos|Logga ut|Sign out/ }).first().click();
  await page.waitForURL(/\/sign-in/);
}

/** The newest email to an address whose body holds `part`, waited for: the outbox is
 * delivered by the stream relay a moment after the change. */
async function emailWith(request: APIRequestContext, address: string, part: string, before: number): Promise<string> {
  let link = "";
  await expect
    .poll(
      async () => {
        const emails = (await emailsTo(request, address)).slice(before).filter((email) => email.body.includes(part));
        link = emails.length > 0 ? linkIn(emails[emails.length - 1]!, baseURL) : "";
        return link;
      },
      { timeout: 15_000 },
    )
    .not.toBe("");
  return link;
}

/** An email's link opened by its recipient: the sign-in comes first, then the page. */
async function openLinkAs(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await page.waitForURL(/\/sign-in$/);
  await signInAs(page, name);
  await expect(page).toHaveURL(link);
  await chooseLanguage(page, "en");
}

test("an Ii employee offers mentoring, the coordinator approves, a colleague orders it, the mentor accepts", async ({
  page,
  request,
}) => {
  // Four people, five sign-ins and four emails: longer than one screen's test.
  test.setTimeout(180_000);
  const count = async (address: string) => (await emailsTo(request, address)).length;
  const coordinatorBefore = await count(COORDINATOR.address);
  const mentorBefore = await count(MENTOR.address);
  const colleagueBefore = await count(COLLEAGUE.address);

  // The employee proposes mentoring from the tray.
  await signInAs(page, MENTOR.name);
  await chooseLanguage(page, "en");
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Service tray" }).click();
  await page.getByRole("link", { name: "Offer your own service to colleagues" }).click();
  const english = page.getByRole("group", { name: "In English" });
  await english.getByLabel("Name of the service").fill(TITLE);
  await english.getByLabel("Description").fill("An experienced colleague meets you for an hour every other week during your first months.");
  await page.getByText("Competence", { exact: true }).click();
  await page.getByText("In person", { exact: true }).click();
  await page.getByRole("textbox", { name: "Place", exact: true }).fill("Iin päiväkoti Tähtitaivas");
  await page.getByText("On request", { exact: true }).click();
  await page.getByLabel("Number of places").fill("3");
  await page.getByRole("button", { name: "Send for approval" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your service was sent for approval" })).toBeFocused();
  await signOut(page);

  // The coordinator's email (no title, no name) links to the approvals.
  const approvals = await emailWith(request, COORDINATOR.address, "/tray/proposals", coordinatorBefore);
  expect(approvals).toMatch(/\/tray\/proposals$/);
  await openLinkAs(page, approvals, COORDINATOR.name);
  await expect(page.getByRole("heading", { level: 1, name: "Proposals waiting for approval" })).toBeVisible();
  const proposal = page.getByRole("listitem").filter({ hasText: TITLE });
  await expect(proposal).toContainText(MENTOR.name);
  await proposal.getByRole("button", { name: "Approve and publish" }).click();
  await expect(page.getByText("The proposal was approved and published.")).toBeVisible();
  await signOut(page);

  // The mentor is told of the decision at the address they signed in with.
  const decided = await emailWith(request, MENTOR.address, "/tray/services/", mentorBefore);
  expect(decided).toMatch(/\/tray\/services\/ii\.[0-9a-f]+$/);

  // A colleague finds it by a word's beginning and orders it.
  await signInAs(page, COLLEAGUE.name);
  await chooseLanguage(page, "en");
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Service tray" }).click();
  await page.getByRole("searchbox", { name: /Search words/ }).fill(RUN.slice(0, 5).toUpperCase());
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const card = page.getByRole("listitem").filter({ hasText: TITLE });
  await expect(card).toContainText("A colleague's service");
  await card.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText(MENTOR.name)).toBeVisible();
  await expect(page.getByText("3 places left")).toBeVisible();
  await page.getByRole("button", { name: "Order", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Check your order" })).toBeFocused();
  await page.getByRole("button", { name: "Send the order" }).click();
  await expect(page.getByText("Your order was sent.")).toBeVisible();
  await signOut(page);

  // The mentor accepts from the order's email.
  const orderLink = await emailWith(request, MENTOR.address, "/tray/orders/", mentorBefore);
  await openLinkAs(page, orderLink, MENTOR.name);
  await expect(page.getByText(COLLEAGUE.name)).toBeVisible();
  await expect(page.getByText(COLLEAGUE.address)).toBeVisible();
  await expectAccessibleInEveryLanguage(page, "the mentor's order page");
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText("The order was accepted.")).toBeVisible();
  await expect(page.getByText("Accepted", { exact: true })).toBeVisible();
  await signOut(page);

  // The colleague is told, and sees it accepted in My orders.
  await emailWith(request, COLLEAGUE.address, "/tray/orders/", colleagueBefore);
  await signInAs(page, COLLEAGUE.name);
  await chooseLanguage(page, "en");
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Service tray" }).click();
  await page.getByRole("link", { name: "My orders" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: TITLE })).toContainText("Accepted");
});
