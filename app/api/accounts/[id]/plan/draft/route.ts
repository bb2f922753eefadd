import { ZodError } from "zod";
import { json, parseBody, withUser } from "@/lib/http";
import { ValidationError } from "@/lib/errors";
import { ZDraftSave, planContentErrors } from "@/lib/plans/schema";
import { getPlanDraft, savePlanDraft } from "@/lib/plans/service";

type P = { id: string };

export const GET = withUser<P>(async ({ user, params }) => json(await getPlanDraft({ user, accountId: params.id })));

/**
 * Saves the draft: 409 with the current draft if someone saved in between (unless the draft already
 * says exactly this: then 200, nothing written); 422 naming the section.
 */
export const PUT = withUser<P>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZDraftSave).catch((e: unknown) => {
    if (!(e instanceof ZodError)) throw e;
    const fields = planContentErrors(e);
    throw new ValidationError(fields, Object.values(fields)[0]);
  });
  return json(await savePlanDraft({ user, accountId: params.id, input }));
});
