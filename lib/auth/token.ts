import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT } from "next-auth/jwt";

const ENCRYPTION_INFO = "NextAuth.js Generated Encryption Key";
const derivedKeys = new Map<string, Uint8Array>();

/**
 * next-auth's session-token decode (jose `jwtDecrypt`, A256GCM with a key derived from the secret
 * by HKDF, 15 s clock tolerance), except that the derived key is computed once per secret instead
 * of on every request. Tokens are still written by next-auth's own `encode`.
 */
export async function decodeSessionToken({ token, secret, salt = "" }: { token?: string; secret: string | Buffer; salt?: string }): Promise<JWT | null> {
  if (!token) return null;
  const cacheKey = `${salt}\u0000${secret.toString()}`;
  let key = derivedKeys.get(cacheKey);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, salt, `${ENCRYPTION_INFO}${salt ? ` (${salt})` : ""}`, 32));
    derivedKeys.set(cacheKey, key);
  }
  const { payload } = await jwtDecrypt(token, key, { clockTolerance: 15 });
  return payload as JWT;
}
