import { json, parseBody, withUser } from "@/lib/http";
import { ZTrafficLightInput } from "@/lib/plans/schema";
import { setTrafficLight } from "@/lib/plans/tracking";

/** Sets a traffic light (a new row: the history of each light is kept). */
export const POST = withUser<{ id: string }>(async ({ req, user, params }) => {
  const input = await parseBody(req, ZTrafficLightInput);
  return json(await setTrafficLight({ user, accountId: params.id, input }), 201);
});
