import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const LANGUAGES = ["fi", "sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
const LANGUAGE_NAMES: Record<Language, string> = { fi: "Suomi", sv: "Svenska", en: "English" };

/** Signs in through the app's own demo people picker, as a person would. */
export async function signInAs(page: Page, name: string): Promise<void> {
  // A signed-in page redirects to /sign-in by itself once the app has started: wait for a
  // page heading before deciding, or going to /sign-in would lose the way back to the page.
  if (page.url() === "about:blank") await page.goto("/sign-in");
  else await page.locator("main h1").first().waitFor();
  if (!/\/sign-in/.test(page.url())) await page.goto("/sign-in");
  await page.getByRole("button", { name: new RegExp(`: ${name}$|as ${name}$`) }).click();
  await expect(page.getByRole("button", { name: /Kirjaudu ulos|Logga ut|Sign out/ }).first()).toBeVisible();
}

export async function chooseLanguage(page: Page, language: Language): Promise<void> {
  await page.getByRole("navigation", { name: /Kieli|Språk|Language/ }).getByRole("button", { name: LANGUAGE_NAMES[language] }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", language);
}

/** axe-core with the WCAG 2.0 and 2.1 A and AA rules: no violation allowed. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

/** The same screen in every language, each checked by axe. */
export async function expectAccessibleInEveryLanguage(page: Page, screen: string): Promise<void> {
  for (const language of LANGUAGES) {
    await chooseLanguage(page, language);
    await expectAccessible(page, `${screen} (${language})`);
  }
}

const SCREENS_DIR = fileURLToPath(new URL("../../docs/screens/", import.meta.url));

/** docs/screens/<name>-1280.png and -320.png (full page), for the README. */
export async function captureScreen(page: Page, name: string): Promise<void> {
  if (!process.env.WORKWELL_SCREENSHOTS) return;
  mkdirSync(SCREENS_DIR, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `${SCREENS_DIR}${name}-${width}.png`, fullPage: true, animations: "disabled" });
  }
  await page.setViewportSize(original);
}

export interface Email {
  to: string[];
  subject: string;
  body: string;
}

/** What SES would have sent, from the local stack's mailbox. */
export async function emailsTo(request: APIRequestContext, address: string): Promise<Email[]> {
  const response = await request.get("/_local/mailbox");
  const body = (await response.json()) as { emails: { recipients: string[]; subject: string; body: string }[] };
  return body.emails
    .filter((email) => email.recipients.includes(address))
    .map((email) => ({ to: email.recipients, subject: email.subject, body: email.body }));
}

/** The first link in an email that leads to this app. */
export function linkIn(email: Email, baseURL: string): string {
  const match = email.body.match(new RegExp(`${baseURL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/[^\\s]+`));
  if (!match) throw new Error(`no app link in: ${email.subject}`);
  return match[0];
}

/** WCAG 1.4.10 and 1.4.4: at 320 CSS px (1280 px at 400 % zoom) and 640 (200 %) nothing on
 * the page scrolls sideways; tables scroll inside their own container. */
export async function expectReflow(page: Page, screen: string): Promise<void> {
  const original = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 800 });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `${screen} at ${width} px`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize(original);
}

/** Presses Tab (only Tab) until `target` has the focus. */
export async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let press = 0; press < limit; press += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}
