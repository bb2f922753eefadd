import { describe, expect, it } from "vitest";
import { ACTIONS, can, ROLES, type Action, type Relation } from "@/lib/auth/policy";

// The expected permission matrix, written out independently of the policy table.
// Each cell lists the relations for which the action is allowed; "*" = any, "" = never.
const O = "owner", T = "owner team", M = "mentor", ALL = "*", NO = "";
const EXPECTED: Record<Action, Record<(typeof ROLES)[number], string>> = {
  "account:create":        { ACCOUNT_MANAGER: ALL, MENTOR: NO, SENIOR_MANAGER: ALL, ADMIN: ALL },
  "account:read":          { ACCOUNT_MANAGER: T, MENTOR: M, SENIOR_MANAGER: ALL, ADMIN: ALL },
  "account:edit":          { ACCOUNT_MANAGER: T, MENTOR: NO, SENIOR_MANAGER: ALL, ADMIN: ALL },
  "account:archive":       { ACCOUNT_MANAGER: O, MENTOR: NO, SENIOR_MANAGER: ALL, ADMIN: ALL },
  "account:manageTeam":    { ACCOUNT_MANAGER: O, MENTOR: NO, SENIOR_MANAGER: ALL, ADMIN: ALL },
  "account:assignMentor":  { ACCOUNT_MANAGER: NO, MENTOR: NO, SENIOR_MANAGER: ALL, ADMIN: ALL },
  "user:manage":           { ACCOUNT_MANAGER: NO, MENTOR: NO, SENIOR_MANAGER: NO, ADMIN: ALL },
  "audit:read":            { ACCOUNT_MANAGER: NO, MENTOR: NO, SENIOR_MANAGER: NO, ADMIN: ALL },
  "selectionModel:edit":   { ACCOUNT_MANAGER: NO, MENTOR: NO, SENIOR_MANAGER: ALL, ADMIN: ALL },
  "scorecard:edit":        { ACCOUNT_MANAGER: O, MENTOR: NO, SENIOR_MANAGER: O, ADMIN: O },
  "tier:override":         { ACCOUNT_MANAGER: NO, MENTOR: NO, SENIOR_MANAGER: ALL, ADMIN: ALL },
  "relationship:edit":     { ACCOUNT_MANAGER: T, MENTOR: NO, SENIOR_MANAGER: T, ADMIN: T },
  "plan:edit":             { ACCOUNT_MANAGER: T, MENTOR: NO, SENIOR_MANAGER: T, ADMIN: T },
  "plan:submit":           { ACCOUNT_MANAGER: O, MENTOR: NO, SENIOR_MANAGER: ALL, ADMIN: ALL },
  "plan:approve":          { ACCOUNT_MANAGER: NO, MENTOR: NO, SENIOR_MANAGER: ALL, ADMIN: ALL },
  "plan:commit":           { ACCOUNT_MANAGER: T, MENTOR: NO, SENIOR_MANAGER: T, ADMIN: T },
  "review:request":        { ACCOUNT_MANAGER: O, MENTOR: NO, SENIOR_MANAGER: O, ADMIN: O },
  "review:comment":        { ACCOUNT_MANAGER: T, MENTOR: M, SENIOR_MANAGER: ALL, ADMIN: ALL },
  "review:verdict":        { ACCOUNT_MANAGER: NO, MENTOR: M, SENIOR_MANAGER: ALL, ADMIN: ALL },
  "periodicReview:record": { ACCOUNT_MANAGER: NO, MENTOR: M, SENIOR_MANAGER: ALL, ADMIN: ALL },
  "dashboard:view":        { ACCOUNT_MANAGER: ALL, MENTOR: ALL, SENIOR_MANAGER: ALL, ADMIN: ALL },
};
const RELATIONS: Relation[] = ["owner", "team", "mentor", "none"];

describe("policy matrix: role x action x relation", () => {
  it("covers every action the policy knows", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });
  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const cell = EXPECTED[action][role];
      for (const relation of RELATIONS) {
        const allowed = cell === ALL || (cell !== NO && cell.split(" ").includes(relation));
        it(`${role} ${allowed ? "may" : "may not"} ${action} as ${relation}`, () => {
          expect(can({ id: "u", role }, action, relation)).toBe(allowed);
        });
      }
    }
  }
  it("refuses unknown roles, unknown actions and nobody", () => {
    expect(can({ id: "u", role: "GUEST" }, "account:read", "owner")).toBe(false);
    expect(can({ id: "u", role: "ADMIN" }, "account:destroy" as Action, "owner")).toBe(false);
    expect(can(null, "dashboard:view")).toBe(false);
  });
});
