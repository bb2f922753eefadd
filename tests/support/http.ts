// Calls route handlers the way Next does: a NextRequest with a real next-auth session cookie.
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";

export type TestUser = { id: string; email: string; name: string; role: string } | null;

export async function sessionCookie(user: NonNullable<TestUser>): Promise<string> {
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.name, role: user.role },
    secret: process.env.NEXTAUTH_SECRET ?? "keystone-development-secret-not-for-production",
  });
  return `next-auth.session-token=${token}`;
}

type AnyHandler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function call(
  handler: unknown,
  opts: { user: TestUser; method?: string; url?: string; body?: unknown; rawBody?: string; params?: Record<string, string>; headers?: Record<string, string> },
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.user) headers.cookie = await sessionCookie(opts.user);
  const hasBody = opts.body !== undefined || opts.rawBody !== undefined;
  if (hasBody) headers["content-type"] = "application/json";
  const req = new NextRequest(new URL(opts.url ?? "/api/test", "http://localhost:3000"), {
    method: opts.method ?? (hasBody ? "POST" : "GET"),
    headers,
    body: opts.rawBody ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
  });
  const res = await (handler as AnyHandler)(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  // `any` because each test knows the shape it expects and asserts on it.
  return { status: res.status, body: body as any, headers: res.headers };
}

/** The security headers every response must carry (lib/security-headers.ts) that `headers` lacks. */
export function missingSecurityHeaders(headers: Headers): string[] {
  const want: [string, (v: string) => boolean][] = [
    ["content-security-policy", (v) => v.includes("frame-ancestors 'none'") && v.includes("default-src 'self'")],
    ["x-frame-options", (v) => v === "DENY"],
    ["x-content-type-options", (v) => v === "nosniff"],
    ["referrer-policy", (v) => v === "strict-origin-when-cross-origin"],
  ];
  return want.filter(([name, ok]) => !ok(headers.get(name) ?? "")).map(([name]) => name);
}
