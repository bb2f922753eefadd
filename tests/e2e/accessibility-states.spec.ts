import { expect, test, type Locator, type Page } from "@playwright/test";
import { freshDemoData, signIn, type DemoKey } from "./helpers";
import { demoIds, open, splitSentences, violations, type Ids } from "./a11y";

test.beforeAll(freshDemoData);

// The accessibility walk (accessibility.spec.ts) checks each page as it first draws. Much of the
// work happens after a click: dialogs, side panels, forms opened in place, fields showing their
// errors, the other views of the relationship map, expanded details. Each state here is opened
// the way a person opens it and checked with the same axe-core rules (any violation fails). Nothing
// is saved: each form is opened, and at most submitted empty to show its errors.

type State = { name: string; who: DemoKey; url: (ids: Ids) => string; act: (page: Page) => Promise<void> };

const STATES: State[] = [
  {
    name: "a new account submitted empty, its fields showing their errors",
    who: "marco",
    url: () => "/accounts/new",
    act: async (page) => {
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.locator("[aria-invalid='true']").first()).toBeVisible();
    },
  },
  {
    name: "an account's details open for editing",
    who: "marco",
    url: (i) => `/accounts/${i.account}`,
    act: async (page) => {
      await page.getByRole("button", { name: "Edit", exact: true }).click();
      await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
    },
  },
  {
    name: "an account's team open for changing",
    who: "marco",
    url: (i) => `/accounts/${i.account}`,
    act: async (page) => {
      await page.getByRole("button", { name: "Change team" }).click();
      await expect(page.getByRole("button", { name: /^Remove .* from the team$/ }).first()).toBeVisible();
    },
  },
  {
    name: "the dialog to add a person, submitted without a name",
    who: "marco",
    url: (i) => `/accounts/${i.account}/relationships`,
    act: async (page) => {
      await page.getByRole("button", { name: "Add person" }).click();
      const dialog = page.getByRole("dialog", { name: "Add a person" });
      await expect(dialog).toBeVisible();
      await dialog.getByRole("button", { name: "Add person" }).click();
      const name = dialog.getByLabel("Name", { exact: true });
      await expectFieldError(name, "Enter the person's name", { focused: true });
      await expectBelowHeader(page, name);
    },
  },
  {
    name: "the dialog to add a relationship, submitted without the two people",
    who: "marco",
    url: (i) => `/accounts/${i.account}/relationships`,
    act: async (page) => {
      await page.getByRole("button", { name: "Add relationship" }).click();
      const dialog = page.getByRole("dialog", { name: "Add a relationship" });
      await dialog.getByRole("button", { name: "Add relationship" }).click();
      const member = dialog.getByLabel("Who on our team");
      await expectFieldError(member, "Choose who on our team", { focused: true });
      await expectFieldError(dialog.getByLabel("Who at the customer"), "Choose who at the customer");
      await expectBelowHeader(page, member);
    },
  },
  {
    name: "a traffic light's form submitted without its reason",
    who: "marco",
    url: (i) => `/accounts/${i.account}/plan`,
    act: async (page) => {
      await page.getByRole("button", { name: "Update Delivery" }).click();
      const form = page.getByRole("form", { name: "Set Delivery light" });
      await form.getByRole("button", { name: "Set light" }).click();
      await expectFieldError(form.getByLabel("Reason"), /one line/, { focused: true });
    },
  },
  {
    name: "the CSV import dialog with a file whose rows have errors",
    who: "marco",
    url: (i) => `/accounts/${i.account}/relationships`,
    act: async (page) => {
      await page.getByRole("button", { name: "Import CSV" }).first().click();
      const dialog = page.getByRole("dialog", { name: "Import from CSV" });
      const csv = "name,jobTitle,influence\nAnna Berg,Buyer,3\n,No name,9\n";
      await dialog.getByLabel("CSV file").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      await expect(dialog.getByLabel(/Skip the 1 row with errors/)).toBeVisible();
    },
  },
  {
    name: "the coverage matrix",
    who: "marco",
    url: (i) => `/accounts/${i.account}/relationships?view=matrix`,
    act: async (page) => {
      await expect(page.getByRole("tab", { name: "Coverage matrix" })).toHaveAttribute("aria-selected", "true");
      await expect(page.getByRole("button", { name: /: strength \d/ }).first()).toBeVisible();
    },
  },
  {
    name: "the list view's people",
    who: "marco",
    url: (i) => `/accounts/${i.account}/relationships?view=list`,
    act: async (page) => {
      await expect(page.getByRole("tab", { name: /^People \(\d+\)$/ })).toHaveAttribute("aria-selected", "true");
      await expect(page.getByRole("combobox", { name: /^Influence of / }).first()).toBeVisible();
    },
  },
  {
    name: "the list view's relationships, with the export menu open",
    who: "marco",
    url: (i) => `/accounts/${i.account}/relationships?view=list`,
    act: async (page) => {
      await page.getByRole("tab", { name: /^Relationships \(\d+\)$/ }).click();
      await expect(page.getByTestId("relationships-list")).toBeVisible();
      await page.getByText("Export CSV").click();
      await expect(page.getByRole("link", { name: /^People \(\d+\)$/ })).toBeVisible();
    },
  },
  {
    name: "a person's side panel, with their details and a new relationship open for editing",
    who: "marco",
    url: (i) => `/accounts/${i.account}/relationships?view=list`,
    act: async (page) => {
      await page.locator("main table tbody button").first().click();
      const panel = page.getByRole("dialog");
      await expect(panel.getByRole("button", { name: "Edit details" })).toBeVisible();
      await panel.getByRole("button", { name: "Add", exact: true }).click();
      await expect(panel.getByRole("form", { name: "New relationship" })).toBeVisible();
    },
  },
  {
    name: "the question before removing a person, over their side panel",
    who: "marco",
    url: (i) => `/accounts/${i.account}/relationships?view=list`,
    act: async (page) => {
      await page.locator("main table tbody button").first().click();
      await page.getByRole("dialog").getByRole("button", { name: /^Remove (?!.*relationship)/ }).click();
      const question = page.getByRole("alertdialog");
      await expect(question.getByRole("button", { name: "Cancel" })).toBeFocused();
      await expect(question.getByRole("button", { name: "Remove person" })).toBeVisible();
    },
  },
  {
    name: "the person's side panel as the mentor sees it (read-only)",
    who: "helen",
    url: (i) => `/accounts/${i.account}/relationships?view=list`,
    act: async (page) => {
      await page.locator("main table tbody button").first().click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expect(page.getByRole("button", { name: "Edit details" })).toHaveCount(0);
    },
  },
  {
    name: "the plan's traffic light, action and figures forms open, the action submitted empty",
    who: "marco",
    url: (i) => `/accounts/${i.account}/plan`,
    act: async (page) => {
      await page.getByRole("button", { name: /^Update / }).first().click();
      await page.getByRole("button", { name: "Add action" }).click();
      const action = page.getByRole("form", { name: "New action" });
      await action.getByRole("button", { name: "Add action" }).click();
      await expectFieldError(action.getByLabel("What needs doing"), "Say what needs doing", { focused: true });
      await page.getByRole("button", { name: /^Record \d{4} figures$/ }).click();
      await expect(page.getByRole("button", { name: /^Save \d{4}$/ })).toBeVisible();
    },
  },
  {
    name: "a traffic light's history expanded",
    who: "marco",
    url: (i) => `/accounts/${i.account}/plan`,
    act: async (page) => {
      const toggle = page.getByRole("button", { name: / history$/ }).first();
      await toggle.click();
      await expect(toggle).toHaveAttribute("aria-expanded", "true");
    },
  },
  {
    name: "the mentor writing a comment, and a verdict given without choosing one",
    who: "helen",
    url: (i) => `/reviews/${i.review}`,
    act: async (page) => {
      await page.getByRole("button", { name: /^Comment on / }).first().click();
      await expect(page.getByRole("textbox").first()).toBeFocused();
      await page.getByRole("button", { name: "Give verdict" }).click();
      await expect(page.locator("[role='alert']").first()).toBeVisible();
    },
  },
  {
    name: "the selection model with a criterion added, and its what-if",
    who: "senior",
    url: () => "/settings/selection",
    act: async (page) => {
      await page.getByRole("button", { name: "Add criterion" }).click();
      await expect(page.getByRole("heading", { name: "What if" })).toBeVisible();
      await page.waitForLoadState("networkidle");
    },
  },
  {
    name: "the form to add a user, submitted empty: the server's field errors beside the fields",
    who: "admin",
    url: () => "/admin/users",
    act: async (page) => {
      await page.getByRole("button", { name: "Add person" }).click();
      await expectFieldError(page.getByLabel("Name", { exact: true }), /.+/, { focused: true });
      await expectFieldError(page.getByLabel("Email"), /.+/);
    },
  },
  {
    name: "an audit record's changes expanded",
    who: "admin",
    url: () => "/admin/audit",
    act: async (page) => {
      const toggle = page.locator("main button[aria-expanded]").first();
      await toggle.click();
      await expect(toggle).toHaveAttribute("aria-expanded", "true");
    },
  },
];

/** A field in error: marked invalid, described by its message, and (the first of them) focused. */
async function expectFieldError(field: Locator, message: string | RegExp, opts: { focused?: boolean } = {}) {
  if (opts.focused) await expect(field).toBeFocused();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(message);
}

/** The field is in view inside its dialog, not hidden under the dialog's sticky header. */
async function expectBelowHeader(page: Page, field: Locator) {
  const header = page.getByRole("dialog").getByRole("heading").first().locator("xpath=ancestor::div[contains(@class,'sticky')]");
  const [h, f] = [await header.boundingBox(), await field.boundingBox()];
  expect(h && f && f.y >= h.y + h.height - 1, "the field is below the dialog's header").toBe(true);
}

for (const who of [...new Set(STATES.map((s) => s.who))]) {
  test(`after opening dialogs, panels and forms, as ${who}, no accessibility violations`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, who);
    const ids = await demoIds(page);
    const found: Record<string, string[]> = {};
    for (const state of STATES.filter((s) => s.who === who)) {
      await open(page, state.url(ids));
      await state.act(page);
      const v = [...(await violations(page)), ...(await splitSentences(page))];
      if (v.length) found[state.name] = v;
    }
    expect(found).toEqual({});
  });
}

test("the sign-in form submitted empty names both fields and sends nothing", async ({ page }) => {
  await page.context().clearCookies();
  await open(page, "/login");
  let posted = 0;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/api/auth/callback")) posted++;
  });
  await page.getByRole("button", { name: "Sign in" }).click();
  const email = page.getByLabel("Work email");
  await expectFieldError(email, "Enter your work email", { focused: true });
  await expectFieldError(page.getByLabel("Password"), "Enter your password");
  expect(await violations(page)).toEqual([]);
  // With the email filled in, only the password is missing, and it takes focus.
  await email.fill("marco.rossi@keystone.demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Password")).toBeFocused();
  await expect(email).not.toHaveAttribute("aria-invalid", "true");
  expect(posted).toBe(0);
});
