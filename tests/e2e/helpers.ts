import { expect, type BrowserContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "keystone-demo";
export const DEMO = {
  admin: { email: "admin@keystone.demo", name: "Alex Morgan" },
  senior: { email: "sofia.lindqvist@keystone.demo", name: "Sofia Lindqvist" },
  marco: { email: "marco.rossi@keystone.demo", name: "Marco Rossi" },
  priya: { email: "priya.nair@keystone.demo", name: "Priya Nair" },
  tom: { email: "tom.becker@keystone.demo", name: "Tom Becker" },
  elena: { email: "elena.garcia@keystone.demo", name: "Elena García" },
  james: { email: "james.oconnor@keystone.demo", name: "James O'Connor" },
  aiko: { email: "aiko.tanaka@keystone.demo", name: "Aiko Tanaka" },
  helen: { email: "helen.carter@keystone.demo", name: "Helen Carter" },
  david: { email: "david.okafor@keystone.demo", name: "David Okafor" },
} as const;
export type DemoKey = keyof typeof DEMO;

/** Signs in through the real sign-in page and waits for the signed-in layout. */
export async function signIn(page: Page, who: DemoKey, path = "/") {
  // Start signed out: the sign-in page sends a signed-in visitor straight on.
  await page.context().clearCookies();
  await page.goto(`/login?callbackUrl=${encodeURIComponent(path)}`);
  await submitSignIn(page, who);
  await expect(page.getByTestId("current-user")).toHaveText(DEMO[who].name);
}

/** Fills and sends the sign-in form of a page that shows it. */
export async function submitSignIn(page: Page, who: DemoKey) {
  await page.getByLabel("Work email").fill(DEMO[who].email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs out in another tab of the browser `context`, which ends the session every tab of it uses.
 * Returns that tab, on the sign-in page.
 */
export async function signOutInAnotherTab(context: BrowserContext): Promise<Page> {
  const other = await context.newPage();
  await other.goto("/actions");
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other).toHaveURL(/\/login/);
  return other;
}
