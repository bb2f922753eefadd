import { describe, expect, it } from "vitest";
import {
  approvalChanges,
  canTransition,
  commitmentStatus,
  conflictingSections,
  currentLights,
  currentVersion,
  daysOverdue,
  isOverdue,
  lightHistory,
  nextVersionNumber,
  planPhase,
  sortActions,
  submitProblems,
  targetsVsActuals,
  worstLight,
  type TLightRecord,
} from "@/lib/plans/model";
import { emptyPlanContent, type TPlanVersionStatus } from "@/lib/plans/schema";

describe("isOverdue", () => {
  const today = "2026-03-10";
  it("flags open actions due before today", () => {
    expect(isOverdue({ status: "OPEN", dueDate: "2026-03-09" }, today)).toBe(true);
    expect(daysOverdue({ status: "OPEN", dueDate: "2026-03-01" }, today)).toBe(9);
  });
  it("does not flag an action due today or later", () => {
    expect(isOverdue({ status: "OPEN", dueDate: "2026-03-10" }, today)).toBe(false);
    expect(isOverdue({ status: "OPEN", dueDate: "2026-04-01" }, today)).toBe(false);
  });
  it("never flags done or dropped actions", () => {
    expect(isOverdue({ status: "DONE", dueDate: "2020-01-01" }, today)).toBe(false);
    expect(isOverdue({ status: "DROPPED", dueDate: "2020-01-01" }, today)).toBe(false);
  });
  it("reads @db.Date values (UTC midnight) as their calendar day", () => {
    expect(isOverdue({ status: "OPEN", dueDate: new Date("2026-03-09T00:00:00Z") }, today)).toBe(true);
    expect(isOverdue({ status: "OPEN", dueDate: new Date("2026-03-10T00:00:00Z") }, today)).toBe(false);
  });
  it("sorts overdue first, then open by due date, then closed", () => {
    const list = [
      { id: "done", status: "DONE" as const, dueDate: "2026-01-01" },
      { id: "later", status: "OPEN" as const, dueDate: "2026-05-01" },
      { id: "late2", status: "OPEN" as const, dueDate: "2026-03-05" },
      { id: "soon", status: "OPEN" as const, dueDate: "2026-03-12" },
      { id: "late1", status: "OPEN" as const, dueDate: "2026-02-01" },
    ];
    expect(sortActions(list, today).map((a) => a.id)).toEqual(["late1", "late2", "soon", "later", "done"]);
  });
});

describe("traffic lights", () => {
  const h: TLightRecord[] = [
    { area: "delivery", color: "GREEN", reason: "On plan", setAt: "2026-01-01T10:00:00Z" },
    { area: "delivery", color: "RED", reason: "Outage", setAt: "2026-02-01T10:00:00Z" },
    { area: "delivery", color: "AMBER", reason: "Recovering", setAt: "2026-03-01T10:00:00Z" },
    { area: "financial", color: "GREEN", reason: "Ahead", setAt: "2026-02-15T10:00:00Z" },
  ];
  it("takes the latest light per area, whatever the order of the rows", () => {
    const cur = currentLights([...h].reverse());
    expect(cur.delivery?.color).toBe("AMBER");
    expect(cur.financial?.color).toBe("GREEN");
    expect(cur.relationship).toBeNull();
    expect(Object.keys(cur)).toEqual(["relationship", "delivery", "financial", "strategic-position", "competitive-threat"]);
  });
  it("keeps each area's history newest first", () => {
    expect(lightHistory(h, "delivery").map((l) => l.reason)).toEqual(["Recovering", "Outage", "On plan"]);
  });
  it("lets the later row win a tie on time", () => {
    const t = "2026-03-01T10:00:00Z";
    const cur = currentLights([
      { area: "delivery", color: "GREEN", reason: "first", setAt: t },
      { area: "delivery", color: "RED", reason: "second", setAt: t },
    ]);
    expect(cur.delivery?.reason).toBe("second");
  });
  it("summarises with the worst current light", () => {
    expect(worstLight(currentLights(h))).toBe("AMBER");
    expect(worstLight(currentLights([]))).toBeNull();
  });
});

describe("version statuses", () => {
  const v = (number: number, status: TPlanVersionStatus) => ({ number, status });

  it("allows draft -> submitted -> approved or changes requested, nothing back", () => {
    expect(canTransition("SUBMITTED", "APPROVED")).toBe(true);
    expect(canTransition("SUBMITTED", "CHANGES_REQUESTED")).toBe(true);
    expect(canTransition("APPROVED", "SUBMITTED")).toBe(false);
    expect(canTransition("CHANGES_REQUESTED", "APPROVED")).toBe(false);
    expect(canTransition("SUPERSEDED", "APPROVED")).toBe(false);
  });

  it("takes the latest approved version as the current plan", () => {
    expect(currentVersion([v(1, "SUPERSEDED"), v(2, "APPROVED"), v(3, "SUBMITTED")])?.number).toBe(2);
    expect(currentVersion([v(1, "SUBMITTED")])).toBeNull();
    expect(nextVersionNumber([v(1, "APPROVED"), v(3, "SUBMITTED"), v(2, "CHANGES_REQUESTED")])).toBe(4);
    expect(nextVersionNumber([])).toBe(1);
  });

  it("on approval supersedes the previous approved version and older pending ones", () => {
    const r = approvalChanges([v(1, "APPROVED"), v(2, "SUBMITTED"), v(3, "SUBMITTED"), v(4, "CHANGES_REQUESTED"), v(5, "SUBMITTED")], 3);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.changes).toEqual([
      { number: 3, from: "SUBMITTED", to: "APPROVED" },
      { number: 1, from: "APPROVED", to: "SUPERSEDED" },
      { number: 2, from: "SUBMITTED", to: "SUPERSEDED" },
    ]);
  });

  it("refuses to approve what is not awaiting a decision, or something older than the current plan", () => {
    expect(approvalChanges([v(1, "APPROVED")], 1).ok).toBe(false);
    expect(approvalChanges([v(1, "SUBMITTED"), v(2, "APPROVED")], 1)).toEqual({ ok: false, reason: "A newer version (2) is already approved" });
    expect(approvalChanges([v(1, "SUBMITTED")], 7).ok).toBe(false);
  });

  it("says where the plan stands in one line", () => {
    expect(planPhase([], false).label).toBe("No plan yet");
    expect(planPhase([v(1, "APPROVED"), v(2, "SUBMITTED")], false).label).toBe("Version 2 submitted, awaiting review");
    expect(planPhase([v(1, "APPROVED")], true).label).toMatch(/unsubmitted changes/);
    expect(planPhase([v(1, "CHANGES_REQUESTED")], false).tone).toBe("warning");
  });

  it("lists what a draft lacks before it can be submitted, by section", () => {
    const problems = submitProblems(emptyPlanContent());
    expect(Object.keys(problems).sort()).toEqual(["financialTargets", "objectives", "strategy"]);
    const ready = {
      ...emptyPlanContent(),
      strategy: "Grow",
      objectives: [{ id: "o", title: "Win", description: "" }],
      financialTargets: [{ year: 2026, revenue: 1, margin: null }],
    };
    expect(Object.keys(submitProblems(ready))).toEqual(["financialTargets"]);
    expect(submitProblems({ ...ready, financialTargets: [{ year: 2026, revenue: 1, margin: 0 }] })).toEqual({});
  });

  it("names the sections two conflicting drafts disagree on", () => {
    const theirs = { ...emptyPlanContent(), strategy: "A", risks: "R" };
    const mine = { ...emptyPlanContent(), strategy: "B", risks: "R", resources: "Two engineers" };
    expect(conflictingSections(mine, theirs)).toEqual(["strategy", "resources"]);
  });
});

describe("targetsVsActuals", () => {
  it("joins plan targets and recorded actuals per year, with variance", () => {
    const rows = targetsVsActuals({
      planTargets: [
        { year: 2026, revenue: 1000, margin: 200 },
        { year: 2027, revenue: 1200, margin: 260 },
      ],
      recorded: [
        { year: 2025, targetRevenue: 800, targetMargin: 150, actualRevenue: 820, actualMargin: 140 },
        { year: 2026, targetRevenue: null, targetMargin: null, actualRevenue: 900, actualMargin: 210 },
      ],
    });
    expect(rows.map((r) => r.year)).toEqual([2025, 2026, 2027]);
    expect(rows[0]).toMatchObject({ targetRevenue: 800, actualRevenue: 820, revenueVariance: 20, marginVariance: -10 });
    expect(rows[1]).toMatchObject({ targetRevenue: 1000, actualRevenue: 900, revenueVariance: -100, revenueAttainment: 0.9 });
    expect(rows[2]).toMatchObject({ targetRevenue: 1200, actualRevenue: null, revenueVariance: null, revenueAttainment: null });
  });

  it("prefers a target recorded on the year over the plan's", () => {
    const [row] = targetsVsActuals({
      planTargets: [{ year: 2026, revenue: 1000, margin: 200 }],
      recorded: [{ year: 2026, targetRevenue: 1100, targetMargin: null, actualRevenue: null, actualMargin: null }],
    });
    expect(row.targetRevenue).toBe(1100);
    expect(row.targetMargin).toBe(200);
  });
});

describe("commitmentStatus", () => {
  const team = [
    { userId: "a", name: "Ann" },
    { userId: "b", name: "Bob" },
    { userId: "c", name: "Cat" },
    { userId: "a", name: "Ann" },
  ];
  it("shows who has committed and who has not", () => {
    const s = commitmentStatus(team, [{ userId: "b", committedAt: "2026-01-02" }, { userId: "gone", committedAt: "2026-01-01" }]);
    expect(s.total).toBe(3);
    expect(s.committed).toBe(1);
    expect(s.complete).toBe(false);
    expect(s.pending.map((p) => p.name)).toEqual(["Ann", "Cat"]);
    expect(s.members.map((m) => m.userId)).toEqual(["a", "c", "b"]);
  });
  it("is complete when everyone on the team has committed, never for an empty team", () => {
    expect(commitmentStatus(team, ["a", "b", "c"].map((userId) => ({ userId, committedAt: "2026-01-01" }))).complete).toBe(true);
    expect(commitmentStatus([], []).complete).toBe(false);
  });
});
