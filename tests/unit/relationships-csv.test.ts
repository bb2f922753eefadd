import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { csvTemplate, exportPeopleCsv, exportRelationshipsCsv, parseCsv, type ExportContact } from "@/lib/relationships/csv";
import { validatePeopleCsv, validateRelationshipsCsv, type ExistingContact } from "@/lib/relationships/csv-import";

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n");

const existing: ExistingContact[] = [
  { id: "k1", name: "Anna Keller", email: "anna@cust.example", reportsToId: null },
  { id: "k2", name: "Jonas Weber", email: "", reportsToId: "k1" },
  { id: "k3", name: "Sam Lee", email: "sam.a@cust.example", reportsToId: null },
  { id: "k4", name: "Sam Lee", email: "sam.b@cust.example", reportsToId: null },
];

describe("templates", () => {
  it("each template validates cleanly against an account that has its people and team", () => {
    const people = validatePeopleCsv(csvTemplate("people"), { existing: [] });
    expect(people.fileErrors).toEqual([]);
    expect(people.rows.map((r) => r.status)).toEqual(["create", "create"]);
    expect(people.rows[1].reportsTo).toEqual({ kind: "row", row: 2 });

    const rels = validateRelationshipsCsv(csvTemplate("relationships"), {
      contacts: [{ id: "a", name: "Anna Keller", email: "anna.keller@customer.example", reportsToId: null }],
      team: [{ id: "u1", email: "you@yourcompany.example", name: "You" }],
      existing: [],
    });
    expect(rels.rows[0]).toMatchObject({ status: "create", userId: "u1", contactId: "a", data: { strength: 3, currentLevel: "CREDIBLE_SOURCE", targetLevel: "TRUSTED_ADVISOR", frequencyDays: 30 } });
  });
});

describe("parseCsv", () => {
  it("accepts friendly headers and reports missing required columns", () => {
    const ok = parseCsv("Name,Job Title,Reports-To\nA,CFO,", "people");
    expect(ok.columns).toEqual(["name", "job_title", "reports_to"]);
    expect(ok.rows[0]).toEqual({ row: 2, values: { name: "A", job_title: "CFO", reports_to: "" } });
    expect(parseCsv("email\nx@y.z", "people").fileErrors[0]).toMatch(/Missing column: name/);
    expect(parseCsv("", "people").fileErrors[0]).toMatch(/empty/);
  });

  it("lists columns it does not know instead of silently importing them", () => {
    expect(parseCsv("name,shoe_size\nA,42", "people").unknownColumns).toEqual(["shoe_size"]);
  });
});

describe("validatePeopleCsv", () => {
  it("creates new people and updates existing ones matched by email, or by name when unique", () => {
    const r = validatePeopleCsv(
      csv([
        ["name", "email", "influence", "decision_role", "attitude"],
        ["Anna K.", "ANNA@cust.example", "5", "Economic decision maker", "supporter"],
        ["Jonas Weber", "", "4", "gatekeeper", ""],
        ["New Person", "new@cust.example", "", "", "Skeptic"],
      ]),
      { existing },
    );
    expect(r.rows.map((x) => [x.status, x.contactId])).toEqual([
      ["update", "k1"],
      ["update", "k2"],
      ["create", undefined],
    ]);
    expect(r.rows[0].data).toMatchObject({ name: "Anna K.", influence: 5, decisionRole: "ECONOMIC_BUYER", attitude: "SUPPORTER" });
    expect(r.rows[2].data).toMatchObject({ attitude: "SCEPTIC", decisionRole: null });
    expect(r.counts).toEqual({ create: 1, update: 2, error: 0 });
  });

  it("only carries the columns present in the file, so a partial sheet does not wipe fields", () => {
    const r = validatePeopleCsv(csv([["name", "department"], ["Jonas Weber", "Finance"]]), { existing });
    expect(r.rows[0].data).toEqual({ name: "Jonas Weber", department: "Finance" });
    expect(r.rows[0].reportsTo).toBeUndefined();
  });

  it("names the row, the column and the problem", () => {
    const r = validatePeopleCsv(
      csv([
        ["name", "email", "influence", "seniority", "decision_role"],
        ["", "", "3", "3", ""],
        ["Bad Influence", "", "7", "x", "boss"],
        ["Sam Lee", "", "3", "3", ""],
        ["Twin", "t@x.example", "3", "3", ""],
        ["Twin again", "t@x.example", "3", "3", ""],
      ]),
      { existing },
    );
    const errors = Object.fromEntries(r.rows.map((x) => [x.row, x.errors.map((e) => `${e.column}: ${e.message}`)]));
    expect(errors[2]).toEqual(["name: Name is required"]);
    expect(errors[3]).toEqual(expect.arrayContaining([expect.stringMatching(/^decision_role: "boss" is not a decision role/), "influence: Influence must be from 1 to 5", expect.stringMatching(/^seniority:/)]));
    expect(errors[4]).toEqual([expect.stringMatching(/^name: Several people on this account are called "Sam Lee"/)]);
    expect(errors[5]).toEqual([]);
    expect(errors[6]).toEqual(["email: Same person as row 5"]);
    expect(r.counts.error).toBe(4);
  });

  it("resolves reports_to to rows in the file or people on the account", () => {
    const r = validatePeopleCsv(
      csv([
        ["name", "email", "reports_to"],
        ["Boss", "boss@x.example", "Anna Keller"],
        ["Minion", "", "boss@x.example"],
        ["Lost", "", "Nobody Known"],
        ["Me", "", "Me"],
      ]),
      { existing },
    );
    expect(r.rows[0].reportsTo).toEqual({ kind: "existing", id: "k1" });
    expect(r.rows[1].reportsTo).toEqual({ kind: "row", row: 2 });
    expect(r.rows[2].errors[0]).toEqual({ column: "reports_to", message: 'Nobody called "Nobody Known" on this account or in this file' });
    expect(r.rows[3].errors[0].message).toBe("A person cannot report to themselves");
  });

  it("refuses a reports-to loop, through the file and the account, naming the people in it", () => {
    // Jonas already reports to Anna; the file makes Anna report to Jonas.
    const r = validatePeopleCsv(csv([["name", "email", "reports_to"], ["Anna Keller", "anna@cust.example", "Jonas Weber"]]), { existing });
    expect(r.rows[0].status).toBe("error");
    expect(r.rows[0].errors[0].message).toBe("This would make a reporting loop: Anna Keller → Jonas Weber → Anna Keller");
  });

  it("fails a row whose manager is a row with errors, so skipping rows never leaves a dangling reference", () => {
    const r = validatePeopleCsv(
      csv([
        ["name", "influence", "reports_to"],
        ["Broken Boss", "9", ""],
        ["Report", "3", "Broken Boss"],
        ["Fine", "3", ""],
      ]),
      { existing },
    );
    expect(r.rows.map((x) => x.status)).toEqual(["error", "error", "create"]);
    expect(r.rows[1].errors[0].message).toBe("Reports to row 2, which has errors");
  });

  it("strips the guard quote that exports put before formula-like cells", () => {
    const r = validatePeopleCsv(csv([["name", "notes"], ["A", "'=1+1"]]), { existing: [] });
    expect(r.rows[0].data.notes).toBe("=1+1");
  });
});

describe("validateRelationshipsCsv", () => {
  const team = [
    { id: "u1", email: "una@us.example", name: "Una" },
    { id: "u2", email: "ugo@us.example", name: "Ugo" },
  ];
  const ctx = { contacts: existing, team, existing: [{ id: "rel1", userId: "u1", contactId: "k1" }] };

  it("creates, updates and rejects row by row", () => {
    const r = validateRelationshipsCsv(
      csv([
        ["team_member_email", "person", "strength", "current_level", "target_level", "last_interaction"],
        ["UNA@us.example", "anna@cust.example", "4", "problem solver", "Trusted advisor", "2025-01-02"],
        ["ugo@us.example", "Jonas Weber", "2", "", "", ""],
        ["stranger@us.example", "Jonas Weber", "3", "", "", ""],
        ["ugo@us.example", "Someone Else", "3", "", "", ""],
        ["ugo@us.example", "Sam Lee", "3", "", "", ""],
        ["una@us.example", "Jonas Weber", "7", "best friend", "", "tomorrow"],
        ["ugo@us.example", "jonas weber", "3", "", "", ""],
      ]),
      ctx,
    );
    expect(r.rows.map((x) => x.status)).toEqual(["update", "create", "error", "error", "error", "error", "error"]);
    expect(r.rows[0]).toMatchObject({ relationshipId: "rel1", data: { strength: 4, currentLevel: "PROBLEM_SOLVER", targetLevel: "TRUSTED_ADVISOR" } });
    expect(r.rows[2].errors).toEqual([{ column: "team_member_email", message: "stranger@us.example is not on this account's team" }]);
    expect(r.rows[3].errors[0].message).toMatch(/Nobody called "Someone Else" on this account/);
    expect(r.rows[4].errors[0].message).toMatch(/Several people are called "Sam Lee"/);
    expect(r.rows[5].errors.map((e) => e.column).sort()).toEqual(["current_level", "last_interaction", "strength"]);
    expect(r.rows[6].errors).toEqual([{ column: "person", message: "Same relationship as row 3" }]);
  });

  it("requires a strength", () => {
    const r = validateRelationshipsCsv(csv([["team_member_email", "person", "strength"], ["una@us.example", "Jonas Weber", ""]]), ctx);
    expect(r.rows[0].errors).toEqual([{ column: "strength", message: "Strength is required (1 to 5)" }]);
  });
});

describe("export", () => {
  const contacts: ExportContact[] = [
    { id: "a", name: "Anna", email: "anna@x.example", jobTitle: "COO", department: "Ops", site: "HH", seniority: 1, reportsToId: null, decisionRole: "ECONOMIC_BUYER", influence: 5, attitude: "CHAMPION", attitudeConfidence: 4, attitudeEvidence: "", competitorAffinity: "", businessWin: "", personalWin: "", notes: "=HYPERLINK(\"x\")" },
    { id: "b", name: "Ben, Jr.", email: "", jobTitle: "", department: "Ops", site: "", seniority: 4, reportsToId: "a", decisionRole: null, influence: 2, attitude: "SCEPTIC", attitudeConfidence: 3, attitudeEvidence: "", competitorAffinity: "", businessWin: "", personalWin: "", notes: "" },
  ];

  it("round-trips people through an import without changes or errors", () => {
    const text = exportPeopleCsv(contacts);
    const rows = Papa.parse<Record<string, string>>(text, { header: true }).data;
    expect(rows[0].notes).toBe("'=HYPERLINK(\"x\")");
    expect(rows[1].reports_to).toBe("anna@x.example");
    const back = validatePeopleCsv(text, { existing: contacts.map((c) => ({ id: c.id, name: c.name, email: c.email, reportsToId: c.reportsToId })) });
    expect(back.rows.map((r) => [r.status, r.contactId])).toEqual([
      ["update", "a"],
      ["update", "b"],
    ]);
    expect(back.rows[0].data).toMatchObject({ decisionRole: "ECONOMIC_BUYER", attitude: "CHAMPION", notes: '=HYPERLINK("x")', influence: 5 });
    expect(back.rows[1].reportsTo).toEqual({ kind: "existing", id: "a" });
  });

  it("exports relationships with the team member's email and dates as days", () => {
    const text = exportRelationshipsCsv(
      [{ userId: "u1", contactId: "b", strength: 3, currentLevel: "SUPPLIER_CONTACT", targetLevel: "PROBLEM_SOLVER", frequencyDays: null, lastInteractionAt: "2025-03-04T10:00:00.000Z", notes: "" }],
      contacts,
      [{ id: "u1", email: "una@us.example" }],
    );
    expect(text.split("\r\n")[1]).toBe('una@us.example,"Ben, Jr.",3,Supplier contact,Problem solver,,2025-03-04,');
  });
});
