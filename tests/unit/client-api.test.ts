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
