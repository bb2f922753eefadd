import { describe, expect, it } from "vitest";
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
});
