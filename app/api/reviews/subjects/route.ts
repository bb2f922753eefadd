import { z } from "zod";
import { json, parseQuery, withUser } from "@/lib/http";
import { listReviewableSubjects } from "@/lib/reviews/service";

const ZQuery = z.object({ accountId: z.string({ error: "accountId is required" }).min(1, { error: "accountId is required" }).max(64) });

/** What on an account can be put up for review (plan versions, proposals), with the review each already has. */
export const GET = withUser(async ({ req, user }) => json(await listReviewableSubjects({ user, accountId: parseQuery(req, ZQuery).accountId })));
