// Hostile input: every write endpoint gets random and malformed bodies (property-based, fast-check).
// Nothing may answer 5xx, a rejected request writes nothing (every write records an audit event in
// its transaction, so the audit count is the witness), and no stored field exceeds its limit.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { can, type Action } from "@/lib/auth/policy";
import { call } from "../support/http";
import { makeWorld, testDb } from "../support/fixtures";
import { MATRIX } from "../support/route-matrix";

const WRITE = ["POST", "PUT", "PATCH", "DELETE"] as const;
const API_DIR = path.resolve("app/api");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? files(path.join(dir, n)) : n === "route.ts" ? [path.join(dir, n)] : []));

const KEYS = ["name", "title", "content", "version", "body", "reason", "summary", "strength", "userId", "contactId", "fromId", "toId", "tierId", "scores", "members", "role", "stage", "description", "color", "area", "dueDate", "status", "ownerId", "value", "rationale", "subject", "verdict", "section", "notes", "year", "targetRevenue", "criteria", "tiers", "email", "password", "industry", "region", "kind", "decision", "attendees", "heldOn", "outcome", "nextSteps", "influence", "attitude", "jobTitle", "department"];
const huge = fc.integer({ min: 10_001, max: 120_000 }).map((n) => "x".repeat(n));
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(-1, 0, 1, 5, 7, 1e12, "", " ", "<script>alert(1)</script>", "2026-13-45", "RED", "APPROVED", "MEMBER"),
  huge,
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom(...KEYS), fc.anything({ maxDepth: 1 }), { maxKeys: 4 }),
);
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 }).map((b) => ({ json: b })),
  fc.anything({ maxDepth: 3 }).map((b) => ({ json: b })),
  fc.constantFrom("{", "[1,2", "null", '"text"', "\u0000", "{\"version\":", "%%%").map((raw) => ({ raw })),
);

const MAX_STORED = 10_000; // no single text field in Keystone accepts more than this

describe("fuzzing every write endpoint", async () => {
  const routes: { key: string; file: string; method: (typeof WRITE)[number] }[] = [];
  for (const file of files(API_DIR)) {
    const pattern = "/api/" + path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/");
    if (pattern.startsWith("/api/auth")) continue;
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const m of WRITE) if (typeof mod[m] === "function") routes.push({ key: `${m} ${pattern}`, file, method: m });
  }

  for (const route of routes) {
    it(`${route.key}: no 5xx, nothing written when rejected`, async () => {
      const spec = MATRIX[route.key];
      expect(spec, `${route.key} must be in the access matrix`).toBeDefined();
      if (!spec || spec.scope === "public") return;
      const w = await makeWorld();
      // Someone allowed to call it, so the body is what gets tested.
      const candidates = [w.owner, w.member, w.mentor, w.senior, w.admin];
      const user =
        spec.scope === "account"
          ? (candidates.find((u) => can(u, spec.action as Action, u.id === w.owner.id ? "owner" : u.id === w.member.id ? "team" : u.id === w.mentor.id ? "mentor" : "none")) ?? w.admin)
          : spec.roles === "all"
            ? w.owner
            : (candidates.find((u) => (spec.roles as readonly string[]).includes(u.role)) ?? w.admin);
      const params: Record<string, string> = { ...(spec.scope === "account" ? { id: w.account.id } : {}), ...(spec.params ? await spec.params(w) : {}) };
      const mod = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          const before = await testDb().auditEvent.count({ where: { actorId: user.id } });
          const res = await call(mod[route.method], { user, method: route.method, params, url: "/api/fuzz", ...("raw" in b ? { rawBody: b.raw } : { body: b.json }) });
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
          if (res.status >= 400) expect(await testDb().auditEvent.count({ where: { actorId: user.id } })).toBe(before);
        }),
        { numRuns: 20, seed: 20261128 },
      );
    });
  }

  it("stores no text field longer than its limit", async () => {
    const cols = await testDb().$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying') AND table_name NOT IN ('_prisma_migrations')`;
    const over: string[] = [];
    for (const c of cols) {
      const [row] = await testDb().$queryRawUnsafe<{ n: number | null }[]>(`SELECT max(length("${c.column_name}"))::int AS n FROM "${c.table_name}"`);
      if ((row?.n ?? 0) > MAX_STORED) over.push(`${c.table_name}.${c.column_name}: ${row.n}`);
    }
    // JSON documents (plan content, audit before/after) are checked by their own schemas' limits.
    expect(over).toEqual([]);
  });
});
