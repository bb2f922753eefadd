import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions, clientAddress } from "@/lib/auth/options";
import { lockedForSeconds, throttleKeys } from "@/lib/auth/throttle";
import { json, requestIdOf, respondLogged } from "@/lib/http";
import { runWithRequestId } from "@/lib/request-context";

const nextAuth = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

export const GET = (req: NextRequest, ctx: Ctx) => respondLogged(req, requestIdOf(req), () => nextAuth(req, ctx));

// Sign-in and sign-out are writes like any other: they run with the request's id, so their audit
// events and log lines name the request, and the response carries it.
export async function POST(req: NextRequest, ctx: Ctx) {
  const requestId = requestIdOf(req);
  return respondLogged(req, requestId, () => runWithRequestId(requestId, () => handlePost(req, ctx)));
}

// Sign-in attempts for an email or from an address that failed too often get 429 before any
// password is checked. The body keeps next-auth's shape ({url}) so its client reports the error.
async function handlePost(req: NextRequest, ctx: Ctx): Promise<Response> {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await req.clone().formData();
    const email = String(form.get("email") ?? "");
    const keys = throttleKeys(email, clientAddress(req.headers));
    const wait = await lockedForSeconds([keys.email, keys.address]);
    if (wait > 0) {
      const url = new URL(`/login?error=RateLimited&retryAfter=${wait}`, req.nextUrl.origin).toString();
      return json({ url, error: "Too many failed sign-ins. Try again later." }, 429, { "retry-after": String(wait) });
    }
  }
  return nextAuth(req, ctx);
}
