import { beforeAll, describe, expect, it } from "vitest";
import * as peopleImport from "@/app/api/accounts/[id]/contacts/import/route";
import * as peopleExport from "@/app/api/accounts/[id]/contacts/export/route";
import * as relImport from "@/app/api/accounts/[id]/relationships/import/route";
import * as relExport from "@/app/api/accounts/[id]/relationships/export/route";
import { call } from "../support/http";
import { makeWorld, testDb } from "../support/fixtures";

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

const people = (user: World["owner"], body: Record<string, unknown>) => call(peopleImport.POST, { user, params: { id: w.account.id }, body });
const rels = (user: World["owner"], body: Record<string, unknown>) => call(relImport.POST, { user, params: { id: w.account.id }, body });
const count = () => testDb().contact.count({ where: { accountId: w.account.id } });

const PEOPLE = [
  "name,email,job_title,department,reports_to,influence,decision_role,attitude",
  "Greta Boss,greta@cust.example,CEO,Board,,5,Economic buyer,Supporter",
  "Hans Middle,hans@cust.example,VP Ops,Operations,greta@cust.example,4,Influencer,Sceptic",
  "Ida Broken,,Analyst,Operations,Hans Middle,9,,",
  "Jon Line,,Engineer,Operations,Hans Middle,2,User,Neutral",
].join("\n");

describe("people import", () => {
  it("previews row by row without writing anything", async () => {
    const before = await count();
    const res = await people(w.owner, { csv: PEOPLE, mode: "preview" });
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ create: 3, update: 0, error: 1 });
    expect(res.body.rows[2]).toMatchObject({ row: 4, status: "error", label: "Ida Broken", errors: [{ column: "influence", message: "Influence must be from 1 to 5" }] });
    expect(await count()).toBe(before);
  });

  it("imports nothing from a file with errors unless told to skip those rows", async () => {
    const before = await count();
    const refused = await people(w.owner, { csv: PEOPLE, mode: "commit" });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe("1 row has errors: nothing was imported");
    expect(refused.body.fields["row 4.influence"]).toBe("Influence must be from 1 to 5");
    expect(await count()).toBe(before);

    const done = await people(w.owner, { csv: PEOPLE, mode: "commit", skipInvalidRows: true });
    expect(done.status).toBe(200);
    expect(done.body.imported).toEqual({ created: 3, updated: 0, skipped: 1 });
    const rows = await testDb().contact.findMany({ where: { accountId: w.account.id, name: { in: ["Greta Boss", "Hans Middle", "Jon Line"] } }, select: { id: true, name: true, reportsToId: true, decisionRole: true } });
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName["Hans Middle"].reportsToId).toBe(byName["Greta Boss"].id);
    expect(byName["Jon Line"].reportsToId).toBe(byName["Hans Middle"].id);
    expect(byName["Greta Boss"].decisionRole).toBe("ECONOMIC_BUYER");
    const audit = await testDb().auditEvent.findFirst({ where: { accountId: w.account.id, action: "contacts.import" } });
    expect(audit?.actorId).toBe(w.owner.id);
    expect((await testDb().account.findUniqueOrThrow({ where: { id: w.account.id } })).uncoveredDecisionMakers).toBe(1);
  });

  it("updates people it already knows and keeps their former role", async () => {
    const res = await people(w.member, { csv: "name,email,job_title\nHans Middle,hans@cust.example,COO", mode: "commit" });
    expect(res.body.imported).toEqual({ created: 0, updated: 1, skipped: 0 });
    const hans = await testDb().contact.findFirstOrThrow({ where: { accountId: w.account.id, email: "hans@cust.example" }, include: { roleHistory: true } });
    expect(hans.jobTitle).toBe("COO");
    expect(hans.department).toBe("Operations");
    expect(hans.roleHistory.map((h) => h.jobTitle)).toEqual(["VP Ops"]);
  });

  it("refuses a reports-to loop in the file", async () => {
    const res = await people(w.owner, { csv: "name,email,reports_to\nGreta Boss,greta@cust.example,Jon Line", mode: "preview" });
    expect(res.body.rows[0].errors[0].message).toBe("This would make a reporting loop: Greta Boss → Jon Line → Hans Middle → Greta Boss");
  });

  it("is for the team only", async () => {
    expect((await people(w.mentor, { csv: PEOPLE, mode: "preview" })).status).toBe(403);
    expect((await people(w.outsider, { csv: PEOPLE, mode: "preview" })).status).toBe(404);
  });
});

describe("relationships import and export", () => {
  it("imports relationships that name people and team members, and exports them again", async () => {
    const csv = [
      "team_member_email,person,strength,current_level,target_level,last_interaction",
      `${w.owner.email},greta@cust.example,4,Problem solver,Trusted advisor,2025-02-01`,
      `${w.member.email},Hans Middle,2,,,`,
      `${w.outsider.email},Hans Middle,3,,,`,
    ].join("\n");
    const preview = await rels(w.owner, { csv, mode: "preview" });
    expect(preview.body.counts).toEqual({ create: 2, update: 0, error: 1 });
    expect(preview.body.rows[2].errors[0]).toEqual({ column: "team_member_email", message: `${w.outsider.email} is not on this account's team` });
    expect((await rels(w.owner, { csv, mode: "commit" })).status).toBe(422);
    const done = await rels(w.owner, { csv, mode: "commit", skipInvalidRows: true });
    expect(done.body.imported).toEqual({ created: 2, updated: 0, skipped: 1 });
    expect((await testDb().account.findUniqueOrThrow({ where: { id: w.account.id } })).uncoveredDecisionMakers).toBe(0);

    const exported = await call(relExport.GET, { user: w.mentor, params: { id: w.account.id } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = String(exported.body).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("team_member_email,person,strength,current_level,target_level,frequency_days,last_interaction,notes");
    expect(lines).toContain(`${w.owner.email},greta@cust.example,4,Problem solver,Trusted advisor,,2025-02-01,`);

    // Re-importing the export changes nothing but counts as updates.
    const again = await rels(w.owner, { csv: lines.join("\n"), mode: "preview" });
    expect(again.body.counts).toEqual({ create: 0, update: 2, error: 0 });
  });

  it("exports people to anyone who may read the account, and to nobody else", async () => {
    const res = await call(peopleExport.GET, { user: w.senior, params: { id: w.account.id } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".*-people\.csv"/);
    expect(String(res.body)).toContain("Hans Middle,hans@cust.example,COO,Operations");
    expect((await call(peopleExport.GET, { user: w.outsider, params: { id: w.account.id } })).status).toBe(404);
  });
});
