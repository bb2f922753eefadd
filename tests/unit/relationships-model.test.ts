import { describe, expect, it } from "vitest";
import {
  analyseRelationships,
  coverageMatrix,
  findReportsToCycle,
  levelGap,
  quietDaysFor,
  type MapContact,
  type MapLink,
  type MapRelationship,
  type MapTeamMember,
} from "@/lib/relationships/model";
import type { TRelationshipLevel } from "@/lib/relationships/schema";

// Small hand-made graphs: each test builds just the people and ties its rule needs.
const NOW = new Date("2025-06-30T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 864e5);

function person(id: string, over: Partial<MapContact> = {}): MapContact {
  return {
    id,
    name: id.toUpperCase(),
    jobTitle: "",
    department: "Ops",
    site: "Hamburg",
    seniority: 3,
    reportsToId: null,
    decisionRole: null,
    influence: 3,
    attitude: "NEUTRAL",
    attitudeConfidence: 3,
    ...over,
  };
}
let relSeq = 0;
function rel(userId: string, contactId: string, strength: number, over: Partial<MapRelationship> = {}): MapRelationship {
  return {
    id: `r${++relSeq}`,
    userId,
    contactId,
    strength,
    currentLevel: "CREDIBLE_SOURCE",
    targetLevel: "CREDIBLE_SOURCE",
    lastInteractionAt: daysAgo(5),
    ...over,
  };
}
const team: MapTeamMember[] = [
  { id: "u1", name: "Una" },
  { id: "u2", name: "Ugo" },
  { id: "u3", name: "Uma" },
];
const analyse = (contacts: MapContact[], relationships: MapRelationship[], extra: { links?: MapLink[]; quietAfterDays?: number | null; teamMembers?: MapTeamMember[] } = {}) =>
  analyseRelationships({ contacts, teamMembers: extra.teamMembers ?? team, relationships, links: extra.links, quietAfterDays: extra.quietAfterDays, now: NOW });

describe("who decides", () => {
  it("lists economic decision makers with who covers them, strongest first", () => {
    const a = analyse([person("ceo", { decisionRole: "ECONOMIC_BUYER", influence: 5 }), person("x")], [rel("u1", "ceo", 2), rel("u2", "ceo", 4), rel("u1", "x", 5)]);
    expect(a.decisionMakers).toHaveLength(1);
    expect(a.decisionMakers[0]).toMatchObject({ contactId: "ceo", covered: true });
    expect(a.decisionMakers[0].coveredBy).toEqual([
      { userId: "u2", strength: 4 },
      { userId: "u1", strength: 2 },
    ]);
    expect(a.economicBuyerIdentified).toBe(true);
    expect(a.economicBuyerCovered).toBe(true);
    expect(a.summary.uncoveredDecisionMakers).toBe(0);
  });

  it("counts a decision maker known only weakly (strength ≤ 2) as not covered", () => {
    const a = analyse([person("ceo", { decisionRole: "ECONOMIC_BUYER" }), person("cfo", { decisionRole: "ECONOMIC_BUYER" })], [rel("u1", "ceo", 2)]);
    expect(a.decisionMakers.every((d) => !d.covered)).toBe(true);
    expect(a.economicBuyerCovered).toBe(false);
    expect(a.summary.uncoveredDecisionMakers).toBe(2);
  });

  it("says when no economic decision maker is identified, and when there is no coach", () => {
    const a = analyse([person("a", { decisionRole: "USER" })], [rel("u1", "a", 3)]);
    expect(a.economicBuyerIdentified).toBe(false);
    expect(a.hasCoach).toBe(false);
    const b = analyse([person("a", { decisionRole: "COACH" })], [rel("u1", "a", 4)]);
    expect(b.hasCoach).toBe(true);
    expect(b.coaches[0]).toMatchObject({ contactId: "a", coveredBy: [{ userId: "u1", strength: 4 }] });
  });
});

describe("influential people we do not reach", () => {
  it("lists influence ≥ 4 with nobody (unknown) or a best strength ≤ 2 (weak), unknown first", () => {
    const a = analyse(
      [person("big", { influence: 5 }), person("weak", { influence: 4 }), person("ok", { influence: 5 }), person("small", { influence: 3 })],
      [rel("u1", "weak", 2), rel("u2", "weak", 1), rel("u1", "ok", 3)],
    );
    expect(a.influentialGaps.map((g) => [g.contactId, g.reason, g.maxStrength])).toEqual([
      ["big", "unknown", 0],
      ["weak", "weak", 2],
    ]);
  });

  it("suggests a way in through someone we know well who influences them", () => {
    const a = analyse([person("boss", { influence: 5 }), person("friend"), person("stranger")], [rel("u1", "friend", 4), rel("u1", "stranger", 1)], {
      links: [
        { id: "l1", fromId: "friend", toId: "boss", kind: "INFLUENCES" },
        { id: "l2", fromId: "stranger", toId: "boss", kind: "INFLUENCES" },
        { id: "l3", fromId: "friend", toId: "boss", kind: "TENSION" },
      ],
    });
    expect(a.influentialGaps[0].via).toEqual([{ contactId: "friend", name: "FRIEND" }]);
  });
});

describe("single threads", () => {
  it("finds people reached by exactly one team member", () => {
    const a = analyse([person("one"), person("two"), person("none")], [rel("u1", "one", 4), rel("u1", "two", 3), rel("u2", "two", 3)]);
    expect(a.singleThreadedContacts.map((s) => [s.contactId, s.userId])).toEqual([["one", "u1"]]);
  });

  it("finds departments reached through only one team member, ignoring unreached ones", () => {
    const a = analyse(
      [person("f1", { department: "Finance" }), person("f2", { department: "Finance" }), person("o1", { department: "Ops" }), person("o2", { department: "Ops" }), person("h1", { department: "HR" })],
      [rel("u1", "f1", 3), rel("u1", "f2", 4), rel("u1", "o1", 3), rel("u2", "o2", 3)],
    );
    expect(a.singleThreadedDepartments).toEqual([{ department: "Finance", userId: "u1", contacts: 2 }]);
  });

  it("flags the account single-threaded when a key person hangs on one thread", () => {
    const key = analyse([person("vip", { influence: 5 }), person("x")], [rel("u1", "vip", 5), rel("u2", "x", 3)]);
    expect(key.summary.singleThreaded).toBe(true);
    const fine = analyse([person("vip", { influence: 5 }), person("x")], [rel("u1", "vip", 5), rel("u2", "vip", 3), rel("u2", "x", 3)]);
    expect(fine.summary.singleThreaded).toBe(false);
  });

  it("flags the account single-threaded when one team member holds every relationship", () => {
    const a = analyse([person("a"), person("b")], [rel("u1", "a", 3), rel("u1", "b", 3)]);
    expect(a.summary.singleThreaded).toBe(true);
  });
});

describe("attitude", () => {
  it("lists influential opponents and sceptics, opponents first, with who covers them", () => {
    const a = analyse(
      [
        person("s", { influence: 4, attitude: "SCEPTIC" }),
        person("o", { influence: 4, attitude: "OPPONENT" }),
        person("lowo", { influence: 3, attitude: "OPPONENT" }),
        person("fan", { influence: 5, attitude: "CHAMPION" }),
      ],
      [rel("u3", "o", 2)],
    );
    expect(a.influentialOpponents.map((o) => o.contactId)).toEqual(["o", "s"]);
    expect(a.influentialOpponents[0].coveredBy).toEqual([{ userId: "u3", strength: 2 }]);
  });
});

describe("levels, reach and quiet", () => {
  it("lists relationships below their target level, largest gap first", () => {
    const lv = (c: TRelationshipLevel, t: TRelationshipLevel) => ({ currentLevel: c, targetLevel: t });
    const a = analyse(
      [person("a"), person("b"), person("c")],
      [rel("u1", "a", 3, lv("SUPPLIER_CONTACT", "CREDIBLE_SOURCE")), rel("u1", "b", 3, lv("SUPPLIER_CONTACT", "TRUSTED_ADVISOR")), rel("u1", "c", 3, lv("TRUSTED_ADVISOR", "PROBLEM_SOLVER"))],
    );
    expect(a.levelGaps.map((g) => [g.contactId, g.gap])).toEqual([
      ["b", 3],
      ["a", 1],
    ]);
    expect(levelGap("TRUSTED_ADVISOR", "PROBLEM_SOLVER")).toBe(0);
  });

  it("lists departments and sites with people but no relationship at all", () => {
    const a = analyse(
      [person("a", { department: "Finance", site: "Oslo" }), person("b", { department: "Finance", site: "Bergen" }), person("c", { department: "IT", site: "Oslo" }), person("d", { department: "", site: "" })],
      [rel("u1", "a", 3)],
    );
    expect(a.unreachedDepartments).toEqual([{ department: "IT", contacts: 1 }]);
    expect(a.unreachedSites).toEqual([{ site: "Bergen", contacts: 1 }]);
  });

  it("lists relationships quiet for longer than the threshold, never-contacted first", () => {
    const a = analyse(
      [person("a"), person("b"), person("c"), person("d")],
      [rel("u1", "a", 3, { lastInteractionAt: daysAgo(31) }), rel("u1", "b", 3, { lastInteractionAt: daysAgo(30) }), rel("u1", "c", 3, { lastInteractionAt: null }), rel("u1", "d", 3, { lastInteractionAt: daysAgo(200).toISOString() })],
      { quietAfterDays: 30 },
    );
    expect(a.quietAfterDays).toBe(30);
    expect(a.quietRelationships.map((q) => [q.contactId, q.daysSince])).toEqual([
      ["c", null],
      ["d", 200],
      ["a", 31],
    ]);
  });

  it("uses 90 days when the account has no tier", () => {
    expect(analyse([person("a")], [rel("u1", "a", 3, { lastInteractionAt: daysAgo(89) })], { quietAfterDays: null }).quietRelationships).toEqual([]);
    expect(analyse([person("a")], [rel("u1", "a", 3, { lastInteractionAt: daysAgo(91) })], { quietAfterDays: null }).quietRelationships).toHaveLength(1);
    expect(quietDaysFor(null)).toBe(90);
    expect(quietDaysFor({ contactEveryDays: 30 })).toBe(30);
  });
});

describe("former team members", () => {
  it("ignores relationships held by someone no longer on the team", () => {
    const a = analyse([person("ceo", { decisionRole: "ECONOMIC_BUYER", influence: 5 })], [rel("gone", "ceo", 5)]);
    expect(a.decisionMakers[0].covered).toBe(false);
    expect(a.influentialGaps.map((g) => g.contactId)).toEqual(["ceo"]);
    expect(a.counts.relationships).toBe(0);
  });
});

describe("coverage score", () => {
  it("is null with no people, and explains each part", () => {
    const a = analyse([], []);
    expect(a.coverage.score).toBeNull();
    expect(a.coverage.parts.map((p) => p.key)).toEqual(["influence", "decisionMakers", "multiThreading", "attitude"]);
    expect(a.coverage.parts.every((p) => p.explanation.length > 10)).toBe(true);
  });

  it("is 100 when every decision maker and key person is known well by two people and all are champions", () => {
    const c = [person("ceo", { decisionRole: "ECONOMIC_BUYER", influence: 5, attitude: "CHAMPION" }), person("x", { influence: 4, attitude: "CHAMPION" })];
    const a = analyse(c, [rel("u1", "ceo", 5), rel("u2", "ceo", 4), rel("u1", "x", 3), rel("u3", "x", 3)]);
    expect(a.coverage.score).toBe(100);
    expect(a.summary.coverageScore).toBe(100);
  });

  it("adds up the parts as shown, with weak relationships counting half", () => {
    // Influence 4 known weakly (half) + influence 4 unknown: 2/8 of the influence = 0.25 × 40 = 10.
    // No economic decision maker: 0 of 25. Key people reached: 1, multi-threaded: 0 → 0 of 20.
    // Attitude: neutral (0.5) and champion (1), equal influence → 0.75 × 15 = 11.25 → 11.3.
    const a = analyse([person("a", { influence: 4 }), person("b", { influence: 4, attitude: "CHAMPION" })], [rel("u1", "a", 2)]);
    const points = Object.fromEntries(a.coverage.parts.map((p) => [p.key, p.points]));
    expect(points).toEqual({ influence: 10, decisionMakers: 0, multiThreading: 0, attitude: 11.3 });
    expect(a.coverage.score).toBe(21.3);
    expect(a.coverage.parts.find((p) => p.key === "decisionMakers")!.ratio).toBeNull();
  });

  it("rises when a gap is closed", () => {
    const c = [person("ceo", { decisionRole: "ECONOMIC_BUYER", influence: 5 }), person("x")];
    const before = analyse(c, [rel("u1", "x", 3)]).coverage.score!;
    const after = analyse(c, [rel("u1", "x", 3), rel("u2", "ceo", 4)]).coverage.score!;
    expect(after).toBeGreaterThan(before);
  });
});

describe("one pass at scale", () => {
  // Its speed is measured by `npm run bench:relationships`, not asserted here.
  it("analyses 150 people and 1000 relationships in one pass, counting every one", () => {
    const contacts = Array.from({ length: 150 }, (_, i) => person(`c${i}`, { influence: (i % 5) + 1, department: `D${i % 8}`, reportsToId: i ? `c${Math.floor((i - 1) / 4)}` : null }));
    const members = Array.from({ length: 10 }, (_, i) => ({ id: `m${i}`, name: `M${i}` }));
    const rels = Array.from({ length: 1000 }, (_, i) => rel(`m${i % 10}`, `c${(i * 7) % 150}`, (i % 5) + 1));
    const a = analyseRelationships({ contacts, teamMembers: members, relationships: rels, now: NOW });
    expect(a.counts).toMatchObject({ contacts: 150, relationships: 1000 });
  });
});

describe("findReportsToCycle", () => {
  const line = [
    { id: "a", reportsToId: null },
    { id: "b", reportsToId: "a" },
    { id: "c", reportsToId: "b" },
    { id: "d", reportsToId: null },
  ];
  it("allows a new manager that keeps the line a tree", () => {
    expect(findReportsToCycle(line, "d", "c")).toBeNull();
    expect(findReportsToCycle(line, "c", "a")).toBeNull();
    expect(findReportsToCycle(line, "a", null)).toBeNull();
  });
  it("refuses reporting to oneself", () => {
    expect(findReportsToCycle(line, "b", "b")).toEqual(["b"]);
  });
  it("returns the loop when the top would report to someone below them", () => {
    expect(findReportsToCycle(line, "a", "c")).toEqual(["a", "c", "b"]);
  });
  it("terminates on a loop that already exists elsewhere", () => {
    const broken = [
      { id: "x", reportsToId: "y" },
      { id: "y", reportsToId: "x" },
      { id: "z", reportsToId: null },
    ];
    expect(findReportsToCycle(broken, "z", "x")).toBeNull();
  });
});

describe("coverageMatrix", () => {
  it("puts the most influential uncovered people first and gives each cell its strength", () => {
    const contacts = [person("covered", { influence: 5 }), person("weak", { influence: 2 }), person("gap-low", { influence: 2 }), person("gap-high", { influence: 5 })];
    const m = coverageMatrix({ contacts, teamMembers: team, relationships: [rel("u2", "covered", 4), rel("u2", "weak", 1), rel("u1", "covered", 3)] });
    expect(m.people.map((p) => [p.contactId, p.status])).toEqual([
      ["gap-high", "unknown"],
      ["gap-low", "unknown"],
      ["weak", "weak"],
      ["covered", "covered"],
    ]);
    // Members: most relationships first.
    expect(m.members.map((x) => [x.id, x.relationships])).toEqual([
      ["u2", 2],
      ["u1", 1],
      ["u3", 0],
    ]);
    expect(m.strengths[3]).toEqual([4, 3, null]);
    expect(m.strengths[0]).toEqual([null, null, null]);
  });
});
