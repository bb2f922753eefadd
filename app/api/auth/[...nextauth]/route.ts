import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions, clientAddress } from "@/lib/auth/options";
import { lockedForSeconds, throttleKeys } from "@/lib/auth/throttle";
import { errorResponse, requestIdOf } from "@/lib/http";
import { log } from "@/lib/log";
import { runWithRequestId } from "@/lib/request-context";

const nextAuth = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

export const GET = (req: NextRequest, ctx: Ctx) => nextAuth(req, ctx);

// Sign-in and sign-out are writes like any other: they run with the request's id, so their audit
// events and log lines name the request, and the response carries it.
export async function POST(req: NextRequest, ctx: Ctx) {
  const requestId = requestIdOf(req);
  const started = Date.now();
  let status = 500;
  try {
    const res = await runWithRequestId(requestId, () => handlePost(req, ctx, requestId));
    res.headers.set("x-request-id", requestId);
    status = res.status;
    return res;
  } finally {
    log.info("request", { requestId, method: "POST", path: req.nextUrl.pathname, status, ms: Date.now() - started });
  }
}

// Sign-in attempts for an email or from an address that failed too often get 429 before any
// password is checked. The body keeps next-auth's shape ({url}) so its client reports the error.
async function handlePost(req: NextRequest, ctx: Ctx, requestId: string): Promise<Response> {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") === "callback/credentials") {
    try {
      const form = await req.clone().formData();
      const email = String(form.get("email") ?? "");
      const keys = throttleKeys(email, clientAddress(req.headers));
      const wait = await lockedForSeconds([keys.email, keys.address]);
      if (wait > 0) {
        const url = new URL(`/login?error=RateLimited&retryAfter=${wait}`, req.nextUrl.origin).toString();
        return NextResponse.json({ url, error: "Too many failed sign-ins. Try again later." }, { status: 429, headers: { "retry-after": String(wait) } });
      }
    } catch (error) {
      return errorResponse(error, requestId);
    }
  }
  return nextAuth(req, ctx);
}
