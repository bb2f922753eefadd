// Walks every API route with every role, for an account the user belongs to and one they do not,
// and checks the status each should get. A route that is not in MATRIX fails the test: whoever adds
// a route must say here who may call it.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { can, ROLES, type RoleName } from "@/lib/auth/policy";
import { relationTo } from "@/lib/accounts/access";
import { call, missingSecurityHeaders } from "../support/http";
import { makeWorld } from "../support/fixtures";
import { MATRIX, type Params, type World } from "../support/route-matrix";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const API_DIR = path.resolve("app/api");

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return routeFiles(p);
    return name === "route.ts" ? [p] : [];
  });
}

async function discoverRoutes() {
  const found: { key: string; file: string; method: (typeof METHODS)[number]; pattern: string }[] = [];
  for (const file of routeFiles(API_DIR)) {
    const pattern = "/api/" + path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/");
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const method of METHODS) if (typeof mod[method] === "function") found.push({ key: `${method} ${pattern}`, file, method, pattern });
  }
  return found;
}

const routes = await discoverRoutes();

describe("API access matrix", () => {
  it("has an entry for every route and method (add new routes to MATRIX)", () => {
    const missing = routes.map((r) => r.key).filter((k) => !MATRIX[k]);
    expect(missing).toEqual([]);
    const stale = Object.keys(MATRIX).filter((k) => !routes.some((r) => r.key === k));
    expect(stale).toEqual([]);
  });

  for (const route of routes) {
    const spec = MATRIX[route.key];
    if (!spec || spec.scope === "public") continue;
    it(`${route.key}: every role gets the status it should`, async () => {
      const mod = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
      const handler = mod[route.method];
      const w = await makeWorld();
      const users: Record<RoleName, World["owner"]> = { ACCOUNT_MANAGER: w.owner, MENTOR: w.mentor, SENIOR_MANAGER: w.senior, ADMIN: w.admin };
      const outsiders: Record<RoleName, World["owner"]> = { ACCOUNT_MANAGER: w.outsider, MENTOR: w.otherMentor, SENIOR_MANAGER: w.senior, ADMIN: w.admin };
      const extra = spec.params ? await spec.params(w) : {};
      const params: Params = { ...(route.pattern.includes("[id]") && spec.scope === "account" ? { id: w.account.id } : {}), ...extra };
      const query = spec.scope === "account" && spec.query ? `?${spec.query(w)}` : "";
      const url = route.pattern.replace(/\[(\w+)\]/g, (_, k: string) => params[k] ?? "x") + query;
      const failures: string[] = [];
      // Signed out: 401.
      const anon = await call(handler, { user: null, method: route.method, url, params, body: await spec.body?.(w) });
      if (anon.status !== 401) failures.push(`signed out -> ${anon.status}, expected 401`);
      // Whatever the answer, it carries the security headers (nosniff above all: a JSON body is never run as a script).
      const unprotected = missingSecurityHeaders(anon.headers);
      for (const role of ROLES) {
        for (const [label, user] of [["own", users[role]], ["other", outsiders[role]]] as const) {
          const res = await call(handler, { user, method: route.method, url, params, body: await spec.body?.(w) });
          let expected: string;
          let ok: boolean;
          if (spec.scope === "account") {
            const rel = relationTo({ id: user!.id, email: "", name: "", role }, { ownerId: w.owner.id, mentorId: w.mentor.id, teamUserIds: [w.owner.id, w.member.id] });
            if (!can({ id: user!.id, role }, "account:read", rel)) {
              expected = "404 Account not found";
              ok = res.status === 404 && /not found/i.test(res.body?.error ?? "");
            } else if (!can({ id: user!.id, role }, spec.action, rel)) {
              expected = "403";
              ok = res.status === 403;
            } else {
              expected = "allowed (not 401/403/404 account)";
              ok = ![401, 403].includes(res.status) && !(res.status === 404 && /account not found/i.test(res.body?.error ?? "")) && res.status < 500;
            }
          } else {
            const allowed = spec.roles === "all" || spec.roles.includes(role);
            expected = allowed ? "allowed" : "403";
            ok = allowed ? ![401, 403].includes(res.status) && res.status < 500 : res.status === 403;
          }
          if (!ok) failures.push(`${role} (${label} account) -> ${res.status} ${JSON.stringify(res.body)?.slice(0, 120)}, expected ${expected}`);
          unprotected.push(...missingSecurityHeaders(res.headers).map((h) => `${role} (${label}) ${res.status}: ${h}`));
        }
      }
      expect(failures).toEqual([]);
      expect(unprotected).toEqual([]);
    });
  }
});
