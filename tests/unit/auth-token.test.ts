import { afterEach, describe, expect, it, vi } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { decodeSessionToken } from "@/lib/auth/token";

const secret = "a-test-secret-of-reasonable-length";
const claims = { sub: "user-1", email: "ann@example.com", name: "Ann", role: "MENTOR" };

describe("decodeSessionToken (next-auth's decode with the derived key kept)", () => {
  it("reads a token written by next-auth's encode exactly as next-auth's decode does", async () => {
    const token = await encode({ token: claims, secret });
    const ours = await decodeSessionToken({ token, secret });
    expect(ours).toMatchObject(claims);
    expect(ours).toEqual(await decode({ token, secret }));
    // Twice, so the second read uses the kept key.
    expect(await decodeSessionToken({ token, secret })).toEqual(ours);
  });

  it("honours the salt the same way next-auth does", async () => {
    const token = await encode({ token: claims, secret, salt: "s1" });
    expect(await decodeSessionToken({ token, secret, salt: "s1" })).toMatchObject(claims);
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
  });

  it("refuses a token made with another secret, a tampered token and an expired one; no token is no session", async () => {
    const token = await encode({ token: claims, secret: "another-secret-entirely" });
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
    const good = await encode({ token: claims, secret });
    const parts = good.split(".");
    parts[3] = (parts[3][0] === "A" ? "B" : "A") + parts[3].slice(1);
    await expect(decodeSessionToken({ token: parts.join("."), secret })).rejects.toThrow();
    const expired = await encode({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow(/exp/);
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });

  describe("a token once decrypted is remembered", () => {
    afterEach(() => vi.useRealTimers());

    it("until it expires: past its expiry (and next-auth's 15 s tolerance) it is refused as next-auth would", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date("2026-12-02T10:00:00Z"));
      const token = await encode({ token: claims, secret, maxAge: 60 });
      expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
      vi.setSystemTime(new Date("2026-12-02T10:01:10Z")); // 70 s on: expired, within the tolerance
      expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
      await expect(decode({ token, secret })).resolves.toMatchObject(claims);
      vi.setSystemTime(new Date("2026-12-02T10:01:16Z")); // 76 s on: past it
      await expect(decodeSessionToken({ token, secret })).rejects.toThrow(/exp/);
      await expect(decode({ token, secret })).rejects.toThrow(/exp/);
    });

    it("only under the key that decrypted it, and a caller changing what it got changes nothing for the next", async () => {
      const token = await encode({ token: claims, secret });
      const first = await decodeSessionToken({ token, secret });
      await expect(decodeSessionToken({ token, secret: "another-secret-entirely" })).rejects.toThrow();
      await expect(decodeSessionToken({ token, secret, salt: "s1" })).rejects.toThrow();
      first!.role = "ADMIN";
      expect(await decodeSessionToken({ token, secret })).toMatchObject({ role: "MENTOR" });
    });
  });
});
