import { expect, test, type Page } from "@playwright/test";
import { AGGREGATES, historyItem, result, SURVEY } from "../src/pages/survey/testSupport";
import { captureScreen, chooseLanguage, expectAccessibleInEveryLanguage, expectReflow, signInAs, tabTo } from "./support";

/** Every survey screen with the survey's API answered by the browser (the contract's
 * shapes, from the Vitest fixtures), so that the screens are checked whatever the stack
 * holds: axe in fi, sv and en, no sideways scroll at 320 px and 200 %, one step with the
 * keyboard alone. survey-story.spec.ts goes through the real API. */

async function answerSurveyApi(page: Page): Promise<void> {
  const history = [result({ screeningYes: true }), historyItem("r1", "2026-09-02T08:00:00Z", 60), historyItem("r0", "2026-06-01T08:00:00Z", 52)];
  await page.route(/\/api\/(survey|recommendations|wellbeing\/aggregates)/, async (route) => {
    const url = new URL(route.request().url());
    const json = (body: unknown, status = 200) => route.fulfill({ status, contentType: "application/json", body: JSON.stringify(body) });
    if (url.pathname === "/api/survey") return json(SURVEY);
    if (url.pathname === "/api/survey/responses") return json(result({ screeningYes: true }), 201);
    if (url.pathname === "/api/survey/responses/mine") return json({ items: history, nextCursor: null });
    if (url.pathname === "/api/recommendations") return json({ basedOn: null, items: result().recommendations });
    if (url.pathname === "/api/wellbeing/aggregates") return json(AGGREGATES);
    return route.fallback();
  });
}

async function checkScreen(page: Page, screen: string, shot?: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expectAccessibleInEveryLanguage(page, screen);
  await expectReflow(page, screen);
  if (shot) await captureScreen(page, shot);
}

test("the survey's screens: axe in fi, sv and en, reflow, and a step with the keyboard alone", async ({ page }) => {
  test.setTimeout(180_000);
  await answerSurveyApi(page);
  await signInAs(page, "Vaalan työntekijä");
  await page.getByRole("navigation", { name: "Päävalikko" }).getByRole("link", { name: "Hyvinvointikysely" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hyvinvointikysely" })).toBeFocused();
  await checkScreen(page, "survey: intro", "survey-intro");

  // English from here (the last language checked).
  await page.getByRole("button", { name: "Start the survey" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "WHO-5 Well-Being Index" })).toBeFocused();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert")).toBeFocused();
  await checkScreen(page, "survey: step with errors", "survey-errors");

  // The keyboard alone: the error summary's link, Space on a radio, arrows, Tab, Enter.
  await tabTo(page, page.getByRole("link", { name: "Choose an answer to question 1" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("group", { name: /cheerful/ }).getByRole("radio").first()).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("group", { name: /cheerful/ }).getByRole("radio", { name: "Some of the time" })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("group", { name: /calm/ }).getByRole("radio").first()).toBeFocused();
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Continue" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Work Ability Score" })).toBeFocused();
  await expect(page.getByText("Step 2 of 7")).toBeVisible();

  const answerAll = async () => {
    for (const group of await page.locator("main fieldset").all()) await group.locator("label").last().click();
    await page.getByRole("button", { name: "Continue" }).click();
  };
  await answerAll();
  await answerAll();
  await expect(page.getByRole("heading", { level: 1, name: "Competence" })).toBeVisible();
  await checkScreen(page, "survey: own questions", "survey-own-step");
  await answerAll();
  await answerAll();
  await expect(page.getByRole("heading", { level: 1, name: "Harassment and inappropriate treatment" })).toBeVisible();
  await page.getByText("Yes", { exact: true }).click();
  await expect(page.getByRole("region", { name: "You can tell about it confidentially" })).toBeVisible();
  await checkScreen(page, "survey: screening with the bridge", "survey-screening");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your answers" })).toBeFocused();
  await checkScreen(page, "survey: check answers", "survey-check");
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByText("Your answers were sent.")).toBeVisible();
  await expect(page.getByRole("img", { name: /^Wellbeing, of 100:/ })).toBeVisible();
  await checkScreen(page, "survey: results", "survey-results");
});

test("the coordinator's group results: axe in fi, sv and en, reflow, suppressed cells as a dash", async ({ page }) => {
  await answerSurveyApi(page);
  await signInAs(page, "Vaalan hyvinvointikoordinaattori");
  await page.getByRole("navigation", { name: "Päävalikko" }).getByRole("link", { name: "Kyselyn ryhmätulokset" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hyvinvointikysely: ryhmätulokset" })).toBeFocused();
  await expect(page.getByText("– Piilotettu: ryhmästä vastasi alle 5 henkeä.")).toBeVisible();
  await checkScreen(page, "survey: group results", "survey-aggregates");
});

test("an employee has no link to the group results", async ({ page }) => {
  await signInAs(page, "Vaalan työntekijä");
  await chooseLanguage(page, "en");
  const nav = page.getByRole("navigation", { name: "Main menu" });
  await expect(nav.getByRole("link", { name: "Wellbeing survey" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Survey group results" })).toHaveCount(0);
});
