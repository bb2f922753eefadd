import { json, withUser } from "@/lib/http";
import { getTurnaround } from "@/lib/reviews/queue";

/** Time from request to verdict per mentor (last 12 months, the reviews the caller may see). */
export const GET = withUser(async ({ user }) => json(await getTurnaround({ user })));
