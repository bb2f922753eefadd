// Demo relationship maps. One large account (Atlas Aerostructures: a team of 10, 150 of the
// customer's people, 1000 relationships) so anyone can see the map at the scale the issue names,
// and smaller maps on most other accounts. The data has the gaps a real map has: an influential
// opponent nobody knows, a department and a site we do not reach, single threads, quiet
// relationships, levels below target. Deterministic (ctx.random).
import type { SeedContext } from "../seed";
import type { Attitude, DecisionRole, LinkKind, RelationshipLevel } from "../../lib/generated/prisma/enums";
import { analyseRelationships, quietDaysFor } from "../../lib/relationships/model";

export const LARGE_ACCOUNT = "Atlas Aerostructures";
const LARGE = { people: 150, relationships: 1000, team: 10 };

const FIRST = ["Anna", "Jonas", "Claire", "Mathieu", "Sofia", "Lars", "Ingrid", "Pierre", "Elise", "Tomas", "Hana", "Marek", "Julia", "Felix", "Nadia", "Oskar", "Lea", "Rafael", "Chloé", "Stefan", "Maya", "Henrik", "Irene", "Luca", "Greta", "Pavel", "Alice", "Samir", "Nora", "Victor", "Emma", "Karim", "Lina", "Hugo", "Sara", "Erik", "Paula", "Noah", "Zoe", "Adrian"];
const LAST = ["Keller", "Weber", "Dubois", "Martin", "Lindgren", "Novak", "Moreau", "Schmidt", "Rossi", "Jansen", "Fischer", "Laurent", "Berg", "Kowalski", "Fontaine", "Meyer", "Costa", "Holm", "Girard", "Wagner", "Bianchi", "Nilsson", "Lambert", "Horvat", "Petit", "Brandt", "Ricci", "Olsen", "Mercier", "Vogel"];

type Dept = { name: string; head: string; sites: string[]; weight: number };
const DEPARTMENTS: Dept[] = [
  { name: "Operations", head: "Chief Operating Officer", sites: ["Toulouse", "Hamburg"], weight: 5 },
  { name: "Engineering", head: "VP Engineering", sites: ["Toulouse", "Bristol"], weight: 5 },
  { name: "Procurement", head: "Chief Procurement Officer", sites: ["Toulouse"], weight: 3 },
  { name: "Finance", head: "Chief Financial Officer", sites: ["Toulouse"], weight: 2 },
  { name: "Quality", head: "VP Quality", sites: ["Hamburg", "Toulouse"], weight: 3 },
  { name: "Supply Chain", head: "VP Supply Chain", sites: ["Hamburg", "Getafe"], weight: 4 },
  { name: "IT", head: "Chief Information Officer", sites: ["Bristol"], weight: 2 },
  { name: "Programmes", head: "VP Programmes", sites: ["Toulouse", "Getafe"], weight: 3 },
  { name: "Legal", head: "General Counsel", sites: ["Toulouse"], weight: 1 },
  { name: "Aftermarket", head: "VP Aftermarket Services", sites: ["Montréal"], weight: 1 },
];
/** Nobody on our team reaches these yet: the analysis must find them. */
const UNREACHED_DEPARTMENTS = new Set(["Legal", "Aftermarket"]);
const TITLES: Record<number, string[]> = {
  3: ["Director", "Head of", "Senior Manager"],
  4: ["Manager", "Lead", "Principal"],
  5: ["Specialist", "Engineer", "Analyst", "Planner", "Buyer"],
};
const LEVELS: RelationshipLevel[] = ["SUPPLIER_CONTACT", "CREDIBLE_SOURCE", "PROBLEM_SOLVER", "TRUSTED_ADVISOR"];
const COMPETITORS = ["Aerotek Composites", "Nordic Precision", "Westfield Systems"];

type Person = {
  id: string;
  name: string;
  email: string;
  jobTitle: string;
  department: string;
  site: string;
  seniority: number;
  reportsToId: string | null;
  decisionRole: DecisionRole | null;
  influence: number;
  attitude: Attitude;
  attitudeConfidence: number;
  attitudeEvidence: string;
  competitorAffinity: string;
  businessWin: string;
  personalWin: string;
  notes: string;
};

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

function namer(random: () => number, domain: string) {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const name = `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]}`;
      if (used.has(name)) continue;
      used.add(name);
      const email = `${name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z]+/g, ".")}@${domain}`;
      return { name, email };
    }
  };
}

const pick = <T>(random: () => number, xs: readonly T[]) => xs[Math.floor(random() * xs.length)];

function attitudeFor(random: () => number): Attitude {
  const r = random();
  return r < 0.06 ? "OPPONENT" : r < 0.2 ? "SCEPTIC" : r < 0.55 ? "NEUTRAL" : r < 0.88 ? "SUPPORTER" : "CHAMPION";
}

/** An organisation: a chief executive, department heads, then layers down to operational staff. */
function buildOrg(random: () => number, accountIndex: number, size: number, domain: string, departments: Dept[]): Person[] {
  const nextName = namer(random, domain);
  let seq = 0;
  const id = () => `seed-ct-${accountIndex}-${++seq}`;
  const people: Person[] = [];
  const make = (p: Partial<Person> & { seniority: number; department: string; site: string; jobTitle: string; reportsToId: string | null }): Person => {
    const { name, email } = nextName();
    const base = 6 - p.seniority;
    const influence = Math.max(1, Math.min(5, base + (random() < 0.25 ? 1 : 0) - (random() < 0.25 ? 1 : 0)));
    const person: Person = {
      id: id(),
      name,
      email,
      decisionRole: null,
      influence,
      attitude: attitudeFor(random),
      attitudeConfidence: 1 + Math.floor(random() * 5),
      attitudeEvidence: "",
      competitorAffinity: "",
      businessWin: "",
      personalWin: "",
      notes: "",
      ...p,
    };
    people.push(person);
    return person;
  };
  const ceo = make({ seniority: 1, department: "Executive", site: departments[0].sites[0], jobTitle: "Chief Executive Officer", reportsToId: null, influence: 5, attitude: "NEUTRAL" });
  const heads = departments.map((d) => make({ seniority: d.weight >= 4 ? 1 : 2, department: d.name, site: d.sites[0], jobTitle: d.head, reportsToId: ceo.id }));
  const totalWeight = departments.reduce((s, d) => s + d.weight, 0);
  // Fill each department top-down: directors under the head, managers under directors, staff under managers.
  const remaining = size - people.length;
  departments.forEach((d, di) => {
    const quota = di === departments.length - 1 ? size - people.length : Math.max(2, Math.round((remaining * d.weight) / totalWeight));
    let layer = [heads[di]];
    let made = 0;
    for (let seniority = 3; seniority <= 5 && made < quota; seniority++) {
      const next: Person[] = [];
      // Operational staff take whatever the department's quota leaves, spread over its managers.
      const perBoss = seniority === 5 ? Math.ceil((quota - made) / layer.length) : 2;
      for (const boss of layer) {
        for (let k = 0; k < perBoss && made < quota && people.length < size; k++) {
          const title = pick(random, TITLES[seniority]);
          const jobTitle = seniority === 5 ? `${d.name} ${title}` : `${title} ${d.name}`;
          next.push(make({ seniority, department: d.name, site: pick(random, d.sites), jobTitle, reportsToId: boss.id }));
          made++;
        }
      }
      layer = next.length ? next : layer;
    }
  });
  return people.slice(0, size);
}

/** Decision roles and the stories that make a map worth reading. */
function assignRoles(random: () => number, people: Person[]) {
  const byTitle = (t: string) => people.find((p) => p.jobTitle === t);
  const set = (p: Person | undefined, patch: Partial<Person>) => p && Object.assign(p, patch);
  set(byTitle("Chief Operating Officer"), {
    decisionRole: "ECONOMIC_BUYER",
    influence: 5,
    attitude: "SUPPORTER",
    attitudeConfidence: 4,
    attitudeEvidence: "Backed the pilot extension at the last steering committee",
    businessWin: "Cut line-side stock without missing deliveries",
    personalWin: "Wants the board to see operations as the source of the margin gain",
  });
  set(byTitle("Chief Financial Officer"), { decisionRole: "ECONOMIC_BUYER", influence: 5, attitude: "SCEPTIC", attitudeConfidence: 3, attitudeEvidence: "Questioned the business case twice", businessWin: "Working capital down 10%" });
  set(byTitle("Chief Procurement Officer"), { decisionRole: "GATEKEEPER", influence: 4, attitude: "SCEPTIC", competitorAffinity: COMPETITORS[0], attitudeEvidence: "Ran the last tender; the incumbent is his former employer" });
  set(byTitle("VP Engineering"), { decisionRole: "TECHNICAL_EVALUATOR", influence: 5, attitude: "OPPONENT", attitudeConfidence: 4, competitorAffinity: COMPETITORS[1], attitudeEvidence: "Said in the design review that our materials data is not qualified" });
  set(byTitle("General Counsel"), { decisionRole: "INFLUENCER", influence: 4, attitude: "NEUTRAL" });
  set(byTitle("VP Aftermarket Services"), { influence: 4, attitude: "NEUTRAL" });
  // A coach: a director who likes us and tells us how decisions are really made.
  const coach = people.find((p) => p.seniority === 3 && p.department === "Operations");
  set(coach, { decisionRole: "COACH", attitude: "CHAMPION", attitudeConfidence: 5, influence: 3, personalWin: "Promotion to plant director", notes: "Briefs us before every steering committee" });
  for (const p of people) {
    if (p.decisionRole) continue;
    const r = random();
    if (p.seniority <= 3 && r < 0.3) p.decisionRole = "INFLUENCER";
    else if (p.seniority >= 4 && r < 0.35) p.decisionRole = "USER";
    else if (p.department === "Engineering" && r < 0.5) p.decisionRole = "TECHNICAL_EVALUATOR";
  }
}

type Rel = { userId: string; contactId: string; strength: number; currentLevel: RelationshipLevel; targetLevel: RelationshipLevel; frequencyDays: number | null; lastInteractionAt: Date | null; notes: string };

/** Picks `count` (member, person) pairs, favouring senior people and each member's own departments. */
function buildRelationships(random: () => number, people: Person[], team: string[], count: number, unreached: (p: Person) => boolean): Rel[] {
  const candidates: { userId: string; person: Person; score: number }[] = [];
  const home = new Map(team.map((u, i) => [u, new Set([DEPARTMENTS[i % DEPARTMENTS.length].name, DEPARTMENTS[(i + 3) % DEPARTMENTS.length].name])]));
  for (const person of people) {
    if (unreached(person)) continue;
    for (const [i, userId] of team.entries()) {
      const own = home.get(userId)!.has(person.department) ? 1.2 : 0;
      const lead = i === 0 && person.seniority <= 2 ? 1.5 : 0;
      candidates.push({ userId, person, score: random() * 2 + own + lead + (6 - person.seniority) * 0.25 });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  return candidates.slice(0, count).map(({ userId, person }) => {
    const strength = Math.max(1, Math.min(5, Math.round(1 + random() * 3.4 + (person.seniority >= 4 ? 0.5 : 0))));
    const current = Math.min(3, Math.max(0, strength - 2 + (random() < 0.3 ? -1 : 0)));
    const target = Math.min(3, current + (random() < 0.45 ? 1 + Math.floor(random() * 2) : 0));
    const r = random();
    const last = r < 0.05 ? null : daysAgo(Math.floor(r < 0.8 ? random() * 80 : 90 + random() * 240));
    return {
      userId,
      contactId: person.id,
      strength,
      currentLevel: LEVELS[current],
      targetLevel: LEVELS[target],
      frequencyDays: pick(random, [14, 30, 30, 60, 90, null]),
      lastInteractionAt: last,
      notes: "",
    };
  });
}

function buildLinks(random: () => number, people: Person[], count: number): { fromId: string; toId: string; kind: LinkKind; notes: string }[] {
  const seen = new Set<string>();
  const links: { fromId: string; toId: string; kind: LinkKind; notes: string }[] = [];
  const senior = people.filter((p) => p.seniority <= 3);
  for (let guard = 0; links.length < count && guard < count * 20; guard++) {
    const from = pick(random, people);
    const to = pick(random, senior);
    const kind: LinkKind = random() < 0.72 ? "INFLUENCES" : "TENSION";
    const key = `${from.id}:${to.id}:${kind}`;
    if (from.id === to.id || from.reportsToId === to.id || seen.has(key)) continue;
    // Tension runs between departments; influence crosses them.
    if (kind === "TENSION" && from.department === to.department) continue;
    seen.add(key);
    links.push({ fromId: from.id, toId: to.id, kind, notes: kind === "TENSION" ? `${from.department} and ${to.department} compete for the same budget` : "" });
  }
  return links;
}

export async function seed(ctx: SeedContext) {
  const { prisma, accounts, random, users } = ctx;
  const amIds = Object.values(users).filter((u) => u.role === "ACCOUNT_MANAGER").map((u) => u.id);

  for (const a of accounts) {
    const large = a.name === LARGE_ACCOUNT;
    // A few accounts have no map yet: the empty state is part of the demo too.
    if (!large && (a.index >= 30 || a.index % 6 === 5)) continue;

    let team = [a.ownerId, ...a.teamUserIds.filter((u) => u !== a.ownerId)];
    if (large) {
      const extra = amIds.filter((u) => !team.includes(u)).slice(0, LARGE.team - team.length);
      await prisma.accountTeamMember.createMany({ data: extra.map((userId) => ({ accountId: a.id, userId, role: "MEMBER" as const })), skipDuplicates: true });
      team = [...team, ...extra];
      a.teamUserIds = team;
    }
    const domain = `${a.name.toLowerCase().split(/\s+/)[0].replace(/[^a-z]/g, "")}.example`;
    const size = large ? LARGE.people : 10 + Math.floor(random() * 16);
    const departments = large ? DEPARTMENTS : DEPARTMENTS.slice(0, 3 + Math.floor(random() * 3));
    const people = buildOrg(random, a.index, size, domain, departments);
    assignRoles(random, people);
    const unreached = large
      ? (p: Person) => UNREACHED_DEPARTMENTS.has(p.department) || p.jobTitle === "VP Engineering"
      : (p: Person) => p.seniority >= 5 && random() < 0.3;
    const relCount = large ? LARGE.relationships : Math.round(size * (1.2 + random()));
    const relationships = buildRelationships(random, people, team, relCount, unreached);
    const links = buildLinks(random, people, large ? 40 : Math.floor(size / 4));

    await prisma.contact.createMany({ data: people.map((p) => ({ ...p, reportsToId: null, accountId: a.id })) });
    // Managers after everyone exists (a person's manager may come later in the list).
    for (const p of people) if (p.reportsToId) await prisma.contact.update({ where: { id: p.id }, data: { reportsToId: p.reportsToId } });
    await prisma.relationship.createMany({ data: relationships.map((r) => ({ ...r, accountId: a.id })) });
    await prisma.contactLink.createMany({ data: links.map((l) => ({ ...l, accountId: a.id })) });
    // People change roles faster than org charts: a few carry a former role.
    const movers = people.filter((p) => p.seniority === 3).slice(0, large ? 6 : 1);
    await prisma.contactRoleChange.createMany({
      data: movers.map((p, i) => ({ contactId: p.id, jobTitle: `Manager ${p.department}`, department: i % 2 ? "Programmes" : p.department, changedAt: daysAgo(200 + i * 40), changedById: a.ownerId })),
    });

    // The dashboard reads the cached analysis: compute it the way the service does.
    const tiers = await prisma.account.findUniqueOrThrow({ where: { id: a.id }, select: { overrideTier: { select: { contactEveryDays: true } }, computedTier: { select: { contactEveryDays: true } } } });
    const analysis = analyseRelationships({
      contacts: people,
      teamMembers: team.map((id) => ({ id, name: id })),
      relationships: relationships.map((r, i) => ({ ...r, id: String(i) })),
      links: links.map((l, i) => ({ ...l, id: String(i) })),
      quietAfterDays: quietDaysFor(tiers.overrideTier ?? tiers.computedTier),
    });
    await prisma.account.update({ where: { id: a.id }, data: { coverageScore: analysis.summary.coverageScore, uncoveredDecisionMakers: analysis.summary.uncoveredDecisionMakers, singleThreaded: analysis.summary.singleThreaded } });
  }
}
