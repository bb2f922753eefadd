// Sign in to a running Keystone the way a browser does (next-auth credentials flow) and return
// the session cookie, for benchmarks and load/outage scripts.
export async function signInCookie(base: string, email: string, password = "keystone-demo"): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in failed for ${email} (${res.status})`);
  return session.split(";")[0];
}
