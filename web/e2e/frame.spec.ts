import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { captureScreen, expectAccessibleInEveryLanguage, signInAs } from "./support";

test("the front page and sign-in are accessible in fi, sv and en", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fi");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessibleInEveryLanguage(page, "front page");
  await captureScreen(page, "front-page");
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: /Aino/ })).toBeVisible();
  await expectAccessibleInEveryLanguage(page, "sign-in");
  await captureScreen(page, "sign-in");
});

test("the app is served with the security headers, and asks nothing of any other origin", async ({ page }) => {
  const foreign: string[] = [];
  const refusedByPolicy: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) refusedByPolicy.push(message.text());
  });
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL) && !request.url().startsWith("data:")) foreign.push(request.url());
  });
  const response = await page.goto("/");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  await signInAs(page, "Aino Virtanen");
  await page.getByRole("link", { name: "Omat ilmoitukset" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Päävalikko" }).getByRole("link", { name: "Tee ilmoitus" }).click();
  await expect(page.getByRole("radio").first()).toBeVisible();
  expect(foreign).toEqual([]);
  // Nothing the app does needs more than the strict policy allows (no inline style or script).
  expect(refusedByPolicy).toEqual([]);
});

test("quick exit leaves for a neutral site at once, with the button or Shift three times", async ({ page }) => {
  await page.route("https://www.ilmatieteenlaitos.fi/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>Sää</title><p>Sää</p>" }),
  );
  await page.goto("/");
  await page.getByRole("button", { name: "Poistu nopeasti" }).click();
  await expect(page).toHaveURL("https://www.ilmatieteenlaitos.fi/");

  await page.goto("/");
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Shift while typing a capital is no exit; Shift alone three times is.
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift+D");
  await expect(page).toHaveURL(/\/sign-in$/);
  for (let press = 0; press < 3; press += 1) await page.keyboard.press("Shift");
  await expect(page).toHaveURL("https://www.ilmatieteenlaitos.fi/");
  // location.replace: the page left is gone from history; Back goes to the one before.
  await page.goBack();
  await expect(page).toHaveURL(`${baseURL}/`);
});

test("a signed-in person's token never goes with an anonymous call", async ({ page }) => {
  const carried: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/public/") && request.headers()["authorization"]) carried.push(request.url());
  });
  await signInAs(page, "Aino Virtanen");
  // Within the app (a reload would sign out: tokens live in memory).
  await page.evaluate(() => {
    window.history.pushState({}, "", "/kokkola/report");
    window.dispatchEvent(new PopStateEvent("popstate"));
  });
  await expect(page.getByRole("radio").first()).toBeVisible();
  expect(carried).toEqual([]);
});

test("a page behind sign-in sends the person to sign in, then back to it", async ({ page }) => {
  await page.goto("/reports");
  await expect(page).toHaveURL(/\/sign-in$/);
  await signInAs(page, "Aino Virtanen");
  await expect(page).toHaveURL(/\/reports$/);
});
