import { expect, test, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { emailsTo, linkIn, signInAs } from "./support";

const LIISA_ADDRESS = "kokkola-safetyrep-liisa@kokkola.example";
const WHAT_HAPPENED = "Kollegani kommentoi ulkonäköäni kokouksissa, vaikka pyysin lopettamaan.";
const LIISA_WRITES = "Hei, kiitos ilmoituksesta. Otan sinuun yhteyttä tällä viikolla.";

async function chooseByLabel(page: Page, text: string): Promise<void> {
  // HDS draws the radio and checkbox over their labels: people click the label.
  await page.locator("label", { hasText: text }).click();
}

async function next(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Jatka" }).click();
}

/** The story, two people on two computers, all through the web app: Aino reports,
 * Liisa follows her email's link, acknowledges and writes, Aino sees both. */
test("Aino reports harassment choosing Liisa and recusing Sari; Liisa acknowledges and writes; Aino sees both", async ({
  browser,
  request,
}) => {
  const ainoContext = await browser.newContext();
  const liisaContext = await browser.newContext();
  const aino = await ainoContext.newPage();
  const liisa = await liisaContext.newPage();

  await aino.goto("/report");
  await signInAs(aino, "Aino Virtanen");
  await expect(aino.getByRole("heading", { level: 1 })).toHaveText("Mistä haluat ilmoittaa?");
  await chooseByLabel(aino, "Häirintä tai epäasiallinen kohtelu");
  await next(aino);
  await aino.getByLabel(/Mitä tapahtui\?/).fill(WHAT_HAPPENED);
  await next(aino);
  await expect(aino.getByRole("heading", { level: 1 })).toHaveText("Kuka käsittelee ilmoituksesi?");
  await chooseByLabel(aino, "Liisa Niemi");
  await next(aino);
  await chooseByLabel(aino, "Sari Koskinen");
  await next(aino);
  await expect(aino.getByRole("heading", { level: 1 })).toHaveText("Tarkista ilmoitus ennen lähettämistä");
  await aino.getByRole("button", { name: "Lähetä ilmoitus" }).click();
  await expect(aino.getByRole("heading", { level: 1 })).toHaveText("Ilmoituksesi on lähetetty");
  const reference = (await aino.locator(".summary-list dd").first().textContent())!.trim();
  expect(reference).toMatch(/^KOK-/);

  // Liisa's email names no content: a reference and a link to sign in.
  let link = "";
  await expect
    .poll(
      async () => {
        const email = (await emailsTo(request, LIISA_ADDRESS)).find((candidate) => candidate.body.includes(reference));
        expect(email?.body ?? "").not.toContain(WHAT_HAPPENED);
        link = email ? linkIn(email, baseURL) : "";
        return link;
      },
      { timeout: 20_000 },
    )
    .toMatch(/\/cases\//);
  await liisa.goto(link);
  await signInAs(liisa, "Liisa Niemi");
  await expect(liisa).toHaveURL(link);
  await expect(liisa.getByRole("heading", { level: 1 })).toContainText(reference);
  await expect(liisa.getByText(WHAT_HAPPENED)).toBeVisible();
  await liisa.getByRole("button", { name: "Kuittaa vastaanotto" }).click();
  await liisa.getByRole("button", { name: "Vahvista: Kuittaa vastaanotto" }).click();
  await expect(liisa.getByRole("status").filter({ hasText: "Tehty: Kuittaa vastaanotto." })).toBeVisible();
  await liisa.getByRole("textbox", { name: /^Viesti/ }).fill(LIISA_WRITES);
  await liisa.getByRole("button", { name: "Lähetä viesti" }).click();
  await expect(liisa.getByRole("status").filter({ hasText: "Viestisi lähetettiin ilmoittajalle." })).toBeVisible();

  // Sari, recused, cannot open it: the same answer as for a case that does not exist.
  const sari = await (await browser.newContext()).newPage();
  await sari.goto(link);
  await signInAs(sari, "Sari Koskinen");
  await expect(sari.getByText("Tätä ei löytynyt, tai sinulla ei ole siihen pääsyä.")).toBeVisible();
  await expect(sari.getByText(WHAT_HAPPENED)).toHaveCount(0);

  await aino.getByRole("navigation", { name: "Päävalikko" }).getByRole("link", { name: "Omat ilmoitukset" }).click();
  await aino.getByRole("link", { name: reference }).click();
  await expect(aino.getByRole("heading", { level: 1 })).toHaveText("Oma ilmoitus");
  await expect(aino.getByText("Vastaanotto kuitattu").first()).toBeVisible();
  await expect(aino.getByText(LIISA_WRITES)).toBeVisible();
  await expect(aino.getByText(WHAT_HAPPENED)).toBeVisible();
});
