import { json, withUser } from "@/lib/http";
import { listPeople } from "@/lib/accounts/service";

/** Active users (name, email, role) for pickers: owner, mentor, team member. */
export const GET = withUser(async () => json({ items: await listPeople() }));
