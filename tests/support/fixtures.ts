// Integration-test fixtures: users of every role and accounts tied to them, made with the
// same factories the demo seed uses.
import { createPrisma } from "../../prisma/client";
import { createAccount, createUser, unique } from "../../prisma/factories";
import type { Role } from "../../lib/generated/prisma/enums";

let client: ReturnType<typeof createPrisma> | undefined;
/** A Prisma client on the test database, for arranging data and checking what was written. */
export const testDb = () => (client ??= createPrisma(process.env.DATABASE_URL));

export const makeUser = (role: Role = "ACCOUNT_MANAGER", extra: { active?: boolean; password?: string; email?: string } = {}) =>
  createUser(testDb(), { role, ...extra });

/**
 * A small world: an owner with a team member, a mentor, a senior manager, an admin, and an
 * outsider account manager and outsider mentor with no tie to the account.
 */
export async function makeWorld() {
  const db = testDb();
  const [owner, member, mentor, senior, admin, outsider, otherMentor] = await Promise.all([
    makeUser("ACCOUNT_MANAGER"),
    makeUser("ACCOUNT_MANAGER"),
    makeUser("MENTOR"),
    makeUser("SENIOR_MANAGER"),
    makeUser("ADMIN"),
    makeUser("ACCOUNT_MANAGER"),
    makeUser("MENTOR"),
  ]);
  const account = await createAccount(db, {
    name: `World ${unique()}`,
    ownerId: owner.id,
    mentorId: mentor.id,
    team: [{ userId: member.id, role: "MEMBER" }],
  });
  return { owner, member, mentor, senior, admin, outsider, otherMentor, account };
}

/**
 * The moment `n` calendar days before `from`, at the same local wall time: what the app counts as
 * "n days ago" in the server's zone. (`n` × 24 hours is a calendar day more or less within an hour
 * of midnight when a daylight-saving change lies between.)
 */
export function daysBefore(n: number, from: Date = new Date()): Date {
  const at = new Date(from.getTime());
  at.setDate(at.getDate() - n);
  return at;
}
