import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions, clientAddress } from "@/lib/auth/options";
import { lockedForSeconds, throttleKeys } from "@/lib/auth/throttle";
import { errorResponse } from "@/lib/http";

const nextAuth = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

export const GET = (req: NextRequest, ctx: Ctx) => nextAuth(req, ctx);

// Sign-in attempts for an email or from an address that failed too often get 429 before any
// password is checked. The body keeps next-auth's shape ({url}) so its client reports the error.
export async function POST(req: NextRequest, ctx: Ctx) {
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
      return errorResponse(error, crypto.randomUUID());
    }
  }
  return nextAuth(req, ctx);
}
