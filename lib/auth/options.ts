import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { clearFailures, lockedForSeconds, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_EMAIL, recordFailure, throttleKeys } from "@/lib/auth/throttle";
import { authSecret, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/secret";
import { recordAudit } from "@/lib/audit";
import { decodeSessionToken } from "@/lib/auth/token";

const ZCredentials = z.object({ email: z.string().trim().toLowerCase().email().max(254), password: z.string().min(1).max(200) });

export function clientAddress(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  return (get("x-forwarded-for")?.split(",")[0] ?? get("x-real-ip") ?? "local").trim();
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Tokens are written by next-auth's own encode; decode is next-auth's too, with the derived key kept.
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS, decode: decodeSessionToken },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const keys = throttleKeys(email, clientAddress(req?.headers));
        if ((await lockedForSeconds([keys.email, keys.address])) > 0) throw new Error("RateLimited");
        const user = await prisma.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true },
        });
        // An unknown email costs the same bcrypt compare as a wrong password (no timing oracle).
        const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, DUMMY_HASH);
        if (!user || !ok || !user.active) {
          await recordFailure(keys.email, MAX_FAILURES_PER_EMAIL);
          await recordFailure(keys.address, MAX_FAILURES_PER_ADDRESS);
          return null;
        }
        await clearFailures(keys.email);
        await prisma.$transaction((tx) =>
          recordAudit(tx, { actorId: user.id, action: "auth.signIn", entityType: "User", entityId: user.id }),
        );
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
  events: {
    // Signing out ends the session on the server too: the token cannot be replayed afterwards.
    async signOut({ token }) {
      const jti = typeof token?.jti === "string" ? token.jti : null;
      if (!jti) return;
      const expiresAt = new Date(typeof token.exp === "number" ? token.exp * 1000 : Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
      await prisma.$transaction(async (tx) => {
        await tx.revokedSession.upsert({ where: { jti }, create: { jti, userId: token.sub ?? null, expiresAt }, update: {} });
        await recordAudit(tx, { actorId: token.sub ?? null, action: "auth.signOut", entityType: "User", entityId: token.sub ?? "unknown" });
        // Housekeeping: forget revocations of tokens that have expired anyway.
        await tx.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
      });
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.role = (user as { role?: string }).role;
      return token;
    },
    async session({ session, token }) {
      if (session.user) {
        (session.user as { id?: string }).id = token.sub;
        (session.user as { role?: unknown }).role = token.role;
      }
      return session;
    },
  },
};

// bcrypt hash of a random string: makes a wrong email cost the same time as a wrong password.
const DUMMY_HASH = "$2b$12$3CyEStBEFKBRwfRRdXdUEOyVPAzfGnnvRPR2JuHz25j0hcjWGBOWW";
