// Browser-side JSON calls to our API, with the server's error shape turned into ApiError.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly current: unknown = null,
  ) {
    super(message);
  }
}

/** The server's words when it answered, else the fallback (a thrown non-API error says nothing useful). */
export function messageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

/**
 * The session as the browser's calls find it: "ended" whenever one is answered 401 (signed out in
 * another tab, or the session ran out), "ok" at the first answer after that which is not. The
 * signed-in layout's <SessionEnded> banner listens.
 */
export const SESSION_EVENT = "keystone:session";
export type TSessionEvent = CustomEvent<"ended" | "ok">;
let sessionEnded = false;
function announceSession(ended: boolean) {
  // Every 401 is told (a banner the person closed comes back on the next refused save); "ok"
  // only once, after one.
  if (typeof window === "undefined" || (!ended && !sessionEnded)) return;
  sessionEnded = ended;
  window.dispatchEvent(new CustomEvent(SESSION_EVENT, { detail: ended ? "ended" : "ok" }));
}

/**
 * A POST creates something and a DELETE removes it, and one whose connection broke may have been
 * done. Each carries an `Idempotency-Key`; sent again (the person presses the button again), the
 * same request carries the same key, and the server answers with what it did the first time
 * instead of making a second copy, or a 404 for what the first removed (lib/idempotency.ts).
 * Keys of requests that got no answer are kept here until one comes.
 */
const unanswered = new Map<string, string>();
function newKey(): string {
  // getRandomValues, not randomUUID: it works on plain http too (randomUUID needs https or localhost).
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** `quietOnSignOut`: the caller tells the person itself that the session ended (the draft's autosave). */
export async function api<T>(url: string, init: { method?: string; body?: unknown; signal?: AbortSignal; quietOnSignOut?: boolean } = {}): Promise<T> {
  const method = init.method ?? (init.body === undefined ? "GET" : "POST");
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const request = method === "POST" || method === "DELETE" ? `${method} ${url}\n${body ?? ""}` : null;
  const key = request === null ? null : (unanswered.get(request) ?? newKey());
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...(key ? { "idempotency-key": key } : {}) },
      body,
      signal: init.signal,
    });
  } catch (e) {
    if (request !== null && key) unanswered.set(request, key);
    if ((e as Error).name === "AbortError") throw e;
    // A write may have reached the server before the connection broke: never claim it did not.
    throw new ApiError(0, method === "GET" ? "Keystone could not be reached. Check your connection and try again." : "Keystone could not be reached, so this may not have been saved. Check your connection and try again.");
  }
  if (request !== null) unanswered.delete(request);
  if (res.status === 401) {
    if (!init.quietOnSignOut) announceSession(true);
  } else announceSession(false);
  const data = (await res.json().catch(() => ({}))) as { error?: string; fields?: Record<string, string>; current?: unknown };
  if (!res.ok) {
    const fallback = res.status === 503 ? "The database is unavailable. Please try again in a moment." : `Request failed (${res.status})`;
    // Signed out: the words a form shows match the banner's, which says what to do.
    const message = res.status === 401 ? "You are signed out." : (data.error ?? fallback);
    throw new ApiError(res.status, message, data.fields ?? {}, data.current ?? null);
  }
  return data as T;
}
