import { expect, test, type Page } from "@playwright/test";
import { captureScreen, chooseLanguage, expectAccessibleInEveryLanguage, expectReflow, signInAs, tabTo } from "./support";

/** The survey's story (issue 15) through the real API: Vaala's employee answers with low
 * scores (social support among them), sees the results and follows a recommendation into
 * the tray; answers again, says yes to the harassment question and reaches the report
 * form. Every survey screen is checked by axe in fi, sv and en and at 320 px; one step is
 * answered with the keyboard alone. Then the coordinator's group results. */

const EMPLOYEE = "Vaalan työntekijä";
const COORDINATOR = "Vaalan hyvinvointikoordinaattori";

/** axe in every language (ending in English), no sideways scroll, a screenshot. */
async function checkScreen(page: Page, screen: string, shot?: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expectAccessibleInEveryLanguage(page, screen);
  await expectReflow(page, screen);
  if (shot) await captureScreen(page, shot);
}

/** Every question of the step shown answered with its first (lowest) or last option. */
async function answerStep(page: Page, pick: "first" | "last"): Promise<void> {
  for (const group of await page.locator("main fieldset").all()) await group.locator("label")[pick]().click();
  await page.getByRole("button", { name: "Continue" }).click();
}

async function openSurvey(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Wellbeing survey" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wellbeing survey" })).toBeFocused();
}

test("an employee takes the survey, follows a recommendation, then takes it again and reaches the report form", async ({ page }) => {
  test.setTimeout(300_000);
  await signInAs(page, EMPLOYEE);
  await chooseLanguage(page, "en");
  await openSurvey(page);
  await checkScreen(page, "survey: intro", "survey-intro");

  // First time: the lowest answer everywhere, with the keyboard alone on the first step.
  await page.getByRole("button", { name: "Start the survey" }).click();
  await expect(page.getByText("Step 1 of 7")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  for (const group of await page.locator("main fieldset").all()) {
    await tabTo(page, group.getByRole("radio").first());
    await page.keyboard.press("Space");
    await expect(group.getByRole("radio").first()).toBeChecked();
  }
  await tabTo(page, page.getByRole("button", { name: "Continue" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Step 2 of 7")).toBeVisible();
  for (let step = 2; step <= 5; step += 1) await answerStep(page, "first");
  await expect(page.getByText("Step 6 of 7")).toBeVisible();
  await page.locator("main fieldset label").nth(1).click(); // "no"
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your answers" })).toBeFocused();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByText("Your answers were sent.")).toBeVisible();
  await expect(page.getByText(/^Your social support score was \d+ of \d+ \(/).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "You can tell about it confidentially" })).toHaveCount(0);

  // A recommendation leads into the tray's service page.
  const recommendation = page.locator(".survey-recommendations .card-links li > a").first();
  const title = (await recommendation.textContent())!.trim();
  await recommendation.click();
  await expect(page).toHaveURL(/\/tray\/services\/.+/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Second time: every screen checked on the way; "yes" on the screening question.
  await openSurvey(page);
  await page.getByRole("button", { name: "Start the survey" }).click();
  await expect(page.getByText("Step 1 of 7")).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert")).toBeFocused();
  await checkScreen(page, "survey: step with errors", "survey-errors");
  for (let step = 1; step <= 5; step += 1) {
    await expect(page.getByText(`Step ${step} of 7`)).toBeVisible();
    await checkScreen(page, `survey: step ${step}`, step === 1 ? "survey-step" : step === 4 ? "survey-own-step" : undefined);
    await answerStep(page, "last");
  }
  await expect(page.getByText("Step 6 of 7")).toBeVisible();
  await page.locator("main fieldset label").first().click(); // "yes"
  const bridge = page.getByRole("region", { name: "You can tell about it confidentially" });
  await expect(bridge.getByRole("link", { name: "Make an anonymous report" })).toHaveAttribute("href", "/vaala/report");
  await checkScreen(page, "survey: screening", "survey-screening");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your answers" })).toBeVisible();
  await checkScreen(page, "survey: check answers", "survey-check");
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByText("Your answers were sent.")).toBeVisible();
  await expect(page.getByRole("img", { name: /^Social support, of \d+:/ })).toBeVisible();
  await checkScreen(page, "survey: results", "survey-results");
  await page.getByRole("region", { name: "You can tell about it confidentially" }).getByRole("link", { name: "Make a confidential report in your own name" }).click();
  await expect(page).toHaveURL(/\/report$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
});

test("the coordinator's group results: a small group shown as a dash, explained", async ({ page }) => {
  await signInAs(page, COORDINATOR);
  await chooseLanguage(page, "en");
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Survey group results" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wellbeing survey: group results" })).toBeFocused();
  await expect(page.getByText(/is still open: its results are published after/)).toBeVisible();
  const table = page.getByRole("table").first();
  await expect(table.getByText("hidden: too few answers").first()).toBeAttached();
  await expect(table.locator(".survey-suppressed").first()).toContainText("–");
  await expect(page.getByText("– Hidden: fewer than 5 people in the group answered.").first()).toBeVisible();
  await checkScreen(page, "survey: group results", "survey-aggregates");
});

test("an employee has the survey in the menu but not the group results", async ({ page }) => {
  await signInAs(page, EMPLOYEE);
  await chooseLanguage(page, "en");
  const menu = page.getByRole("navigation", { name: "Main menu" });
  await expect(menu.getByRole("link", { name: "Wellbeing survey" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Survey group results" })).toHaveCount(0);
});
