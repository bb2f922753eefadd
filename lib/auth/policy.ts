// The one permission table: role -> action -> which relations to the account allow it.
// `can()` is pure and tested as a matrix (tests/unit/policy.test.ts). Unknown roles or actions are refused.

export const ROLES = ["ADMIN", "SENIOR_MANAGER", "ACCOUNT_MANAGER", "MENTOR"] as const;
export type RoleName = (typeof ROLES)[number];

/** How the user stands to the account in question. "none" = no tie to it. */
export type Relation = "owner" | "team" | "mentor" | "none";

export const ACTIONS = [
  "account:create",
  "account:read",
  "account:edit",
  "account:archive",
  "account:manageTeam",
  "account:assignMentor",
  "user:manage",
  "audit:read",
  "selectionModel:edit",
  "scorecard:edit",
  "tier:override",
  "relationship:edit",
  "plan:edit",
  "plan:submit",
  "plan:approve",
  "plan:commit",
  "review:request",
  "review:comment",
  "review:verdict",
  "periodicReview:record",
  "dashboard:view",
] as const;
export type Action = (typeof ACTIONS)[number];

type Rule = "all" | readonly Relation[];
const OWN: Rule = ["owner", "team"];
const OWNER: Rule = ["owner"];
const ANY: Rule = "all";

const TABLE: Record<RoleName, Partial<Record<Action, Rule>>> = {
  ACCOUNT_MANAGER: {
    "account:create": ANY,
    "account:read": OWN,
    "account:edit": OWN,
    "account:archive": OWNER,
    "account:manageTeam": OWNER,
    "scorecard:edit": OWNER,
    "relationship:edit": OWN,
    "plan:edit": OWN,
    "plan:submit": OWNER,
    "plan:commit": OWN,
    "review:request": OWNER,
    "review:comment": OWN,
    "dashboard:view": ANY,
  },
  MENTOR: {
    "account:read": ["mentor"],
    "review:comment": ["mentor"],
    "review:verdict": ["mentor"],
    "periodicReview:record": ["mentor"],
    "dashboard:view": ANY,
  },
  SENIOR_MANAGER: {
    "account:create": ANY,
    "account:read": ANY,
    "account:edit": ANY,
    "account:archive": ANY,
    "account:manageTeam": ANY,
    "account:assignMentor": ANY,
    "selectionModel:edit": ANY,
    "scorecard:edit": OWNER,
    "tier:override": ANY,
    "relationship:edit": OWN,
    "plan:edit": OWN,
    "plan:submit": ANY,
    "plan:approve": ANY,
    "plan:commit": OWN,
    "review:request": OWNER,
    "review:comment": ANY,
    "review:verdict": ANY,
    "periodicReview:record": ANY,
    "dashboard:view": ANY,
  },
  ADMIN: {
    "account:create": ANY,
    "account:read": ANY,
    "account:edit": ANY,
    "account:archive": ANY,
    "account:manageTeam": ANY,
    "account:assignMentor": ANY,
    "user:manage": ANY,
    "audit:read": ANY,
    "selectionModel:edit": ANY,
    "scorecard:edit": OWNER,
    "tier:override": ANY,
    "relationship:edit": OWN,
    "plan:edit": OWN,
    "plan:submit": ANY,
    "plan:approve": ANY,
    "plan:commit": OWN,
    "review:request": OWNER,
    "review:comment": ANY,
    "review:verdict": ANY,
    "periodicReview:record": ANY,
    "dashboard:view": ANY,
  },
};

export type PolicyUser = { id: string; role: string };

/** May `user` take `action` on a resource they stand to as `relation`? */
export function can(user: PolicyUser | null | undefined, action: Action, relation: Relation = "none"): boolean {
  if (!user) return false;
  const rules = (TABLE as Record<string, Partial<Record<string, Rule>>>)[user.role];
  if (!rules) return false;
  const rule = rules[action];
  if (!rule) return false;
  if (rule === "all") return true;
  // "owner" is also on the team: team rights include the owner.
  return rule.includes(relation) || (relation === "owner" && rule.includes("team"));
}

/** Roles that see every account (no scoping by relation). */
export const seesAllAccounts = (user: PolicyUser) => can(user, "account:read", "none");
