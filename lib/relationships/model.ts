// The relationship analysis: pure functions over the account's graph of the customer's people
// (contacts), our team, our relationships with them and the links among them. No I/O.
// `analyseRelationships` walks the graph once: relationships are folded into per-contact,
// per-department and per-site aggregates in one loop, then contacts are read in one loop.
import {
  ATTITUDES,
  RELATIONSHIP_LEVELS,
  type TAttitude,
  type TDecisionRole,
  type TLinkKind,
  type TRelationshipLevel,
} from "./schema";
import { timeOf } from "@/lib/days";

// ---------------------------------------------------------------- the graph

export type MapContact = {
  id: string;
  name: string;
  jobTitle: string;
  department: string;
  site: string;
  seniority: number;
  reportsToId: string | null;
  decisionRole: TDecisionRole | null;
  influence: number;
  attitude: TAttitude;
  attitudeConfidence: number;
};
export type MapTeamMember = { id: string; name: string };
export type MapRelationship = {
  id: string;
  userId: string;
  contactId: string;
  strength: number;
  currentLevel: TRelationshipLevel;
  targetLevel: TRelationshipLevel;
  lastInteractionAt: Date | string | null;
};
export type MapLink = { id: string; fromId: string; toId: string; kind: TLinkKind };

// ---------------------------------------------------------------- thresholds (named, so the UI can explain them)

/** Influence at or above this makes a person "influential". */
export const INFLUENTIAL = 4;
/** A best relationship at or below this strength means the person is known only weakly. */
export const WEAK_MAX = 2;
/** A person is "covered" when someone on our team holds a relationship at least this strong. */
export const COVERED_MIN = WEAK_MAX + 1;
/** Quiet threshold when the account has no tier promising a contact frequency. */
export const DEFAULT_QUIET_DAYS = 90;

/** How much each part weighs in the coverage score (sums to 100). */
export const SCORE_WEIGHTS = { influence: 40, decisionMakers: 25, multiThreading: 20, attitude: 15 } as const;

const DAY = 864e5;
const ATTITUDE_VALUE: Record<TAttitude, number> = { OPPONENT: 0, SCEPTIC: 0.25, NEUTRAL: 0.5, SUPPORTER: 0.75, CHAMPION: 1 };
const levelRank = (l: TRelationshipLevel) => RELATIONSHIP_LEVELS.indexOf(l);
const attitudeRank = (a: TAttitude) => ATTITUDES.indexOf(a);

// ---------------------------------------------------------------- the answer

export type CoverEntry = { userId: string; strength: number };
export type PersonRef = { contactId: string; name: string; influence: number; department: string };

export type ScorePart = {
  key: keyof typeof SCORE_WEIGHTS;
  label: string;
  weight: number;
  /** 0..1, or null when the part could not be measured (then it scores 0). */
  ratio: number | null;
  points: number;
  explanation: string;
};

export type TAnalysis = {
  quietAfterDays: number;
  counts: { contacts: number; teamMembers: number; relationships: number; reachedContacts: number };
  /** Who decides: the economic decision makers and who on our team covers them (strongest first). */
  decisionMakers: (PersonRef & { coveredBy: CoverEntry[]; covered: boolean })[];
  economicBuyerIdentified: boolean;
  /** At least one economic decision maker is known well by someone on our team (strength ≥ 3). */
  economicBuyerCovered: boolean;
  coaches: (PersonRef & { coveredBy: CoverEntry[] })[];
  hasCoach: boolean;
  /** Influential people (influence ≥ 4) nobody on our team knows (maxStrength 0) or knows only weakly (≤ 2). */
  influentialGaps: (PersonRef & { maxStrength: number; reason: "unknown" | "weak"; via: { contactId: string; name: string }[] })[];
  /** People reached by exactly one team member. */
  singleThreadedContacts: (PersonRef & { userId: string; strength: number })[];
  /** Departments we reach, but only through one team member. */
  singleThreadedDepartments: { department: string; userId: string; contacts: number }[];
  /** Influential people who are against us or sceptical. */
  influentialOpponents: (PersonRef & { attitude: TAttitude; coveredBy: CoverEntry[] })[];
  /** Relationships whose current level is below the level we aim for (largest gap, most influential first). */
  levelGaps: { relationshipId: string; contactId: string; userId: string; currentLevel: TRelationshipLevel; targetLevel: TRelationshipLevel; gap: number }[];
  /** Departments and sites with people in them but no relationship at all. */
  unreachedDepartments: { department: string; contacts: number }[];
  unreachedSites: { site: string; contacts: number }[];
  /** Relationships with no interaction for longer than `quietAfterDays` (or none recorded). */
  quietRelationships: { relationshipId: string; contactId: string; userId: string; daysSince: number | null }[];
  coverage: { score: number | null; parts: ScorePart[] };
  /** Cached on the account for the dashboard. */
  summary: { coverageScore: number | null; uncoveredDecisionMakers: number; singleThreaded: boolean };
};

export type AnalyseInput = {
  contacts: readonly MapContact[];
  teamMembers: readonly MapTeamMember[];
  relationships: readonly MapRelationship[];
  links?: readonly MapLink[];
  quietAfterDays?: number | null;
  now?: Date;
};

type ContactAgg = { maxStrength: number; covers: CoverEntry[] };
const byStrength = (a: CoverEntry, b: CoverEntry) => b.strength - a.strength || a.userId.localeCompare(b.userId);
const round1 = (n: number) => Math.round(n * 10) / 10;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Answers every mapping question in one pass. Relationships held by someone who is not (or no
 * longer) on the account team are ignored: they no longer cover anyone.
 */
export function analyseRelationships(input: AnalyseInput): TAnalysis {
  const now = (input.now ?? new Date()).getTime();
  const quietAfterDays = input.quietAfterDays && input.quietAfterDays > 0 ? input.quietAfterDays : DEFAULT_QUIET_DAYS;
  const team = new Set(input.teamMembers.map((m) => m.id));
  const contactById = new Map<string, MapContact>();
  for (const c of input.contacts) contactById.set(c.id, c);

  // ---- one loop over relationships: aggregates per contact, department and site
  // Who influences whom: a way in to an influential person we do not reach.
  const influencedBy = new Map<string, string[]>();
  for (const l of input.links ?? []) {
    if (l.kind !== "INFLUENCES") continue;
    const list = influencedBy.get(l.toId);
    if (list) list.push(l.fromId);
    else influencedBy.set(l.toId, [l.fromId]);
  }

  const perContact = new Map<string, ContactAgg>();
  const deptUsers = new Map<string, Set<string>>();
  const reachedSites = new Set<string>();
  const levelGaps: TAnalysis["levelGaps"] = [];
  const quiet: TAnalysis["quietRelationships"] = [];
  let countedRelationships = 0;
  for (const r of input.relationships) {
    const c = contactById.get(r.contactId);
    if (!c || !team.has(r.userId)) continue;
    countedRelationships++;
    let agg = perContact.get(c.id);
    if (!agg) perContact.set(c.id, (agg = { maxStrength: 0, covers: [] }));
    agg.covers.push({ userId: r.userId, strength: r.strength });
    if (r.strength > agg.maxStrength) agg.maxStrength = r.strength;
    if (c.department) {
      let users = deptUsers.get(c.department);
      if (!users) deptUsers.set(c.department, (users = new Set()));
      users.add(r.userId);
    }
    if (c.site) reachedSites.add(c.site);
    const gap = levelRank(r.targetLevel) - levelRank(r.currentLevel);
    if (gap > 0) levelGaps.push({ relationshipId: r.id, contactId: c.id, userId: r.userId, currentLevel: r.currentLevel, targetLevel: r.targetLevel, gap });
    const last = r.lastInteractionAt === null ? null : timeOf(r.lastInteractionAt);
    const daysSince = last === null ? null : Math.floor((now - last) / DAY);
    if (daysSince === null || daysSince > quietAfterDays) quiet.push({ relationshipId: r.id, contactId: c.id, userId: r.userId, daysSince });
  }

  // People we know well who influence `id` (from the links): a route to someone we do not reach.
  const waysIn = (id: string) => {
    const out: { contactId: string; name: string }[] = [];
    for (const from of influencedBy.get(id) ?? []) {
      const person = contactById.get(from);
      if (person && (perContact.get(from)?.maxStrength ?? 0) >= COVERED_MIN) out.push({ contactId: from, name: person.name });
    }
    return out;
  };

  // ---- one loop over contacts
  const decisionMakers: TAnalysis["decisionMakers"] = [];
  const coaches: TAnalysis["coaches"] = [];
  const influentialGaps: TAnalysis["influentialGaps"] = [];
  const singleContacts: TAnalysis["singleThreadedContacts"] = [];
  const opponents: TAnalysis["influentialOpponents"] = [];
  const deptContacts = new Map<string, number>();
  const siteContacts = new Map<string, number>();
  let influenceTotal = 0;
  let influenceCovered = 0;
  let attitudeWeighted = 0;
  let keyPeopleReached = 0;
  let keyPeopleMultiThreaded = 0;
  let reachedContacts = 0;
  let reachedMultiThreaded = 0;
  let singleKeyPerson = false;
  for (const c of input.contacts) {
    const agg = perContact.get(c.id);
    const covers = agg ? agg.covers.sort(byStrength) : [];
    const maxStrength = agg?.maxStrength ?? 0;
    const ref: PersonRef = { contactId: c.id, name: c.name, influence: c.influence, department: c.department };
    const isKey = c.influence >= INFLUENTIAL || c.decisionRole === "ECONOMIC_BUYER";
    if (c.department) deptContacts.set(c.department, (deptContacts.get(c.department) ?? 0) + 1);
    if (c.site) siteContacts.set(c.site, (siteContacts.get(c.site) ?? 0) + 1);

    influenceTotal += c.influence;
    // Known well counts fully, known weakly counts half, unknown not at all.
    influenceCovered += maxStrength >= COVERED_MIN ? c.influence : maxStrength > 0 ? c.influence / 2 : 0;
    attitudeWeighted += ATTITUDE_VALUE[c.attitude] * c.influence;

    if (covers.length > 0) {
      reachedContacts++;
      if (covers.length > 1) reachedMultiThreaded++;
      if (isKey) {
        keyPeopleReached++;
        if (covers.length > 1) keyPeopleMultiThreaded++;
      }
    }
    if (covers.length === 1) {
      singleContacts.push({ ...ref, userId: covers[0].userId, strength: covers[0].strength });
      if (isKey) singleKeyPerson = true;
    }
    if (c.decisionRole === "ECONOMIC_BUYER") decisionMakers.push({ ...ref, coveredBy: covers, covered: maxStrength >= COVERED_MIN });
    if (c.decisionRole === "COACH") coaches.push({ ...ref, coveredBy: covers });
    if (c.influence >= INFLUENTIAL && maxStrength <= WEAK_MAX) {
      influentialGaps.push({ ...ref, maxStrength, reason: maxStrength === 0 ? "unknown" : "weak", via: waysIn(c.id) });
    }
    if (c.influence >= INFLUENTIAL && (c.attitude === "OPPONENT" || c.attitude === "SCEPTIC")) {
      opponents.push({ ...ref, attitude: c.attitude, coveredBy: covers });
    }
  }

  // ---- departments and sites (a handful each: cheap)
  const singleDepts: TAnalysis["singleThreadedDepartments"] = [];
  for (const [department, users] of deptUsers) {
    if (users.size === 1) singleDepts.push({ department, userId: [...users][0], contacts: deptContacts.get(department) ?? 0 });
  }
  const unreachedDepartments = [...deptContacts].filter(([d]) => !deptUsers.has(d)).map(([department, contacts]) => ({ department, contacts }));
  const unreachedSites = [...siteContacts].filter(([s]) => !reachedSites.has(s)).map(([site, contacts]) => ({ site, contacts }));

  // ---- ordering: what needs attention first
  const byInfluence = (a: PersonRef, b: PersonRef) => b.influence - a.influence || a.name.localeCompare(b.name);
  decisionMakers.sort(byInfluence);
  coaches.sort(byInfluence);
  influentialGaps.sort((a, b) => a.maxStrength - b.maxStrength || byInfluence(a, b));
  singleContacts.sort(byInfluence);
  opponents.sort((a, b) => attitudeRank(a.attitude) - attitudeRank(b.attitude) || byInfluence(a, b));
  singleDepts.sort((a, b) => b.contacts - a.contacts || a.department.localeCompare(b.department));
  unreachedDepartments.sort((a, b) => b.contacts - a.contacts || a.department.localeCompare(b.department));
  unreachedSites.sort((a, b) => b.contacts - a.contacts || a.site.localeCompare(b.site));
  const influenceOf = (id: string) => contactById.get(id)?.influence ?? 0;
  levelGaps.sort((a, b) => b.gap - a.gap || influenceOf(b.contactId) - influenceOf(a.contactId) || a.relationshipId.localeCompare(b.relationshipId));
  quiet.sort((a, b) => (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity) || influenceOf(b.contactId) - influenceOf(a.contactId) || a.relationshipId.localeCompare(b.relationshipId));

  // ---- the coverage score, part by part
  const coveredDMs = decisionMakers.filter((d) => d.covered).length;
  const keyMeasured = keyPeopleReached > 0;
  const parts: ScorePart[] = [];
  const part = (key: ScorePart["key"], label: string, ratio: number | null, explanation: string) => {
    const weight = SCORE_WEIGHTS[key];
    parts.push({ key, label, weight, ratio: ratio === null ? null : round1(ratio * 1000) / 1000, points: round1((ratio ?? 0) * weight), explanation });
  };
  const contactsCount = input.contacts.length;
  part(
    "influence",
    "Influence covered",
    influenceTotal > 0 ? influenceCovered / influenceTotal : null,
    contactsCount === 0
      ? "No people recorded yet."
      : `Share of the customer's influence we reach, each person weighted by influence: known well (strength ≥ ${COVERED_MIN}) counts fully, known weakly counts half.`,
  );
  part(
    "decisionMakers",
    "Decision makers covered",
    decisionMakers.length > 0 ? coveredDMs / decisionMakers.length : null,
    decisionMakers.length === 0
      ? "No economic decision maker identified: this part scores 0 until one is."
      : `${coveredDMs} of ${plural(decisionMakers.length, "economic decision maker")} known well (strength ≥ ${COVERED_MIN}) by someone on our team.`,
  );
  part(
    "multiThreading",
    "Multi-threading",
    keyMeasured ? keyPeopleMultiThreaded / keyPeopleReached : reachedContacts > 0 ? reachedMultiThreaded / reachedContacts : null,
    keyMeasured
      ? `${keyPeopleMultiThreaded} of ${plural(keyPeopleReached, "key person", "key people")} we reach (influence ≥ ${INFLUENTIAL} or decision maker) are reached by two or more of our team.`
      : reachedContacts > 0
        ? `${reachedMultiThreaded} of ${plural(reachedContacts, "person", "people")} we reach are reached by two or more of our team.`
        : "Nobody on our team has a relationship yet.",
  );
  part(
    "attitude",
    "Attitude",
    influenceTotal > 0 ? attitudeWeighted / influenceTotal : null,
    contactsCount === 0
      ? "No people recorded yet."
      : "How the customer's people stand toward us, weighted by influence: opponent 0, sceptic ¼, neutral ½, supporter ¾, champion 1.",
  );
  const score = contactsCount === 0 ? null : round1(parts.reduce((s, p) => s + p.points, 0));

  // One member holding every relationship is single-threading at the level of the whole account.
  const holders = new Set<string>();
  for (const agg of perContact.values()) for (const cv of agg.covers) holders.add(cv.userId);
  const wholeAccountOneThread = countedRelationships > 0 && holders.size === 1;

  return {
    quietAfterDays,
    counts: { contacts: contactsCount, teamMembers: input.teamMembers.length, relationships: countedRelationships, reachedContacts },
    decisionMakers,
    economicBuyerIdentified: decisionMakers.length > 0,
    economicBuyerCovered: coveredDMs > 0,
    coaches,
    hasCoach: coaches.length > 0,
    influentialGaps,
    singleThreadedContacts: singleContacts,
    singleThreadedDepartments: singleDepts,
    influentialOpponents: opponents,
    levelGaps,
    unreachedDepartments,
    unreachedSites,
    quietRelationships: quiet,
    coverage: { score, parts },
    summary: {
      coverageScore: score,
      uncoveredDecisionMakers: decisionMakers.length - coveredDMs,
      singleThreaded: singleKeyPerson || wholeAccountOneThread,
    },
  };
}

// ---------------------------------------------------------------- the formal line

/**
 * Would setting `contactId`'s manager to `newReportsToId` close a loop in the reports-to line?
 * Returns the loop as contact ids (starting with `contactId`), or null when there is none.
 * A pre-existing loop elsewhere in the data never makes this spin: each person is visited once.
 */
export function findReportsToCycle(
  contacts: readonly { id: string; reportsToId: string | null }[],
  contactId: string,
  newReportsToId: string | null,
): string[] | null {
  if (newReportsToId === null) return null;
  if (newReportsToId === contactId) return [contactId];
  const parent = new Map<string, string | null>();
  for (const c of contacts) parent.set(c.id, c.reportsToId);
  parent.set(contactId, newReportsToId);
  const path = [contactId];
  const seen = new Set<string>([contactId]);
  let cur: string | null | undefined = newReportsToId;
  while (cur) {
    if (cur === contactId) return path;
    if (seen.has(cur)) return null;
    seen.add(cur);
    path.push(cur);
    cur = parent.get(cur);
  }
  return null;
}

// ---------------------------------------------------------------- the coverage matrix

export type CoverageStatus = "unknown" | "weak" | "covered";
export type TCoverageMatrix = {
  /** Team members, the most connected first. */
  members: { id: string; name: string; relationships: number }[];
  /** People, sorted so that gaps stand out: uncovered first, then weak, then covered; most influential first in each. */
  people: (PersonRef & { decisionRole: TDecisionRole | null; attitude: TAttitude; maxStrength: number; threads: number; status: CoverageStatus })[];
  /** strengths[personIndex][memberIndex]: the strength of that relationship, or null when there is none. */
  strengths: (number | null)[][];
};

export function coverageStatus(maxStrength: number): CoverageStatus {
  return maxStrength === 0 ? "unknown" : maxStrength <= WEAK_MAX ? "weak" : "covered";
}

const STATUS_ORDER: Record<CoverageStatus, number> = { unknown: 0, weak: 1, covered: 2 };

export function coverageMatrix(input: { contacts: readonly MapContact[]; teamMembers: readonly MapTeamMember[]; relationships: readonly MapRelationship[] }): TCoverageMatrix {
  const memberIndex = new Map<string, number>();
  input.teamMembers.forEach((m, i) => memberIndex.set(m.id, i));
  const memberCounts = new Array<number>(input.teamMembers.length).fill(0);
  const cells = new Map<string, (number | null)[]>();
  for (const r of input.relationships) {
    const mi = memberIndex.get(r.userId);
    if (mi === undefined) continue;
    let row = cells.get(r.contactId);
    if (!row) cells.set(r.contactId, (row = new Array<number | null>(input.teamMembers.length).fill(null)));
    row[mi] = r.strength;
    memberCounts[mi]++;
  }
  const memberOrder = input.teamMembers.map((m, i) => ({ id: m.id, name: m.name, relationships: memberCounts[i], i }));
  memberOrder.sort((a, b) => b.relationships - a.relationships || a.name.localeCompare(b.name));

  const people = input.contacts.map((c) => {
    const row = cells.get(c.id);
    let maxStrength = 0;
    let threads = 0;
    for (const s of row ?? []) {
      if (s === null) continue;
      threads++;
      if (s > maxStrength) maxStrength = s;
    }
    const reordered = memberOrder.map((m) => row?.[m.i] ?? null);
    return {
      person: { contactId: c.id, name: c.name, influence: c.influence, department: c.department, decisionRole: c.decisionRole, attitude: c.attitude, maxStrength, threads, status: coverageStatus(maxStrength) },
      reordered,
    };
  });
  const dmFirst = (r: TDecisionRole | null) => (r === "ECONOMIC_BUYER" ? 0 : 1);
  people.sort(
    (a, b) =>
      STATUS_ORDER[a.person.status] - STATUS_ORDER[b.person.status] ||
      b.person.influence - a.person.influence ||
      dmFirst(a.person.decisionRole) - dmFirst(b.person.decisionRole) ||
      a.person.threads - b.person.threads ||
      a.person.name.localeCompare(b.person.name),
  );
  return {
    members: memberOrder.map(({ id, name, relationships }) => ({ id, name, relationships })),
    people: people.map((p) => p.person),
    strengths: people.map((p) => p.reordered),
  };
}

// ---------------------------------------------------------------- small helpers shared by the UI

/** The level gap of one relationship (0 when at or above target). */
export const levelGap = (current: TRelationshipLevel, target: TRelationshipLevel) => Math.max(0, levelRank(target) - levelRank(current));

/** The quiet threshold of an account: its tier's contact promise, or 90 days without a tier. */
export const quietDaysFor = (tier: { contactEveryDays: number } | null | undefined) =>
  tier && tier.contactEveryDays > 0 ? tier.contactEveryDays : DEFAULT_QUIET_DAYS;
