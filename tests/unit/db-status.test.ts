// What the proxy knows about the database while it is away (lib/db-status.ts), the page a page
// load then gets (lib/outage-page.ts), and the proxy itself choosing between that page and the app.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest, type NextFetchEvent } from "next/server";
import { DATABASE_PROBE_EVERY_MS, databaseKnownDown, markDatabaseDown, markDatabaseUp, noteDatabaseError, registerDatabaseProbe } from "@/lib/db-status";
import { isPageLoad, outageResponse, OUTAGE_RETRY_SECONDS } from "@/lib/outage-page";

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

afterEach(() => {
  markDatabaseUp();
  registerDatabaseProbe(() => Promise.resolve());
  vi.useRealTimers();
});

describe("the database's status", () => {
  it("is down after an error that says the database is away, and not after any other error", async () => {
    expect(await databaseKnownDown()).toBe(false);
    expect(noteDatabaseError(Object.assign(new Error("syntax error at or near"), { code: "42601" }))).toBe(false);
    expect(await databaseKnownDown()).toBe(false);
    expect(noteDatabaseError(refused())).toBe(true);
    expect(await databaseKnownDown()).toBe(true);
    markDatabaseUp();
    expect(await databaseKnownDown()).toBe(false);
  });

  it("tries the database at most once a second while it is away, and is up as soon as a try answers", async () => {
    let answer: "refused" | "ok" = "refused";
    const probe = vi.fn(() => (answer === "ok" ? Promise.resolve() : Promise.reject(refused())));
    registerDatabaseProbe(probe);
    const t0 = 1_000_000;
    markDatabaseDown(t0);
    // Within the first second nobody waits for a try: the answer comes at once.
    expect(await databaseKnownDown(t0 + 10)).toBe(true);
    expect(await databaseKnownDown(t0 + DATABASE_PROBE_EVERY_MS - 1)).toBe(true);
    expect(probe).not.toHaveBeenCalled();
    // Then one caller tries (refused: still down), and the next ones within a second do not.
    expect(await databaseKnownDown(t0 + DATABASE_PROBE_EVERY_MS)).toBe(true);
    expect(await databaseKnownDown(t0 + DATABASE_PROBE_EVERY_MS + 500)).toBe(true);
    expect(probe).toHaveBeenCalledTimes(1);
    // The database is back: the next due try answers, and that very caller gets the page.
    answer = "ok";
    expect(await databaseKnownDown(t0 + 2 * DATABASE_PROBE_EVERY_MS)).toBe(false);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(await databaseKnownDown(t0 + 2 * DATABASE_PROBE_EVERY_MS + 1)).toBe(false);
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it("waits at most a second for a try that hangs, and stays down", async () => {
    vi.useFakeTimers();
    registerDatabaseProbe(() => new Promise(() => {}));
    const t0 = 5_000_000;
    markDatabaseDown(t0);
    const answer = databaseKnownDown(t0 + DATABASE_PROBE_EVERY_MS);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await answer).toBe(true);
  });
});

const navigate = (path: string) =>
  new NextRequest(`http://localhost:3000${path}`, { headers: { "sec-fetch-mode": "navigate", "sec-fetch-dest": "document", accept: "text/html,application/xhtml+xml" } });
// How the app's own navigation reaches the proxy: a fetch from the page (Next.js takes its RSC header off first).
const appNavigation = (path: string) => new NextRequest(`http://localhost:3000${path}`, { headers: { "sec-fetch-mode": "cors", "sec-fetch-dest": "empty", accept: "*/*" } });

describe("a page load while the database is away", () => {
  it("is a browser's navigation, or a GET that accepts HTML from a client without Sec-Fetch headers; not the app's fetches or a form's POST", () => {
    expect(isPageLoad(navigate("/accounts"))).toBe(true);
    expect(isPageLoad(new NextRequest("http://localhost:3000/accounts", { headers: { accept: "text/html" } }))).toBe(true);
    expect(isPageLoad(appNavigation("/accounts"))).toBe(false);
    expect(isPageLoad(new NextRequest("http://localhost:3000/accounts", { headers: { accept: "*/*" } }))).toBe(false);
    expect(isPageLoad(new NextRequest("http://localhost:3000/accounts", { method: "POST", headers: { "sec-fetch-mode": "navigate", accept: "text/html" } }))).toBe(false);
  });

  it("gets 503 with Retry-After, the security headers, and Keystone's page that tries again by itself", async () => {
    const res = outageResponse();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe(String(OUTAGE_RETRY_SECONDS));
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await res.text();
    expect(html).toContain("<h1>This page could not be loaded</h1>");
    expect(html).toContain("cannot reach its database");
    expect(html).toContain(`<meta http-equiv="refresh" content="${OUTAGE_RETRY_SECONDS}">`);
    expect(html).toMatch(/<button type="button" onclick="location.reload\(\)">Try again<\/button>/);
  });
});

describe("the proxy", () => {
  let proxy: (req: NextRequest, event: NextFetchEvent) => Promise<Response | undefined | null | void>;
  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "a-test-secret-of-reasonable-length";
    proxy = (await import("@/proxy")).default as never;
  });
  const event = {} as NextFetchEvent;

  it("answers a page load with the outage page while the database is away, and lets the app's own navigation through to the page", async () => {
    registerDatabaseProbe(() => Promise.reject(refused()));
    markDatabaseDown();
    const load = await proxy(navigate("/accounts"), event);
    expect(load?.status).toBe(503);
    expect(await load?.text()).toContain("This page could not be loaded");
    // Not signed in: the app's navigation goes on to the sign-in check (a redirect), not the outage page.
    const nav = await proxy(appNavigation("/accounts"), event);
    expect(nav?.status).toBe(307);
    expect(nav?.headers.get("location")).toContain("/login");
  });

  it("lets page loads through as before once the database answers", async () => {
    markDatabaseDown();
    markDatabaseUp();
    const load = await proxy(navigate("/accounts"), event);
    expect(load?.status).toBe(307);
    expect(load?.headers.get("location")).toContain("/login?callbackUrl=");
  });
});
