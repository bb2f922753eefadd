import { afterEach, describe, expect, it, vi } from "vitest";
import { api, ApiError } from "@/lib/client/api";

// When the connection breaks, a write may still have reached the server and been saved before the
// answer was lost: the message must not tell the person it was not.
describe("api, when Keystone cannot be reached", () => {
  afterEach(() => vi.unstubAllGlobals());

  const offline = () => vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));

  it("says a write may not have been saved, never that nothing was", async () => {
    offline();
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const err = await api("/api/accounts/x", { method, body: { name: "Kemi" } }).catch((e: unknown) => e);
      expect(err, method).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(0);
      expect((err as ApiError).message).toBe("Keystone could not be reached, so this may not have been saved. Check your connection and try again.");
    }
    // A body without a method is a POST.
    const post = await api("/api/accounts", { body: {} }).catch((e: unknown) => e);
    expect((post as ApiError).message).toMatch(/may not have been saved/);
  });

  it("says only to try again when it was reading", async () => {
    offline();
    const err = await api("/api/accounts").catch((e: unknown) => e);
    expect((err as ApiError).message).toBe("Keystone could not be reached. Check your connection and try again.");
  });

  it("passes a cancelled request's abort through untouched", async () => {
    const abort = new DOMException("The operation was aborted.", "AbortError");
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(abort)));
    await expect(api("/api/accounts")).rejects.toBe(abort);
  });
});

// A create whose answer was lost is sent again with the key it had, so the server does it once.
describe("api's Idempotency-Key on a POST", () => {
  afterEach(() => vi.unstubAllGlobals());

  /** fetch that fails the first `failures` calls (no answer), then answers 201; records each key sent. */
  function network(failures: number) {
    const keys: (string | undefined)[] = [];
    let calls = 0;
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) => {
        keys.push((init.headers as Record<string, string>)["idempotency-key"]);
        if (calls++ < failures) throw new TypeError("Failed to fetch");
        return new Response(JSON.stringify({ id: "c1" }), { status: 201 });
      }),
    );
    return keys;
  }

  it("sends the same key again for the same request after the connection broke, and a new one once answered", async () => {
    const keys = network(1);
    const add = () => api("/api/accounts/a1/contacts", { method: "POST", body: { name: "Tomas Vidal" } });
    await expect(add()).rejects.toBeInstanceOf(ApiError);
    await expect(add()).resolves.toEqual({ id: "c1" });
    await add();
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("gives another request (other words, another address) a key of its own", async () => {
    const keys = network(1);
    await api("/api/accounts/a1/contacts", { method: "POST", body: { name: "Tomas Vidal" } }).catch(() => undefined);
    await api("/api/accounts/a1/contacts", { method: "POST", body: { name: "Tomas Vidal Ruiz" } });
    await api("/api/accounts/a2/contacts", { method: "POST", body: { name: "Tomas Vidal" } });
    expect(new Set(keys).size).toBe(3);
  });

  it("sends a removal again with its key, so the server answers as it did instead of 404 for what it removed", async () => {
    const keys = network(1);
    const remove = () => api("/api/accounts/a1/contacts/c1?version=2", { method: "DELETE" });
    await expect(remove()).rejects.toBeInstanceOf(ApiError);
    await remove();
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    // A create of the same address after an unanswered removal is another request, with its own key.
    const lost = network(1);
    await api("/api/accounts/a1/contacts/c3?version=1", { method: "DELETE" }).catch(() => undefined);
    const post = network(0);
    await api("/api/accounts/a1/contacts/c3?version=1", { method: "POST" });
    expect(post[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(post[0]).not.toBe(lost[0]);
  });

  it("sends no key with reads and edits, which carry a version or change nothing", async () => {
    const keys = network(0);
    await api("/api/accounts");
    await api("/api/accounts/a1", { method: "PATCH", body: { version: 1 } });
    await api("/api/accounts/a1/plan/draft", { method: "PUT", body: { version: 1 } });
    expect(keys).toEqual([undefined, undefined, undefined]);
  });
});
