// Refuse to serve in production without the configuration it needs (Node runtime only).
export function checkStartupConfig() {
  const problems: string[] = [];
  if (process.env.NODE_ENV === "production" && !process.env.NEXTAUTH_SECRET && process.env.KEYSTONE_ALLOW_DEV_SECRET !== "1") {
    problems.push("NEXTAUTH_SECRET must be set in production");
  }
  if (!process.env.DATABASE_URL) problems.push("DATABASE_URL must be set");
  if (problems.length) {
    for (const msg of problems) console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: `${msg}; refusing to start` }));
    process.exit(1);
  }
}
