import { describe, expect, it } from "vitest";
import { LIMITS, ZContactInput, ZContactPatch, ZLinkInput, ZRelationshipInput, ZRelationshipPatch } from "@/lib/relationships/schema";

const issuesOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("ZContactInput", () => {
  it("needs only a name and fills the rest with the defaults the database uses", () => {
    expect(ZContactInput.parse({ name: "  Anna Keller " })).toMatchObject({
      name: "Anna Keller",
      seniority: 3,
      influence: 3,
      attitude: "NEUTRAL",
      attitudeConfidence: 3,
      decisionRole: null,
      reportsToId: null,
      email: "",
    });
  });

  it("rejects an empty name, out-of-range scales and unknown vocabulary, naming each field", () => {
    const r = ZContactInput.safeParse({ name: " ", influence: 6, seniority: 0, attitudeConfidence: 2.5, attitude: "HOSTILE", decisionRole: "CEO" });
    expect(Object.keys(issuesOf(r)).sort()).toEqual(["attitude", "attitudeConfidence", "decisionRole", "influence", "name", "seniority"]);
    expect(issuesOf(r).influence).toBe("Influence must be from 1 to 5");
  });

  it("caps every text field", () => {
    const long = (n: number) => "x".repeat(n + 1);
    const r = ZContactInput.safeParse({
      name: long(LIMITS.name),
      jobTitle: long(LIMITS.jobTitle),
      department: long(LIMITS.department),
      site: long(LIMITS.site),
      attitudeEvidence: long(LIMITS.evidence),
      competitorAffinity: long(LIMITS.competitorAffinity),
      businessWin: long(LIMITS.win),
      personalWin: long(LIMITS.win),
      notes: long(LIMITS.notes),
    });
    expect(Object.keys(issuesOf(r))).toHaveLength(9);
  });

  it("accepts an empty email, lower-cases a real one and rejects a malformed one", () => {
    expect(ZContactInput.parse({ name: "A", email: "" }).email).toBe("");
    expect(ZContactInput.parse({ name: "A", email: "Anna@Customer.COM" }).email).toBe("anna@customer.com");
    expect(ZContactInput.safeParse({ name: "A", email: "anna@" }).success).toBe(false);
  });
});

describe("ZContactPatch", () => {
  it("requires the version the editor started from and refuses unknown fields", () => {
    expect(ZContactPatch.safeParse({ name: "B" }).success).toBe(false);
    expect(ZContactPatch.safeParse({ version: 2, accountId: "other" }).success).toBe(false);
    expect(ZContactPatch.parse({ version: 2, jobTitle: "CFO" })).toEqual({ version: 2, jobTitle: "CFO" });
  });
});

describe("ZRelationshipInput", () => {
  it("rejects a strength of 7 with a message about the range", () => {
    const r = ZRelationshipInput.safeParse({ userId: "u", contactId: "c", strength: 7 });
    expect(issuesOf(r)).toEqual({ strength: "Strength must be from 1 to 5" });
  });

  it("reads dates as days or timestamps and refuses the future", () => {
    const day = ZRelationshipInput.parse({ userId: "u", contactId: "c", strength: 3, lastInteractionAt: "2025-01-15" });
    expect(day.lastInteractionAt?.toISOString()).toBe("2025-01-15T00:00:00.000Z");
    expect(ZRelationshipInput.safeParse({ userId: "u", contactId: "c", strength: 3, lastInteractionAt: "15/01/2025" }).success).toBe(false);
    const future = new Date(Date.now() + 5 * 864e5).toISOString();
    expect(issuesOf(ZRelationshipInput.safeParse({ userId: "u", contactId: "c", strength: 3, lastInteractionAt: future })).lastInteractionAt).toMatch(/future/);
  });

  it("defaults to supplier contact aiming at credible source", () => {
    expect(ZRelationshipInput.parse({ userId: "u", contactId: "c", strength: 1 })).toMatchObject({ currentLevel: "SUPPLIER_CONTACT", targetLevel: "CREDIBLE_SOURCE", frequencyDays: null, lastInteractionAt: null });
  });

  it("does not let a patch move a relationship to another person", () => {
    expect(ZRelationshipPatch.safeParse({ version: 1, contactId: "other" }).success).toBe(false);
    expect(ZRelationshipPatch.safeParse({ version: 1, strength: 0 }).success).toBe(false);
  });
});

describe("ZLinkInput", () => {
  it("refuses linking a person to themselves and unknown kinds", () => {
    expect(issuesOf(ZLinkInput.safeParse({ fromId: "a", toId: "a", kind: "INFLUENCES" }))).toEqual({ toId: "A person cannot be linked to themselves" });
    expect(ZLinkInput.safeParse({ fromId: "a", toId: "b", kind: "REPORTS_TO" }).success).toBe(false);
    expect(ZLinkInput.parse({ fromId: "a", toId: "b", kind: "TENSION" }).notes).toBe("");
  });
});
