import { pingDatabase } from "@/lib/db";
import { json } from "@/lib/http";
import { applySecurityHeaders } from "@/lib/security-headers";
import { noteDatabaseError } from "@/lib/db-status";

export const dynamic = "force-dynamic";

/** Liveness and database reachability; public so load balancers can probe it. */
export async function GET() {
  const res = await check();
  applySecurityHeaders(res.headers);
  return res;
}

async function check() {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      pingDatabase(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), 3000);
      }),
    ]);
    return json({ status: "ok", database: "ok" });
  } catch (error) {
    noteDatabaseError(error);
    return json({ status: "degraded", database: "unavailable" }, 503);
  } finally {
    clearTimeout(timer);
  }
}
