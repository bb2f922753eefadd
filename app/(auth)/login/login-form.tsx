"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { requiredMissing, useFocusFirstError } from "@/components/ui/form-errors";
import { Field, Input } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "That email and password do not match. Check them and try again.",
  RateLimited: "Too many failed attempts. For your security, sign-in is paused for a few minutes.",
  SessionRequired: "Please sign in to continue.",
};

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState<string | null>(initialError ? (MESSAGES[initialError] ?? "Sign-in failed. Try again.") : null);
  const [pending, setPending] = useState(false);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(missing);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    // An empty field is named beside it rather than sent: the server would only answer that the
    // email and password do not match.
    const empty = requiredMissing({ email: !String(form.get("email") ?? "").trim() && "Enter your work email", password: !form.get("password") && "Enter your password" });
    setMissing(empty ?? {});
    if (empty) return;
    setPending(true);
    setError(null);
    try {
      const res = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
        callbackUrl,
      });
      if (!res || res.error) {
        setError(MESSAGES[res?.status === 429 ? "RateLimited" : (res?.error ?? "")] ?? MESSAGES.CredentialsSignin);
        setPending(false);
        return;
      }
      window.location.assign(callbackUrl);
    } catch {
      setError("Keystone could not be reached. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="mt-8 space-y-5" noValidate>
      {error && (
        <FormAlert reveal>
          {error}
        </FormAlert>
      )}
      <Field label="Work email" htmlFor="email" error={missing.email}>
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus placeholder="you@company.com" />
      </Field>
      <Field label="Password" htmlFor="password" error={missing.password}>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
