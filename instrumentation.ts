// Runs once when the server starts: refuse to serve in production without the secrets it needs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NODE_ENV === "production" && !process.env.NEXTAUTH_SECRET && process.env.KEYSTONE_ALLOW_DEV_SECRET !== "1") {
    console.error(JSON.stringify({ level: "error", msg: "NEXTAUTH_SECRET must be set in production; refusing to start" }));
    process.exit(1);
  }
  if (!process.env.DATABASE_URL) {
    console.error(JSON.stringify({ level: "error", msg: "DATABASE_URL must be set; refusing to start" }));
    process.exit(1);
  }
}
