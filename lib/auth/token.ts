import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT } from "next-auth/jwt";

const ENCRYPTION_INFO = "NextAuth.js Generated Encryption Key";
/** next-auth's clock tolerance for `exp`/`nbf`, in seconds. */
const CLOCK_TOLERANCE_S = 15;
/** Decoded tokens kept per key: a browser sends the same token on every request until it is renewed. */
const DECODED_LIMIT = 5_000;

type Decoded = { payload: JWT; exp: number | null; nbf: number | null };
type KeyState = { key: Uint8Array; decoded: Map<string, Decoded> };
const keys = new Map<string, KeyState>();

function keyFor(secret: string | Buffer, salt: string): KeyState {
  const cacheKey = `${salt}\u0000${secret.toString()}`;
  let state = keys.get(cacheKey);
  if (!state) {
    const key = new Uint8Array(hkdfSync("sha256", secret, salt, `${ENCRYPTION_INFO}${salt ? ` (${salt})` : ""}`, 32));
    state = { key, decoded: new Map() };
    keys.set(cacheKey, state);
  }
  return state;
}

/** What jose checks of the claims on every decode, checked again on every use of a remembered token. */
function stillValid(d: Decoded, nowS: number): boolean {
  if (d.exp !== null && nowS - CLOCK_TOLERANCE_S >= d.exp) return false;
  if (d.nbf !== null && nowS + CLOCK_TOLERANCE_S < d.nbf) return false;
  return true;
}

/**
 * next-auth's session-token decode (jose `jwtDecrypt`, A256GCM with a key derived from the secret
 * by HKDF, 15 s clock tolerance), except that the derived key is computed once per secret instead
 * of on every request, and a token once decrypted is remembered (by its exact text, under that
 * key) until it expires: its expiry is checked again on each use, and whether its session was
 * ended and its user still active is the database's answer on every request (lib/auth/session.ts).
 * Tokens are still written by next-auth's own `encode`.
 */
export async function decodeSessionToken({ token, secret, salt = "" }: { token?: string; secret: string | Buffer; salt?: string }): Promise<JWT | null> {
  if (!token) return null;
  const state = keyFor(secret, salt);
  const nowS = Math.floor(Date.now() / 1000);
  const known = state.decoded.get(token);
  if (known) {
    // A copy: next-auth's callbacks may add to the token they are given.
    if (stillValid(known, nowS)) return { ...known.payload };
    state.decoded.delete(token);
  }
  const { payload } = await jwtDecrypt(token, state.key, { clockTolerance: CLOCK_TOLERANCE_S });
  const decoded: Decoded = {
    payload: payload as JWT,
    exp: typeof payload.exp === "number" ? payload.exp : null,
    nbf: typeof payload.nbf === "number" ? payload.nbf : null,
  };
  // Oldest first out: a Map iterates in insertion order.
  if (state.decoded.size >= DECODED_LIMIT) state.decoded.delete(state.decoded.keys().next().value!);
  state.decoded.set(token, decoded);
  return { ...decoded.payload };
}
