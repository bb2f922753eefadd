// Who may call each API route: the access-matrix test walks it, the fuzz test uses it to pick an
// allowed caller. A route that is not listed here fails both.
import type { Action, RoleName } from "@/lib/auth/policy";
import type { makeWorld } from "./fixtures";

export type World = Awaited<ReturnType<typeof makeWorld>>;
export type Params = Record<string, string>;
export type Spec =
  /** Routes under /api/accounts/{id}: the account must be visible (else 404), then `action` is checked (else 403). */
  | { scope: "account"; action: Action; body?: (w: World) => unknown; params?: (w: World) => Promise<Params> | Params }
  /** Routes outside an account: only `roles` may call them (403 for the others). */
  | { scope: "global"; roles: readonly RoleName[] | "all"; body?: (w: World) => unknown; params?: (w: World) => Promise<Params> | Params }
  /** Open to anyone (health, sign-in). */
  | { scope: "public" };

const ALL = "all" as const;
const ADMIN_ONLY = ["ADMIN"] as const;

export const MATRIX: Record<string, Spec> = {
  "GET /api/health": { scope: "public" },
  "GET /api/auth/[...nextauth]": { scope: "public" },
  "POST /api/auth/[...nextauth]": { scope: "public" },
  "GET /api/accounts": { scope: "global", roles: ALL },
  "POST /api/accounts": { scope: "global", roles: ["ACCOUNT_MANAGER", "SENIOR_MANAGER", "ADMIN"], body: () => ({ name: `Matrix ${Date.now()}`, industry: "X", region: "Y" }) },
  "GET /api/accounts/[id]": { scope: "account", action: "account:read" },
  "PATCH /api/accounts/[id]": { scope: "account", action: "account:edit", body: () => ({ description: "matrix", version: 1 }) },
  "DELETE /api/accounts/[id]": { scope: "account", action: "account:archive" },
  "PUT /api/accounts/[id]/team": { scope: "account", action: "account:manageTeam", body: (w) => ({ members: [{ userId: w.member.id, role: "MEMBER" }], version: 1 }) },
  "GET /api/people": { scope: "global", roles: ALL },
  "GET /api/users": { scope: "global", roles: ADMIN_ONLY },
  "POST /api/users": { scope: "global", roles: ADMIN_ONLY, body: () => ({ email: `m${Date.now()}${Math.random()}@t.io`, name: "Matrix User", role: "MENTOR", password: "long-enough-pw" }) },
  "PATCH /api/users/[id]": { scope: "global", roles: ADMIN_ONLY, body: () => ({ name: "Renamed", version: 1 }), params: (w) => ({ id: w.outsider.id }) },
  "GET /api/audit": { scope: "global", roles: ADMIN_ONLY },
};

