// Runs once when the server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkStartupConfig } = await import("./lib/startup");
    checkStartupConfig();
  }
}

/**
 * A page (or anything else Next.js renders) that failed because PostgreSQL is away marks it so:
 * until it answers again, page loads get the proxy's 503 at once (lib/db-status.ts).
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { noteDatabaseError } = await import("./lib/db-status");
    noteDatabaseError(error);
  }
}
