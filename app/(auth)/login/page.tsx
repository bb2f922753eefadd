import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getPageUser } from "@/lib/auth/session";
import { Logo } from "@/components/layout/logo";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

function safeCallback(raw: string | undefined): string {
  // Only same-site paths: never send someone elsewhere after sign-in.
  return raw && raw.startsWith("/") && !raw.startsWith("//") ? raw : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getPageUser()) redirect(callbackUrl);
  return (
    <main className="grid min-h-screen lg:grid-cols-2">
      <div className="flex flex-col justify-center px-6 py-12 sm:px-12 lg:px-20">
        <div className="mx-auto w-full max-w-sm">
          <Logo className="text-xl text-slate-900" />
          <h1 className="mt-10 text-2xl font-semibold tracking-tight text-slate-900">Sign in to your accounts</h1>
          <p className="mt-2 text-sm text-slate-600">Plans, relationships and reviews for the customers that matter most.</p>
          <LoginForm callbackUrl={callbackUrl} initialError={params.error} />
        </div>
      </div>
      <aside className="relative hidden overflow-hidden bg-gradient-to-br from-brand-900 via-brand-700 to-brand-500 lg:flex lg:flex-col lg:justify-end lg:p-16">
        <div aria-hidden className="absolute -right-24 -top-24 h-96 w-96 rounded-full bg-white/10 blur-2xl" />
        <div aria-hidden className="absolute bottom-40 left-10 h-64 w-64 rounded-full bg-sky-300/20 blur-3xl" />
        <blockquote className="relative max-w-md text-white">
          <p className="text-2xl font-medium leading-snug">
            “Key accounts are won over years, not quarters. Keep the plan alive, know who decides, and never let a relationship go quiet.”
          </p>
          <ul className="mt-10 space-y-3 text-sm text-brand-100">
            <li>● Weighted selection: see why every account is key</li>
            <li>● Relationship maps that show where you are exposed</li>
            <li>● Versioned plans, reviewed by a mentor every few months</li>
          </ul>
        </blockquote>
      </aside>
    </main>
  );
}
