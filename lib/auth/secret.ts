// Secrets come only from the environment. In production the app refuses to run without one.
const DEV_SECRET = "keystone-development-secret-not-for-production";

export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (secret) return secret;
  // `next build` evaluates route modules; the real check happens when the server starts
  // (instrumentation.ts) and on first use.
  if (process.env.NEXT_PHASE === "phase-production-build") return "build-time-placeholder";
  if (process.env.NODE_ENV === "production" && process.env.KEYSTONE_ALLOW_DEV_SECRET !== "1") {
    throw new Error("NEXTAUTH_SECRET must be set in production");
  }
  return DEV_SECRET;
}

export const SESSION_MAX_AGE_SECONDS = Number(process.env.SESSION_MAX_AGE_HOURS ?? 8) * 3600;
export const secureCookies = () => (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
