// Demo plan texts. We (the Keystone user's company) sell operations software and managed
// services to large customers; each demo account gets a plan written in that voice, shaped by
// its industry, and a history of revisions the way a real plan evolves over a year or two.
import type { TPlanContent } from "../../lib/plans/schema";

type Industry = {
  market: string;
  driver: string;
  project: string;
  customerObjectives: string;
  competitor: string;
  buyer: string;
};

const INDUSTRIES: Record<string, Industry> = {
  "Energy & Utilities": {
    market: "European energy markets are being reshaped by the move to renewables, grid congestion and price volatility. Regulators are pushing for network resilience and faster connection of distributed generation.",
    driver: "asset availability and field-crew productivity",
    project: "Rollout of our asset maintenance platform to the transmission division; 40% of substations live.",
    customerObjectives: "Cut unplanned outages by a third by 2028.\nConnect 2 GW of new renewable capacity without adding field headcount.\nMeet the regulator's new resilience reporting standard.",
    competitor: "GridSoft",
    buyer: "Capital projects go through a stage-gate investment board that meets quarterly; operational spend under €500k is decided by the COO's leadership team.",
  },
  Logistics: {
    market: "Freight volumes are recovering slowly after two flat years; margins are squeezed by fuel and driver costs, and shippers demand real-time visibility and lower emissions.",
    driver: "on-time delivery and asset utilisation",
    project: "Warehouse operations suite in three UK hubs; pilot of route optimisation for the north-west fleet.",
    customerObjectives: "Raise on-time-in-full to 97%.\nCut empty running by 15%.\nPublish scope-3 emissions per shipment for their top 50 customers.",
    competitor: "Transflow",
    buyer: "Procurement runs formal tenders above €250k with a 60/40 price/quality weighting; the operations director has strong informal influence on the shortlist.",
  },
  "Food & Beverage": {
    market: "Retailer consolidation keeps price pressure high; input costs are volatile and consumers shift toward private label and healthier ranges.",
    driver: "line efficiency and traceability",
    project: "Production scheduling and traceability at two plants; quality module under evaluation.",
    customerObjectives: "Lift overall equipment effectiveness from 62% to 75%.\nFull batch traceability within four hours for any recall.\nLaunch a plant-based range in 2027.",
    competitor: "FoodTrack Systems",
    buyer: "The group CFO signs off any multi-year agreement; plant managers choose within an approved framework.",
  },
  Pharmaceuticals: {
    market: "Pipeline pressure and patent cliffs push the industry toward operational efficiency; regulators raise the bar on data integrity and serialisation.",
    driver: "batch release time and compliance",
    project: "Validated maintenance system at the fill-finish site; computer system validation for the second site in progress.",
    customerObjectives: "Shorten batch release from 21 to 12 days.\nZero critical findings at the next FDA inspection.\nConsolidate to one global quality system by 2028.",
    competitor: "PharmaOps",
    buyer: "Quality Assurance holds a veto; global procurement runs a preferred-supplier list reviewed every two years.",
  },
  Healthcare: {
    market: "Health systems face record waiting lists, staff shortages and tight capital budgets; digital investment is funded through national programmes with strict value-for-money tests.",
    driver: "equipment uptime and staff time",
    project: "Medical equipment maintenance service across four hospitals; estates module being scoped.",
    customerObjectives: "Cut equipment-related cancellations by half.\nFree 20,000 nursing hours a year from administrative work.\nBalance the budget by 2027.",
    competitor: "MedEquip Services",
    buyer: "Purchases go through a public framework; business cases need sign-off from the finance committee and clinical governance.",
  },
  Aerospace: {
    market: "Aircraft build rates are climbing back to pre-pandemic levels while the supply chain struggles to keep up; quality escapes are costly and highly visible.",
    driver: "first-pass yield and delivery to schedule",
    project: "Shop-floor quality and maintenance on the wing assembly line; second line planned.",
    customerObjectives: "Reach rate 60 on the single-aisle programme.\nHalve non-conformance cost.\nQualify a second source for critical parts.",
    competitor: "AeroMES",
    buyer: "A central supplier-selection committee decides; engineering signs off technical compliance and can delay any award.",
  },
};

const GENERIC: Industry = {
  market: "The market is consolidating; customers expect more digital service for the same money and competitors are investing heavily in automation.",
  driver: "operational efficiency and service quality",
  project: "Core operations platform live at the headquarters site; extension to regional sites under discussion.",
  customerObjectives: "Grow revenue 6% a year while holding headcount flat.\nImprove customer satisfaction scores by ten points.\nModernise core systems by 2028.",
  competitor: "a low-cost regional rival",
  buyer: "Procurement runs a competitive process for anything above €200k; the sponsoring executive chooses between shortlisted suppliers.",
};

export function industryOf(name: string): Industry {
  return INDUSTRIES[name] ?? GENERIC;
}

export type PlanSeedInput = { accountName: string; industry: string; revenue: number; margin: number; startYear: number };

const round = (n: number) => Math.round(n / 10_000) * 10_000;

/** Version 1: the first plan the team wrote for the account. */
export function firstPlan(a: PlanSeedInput): TPlanContent {
  const ind = industryOf(a.industry);
  const growth = [1.06, 1.13, 1.21];
  return {
    keyInformation: {
      global: ind.market,
      corporate: `${a.accountName} is a conservative, engineering-led organisation that values long relationships with few suppliers. Their three-year strategy puts ${ind.driver} at the centre, and the board has asked for measurable savings before new capital is released.`,
      project: ind.project,
    },
    customerObjectives: ind.customerObjectives,
    objectives: [
      { id: "obj-grow", title: `Grow ${a.accountName} to ${Math.round((a.revenue * growth[2]) / 100_000) / 10} M€ revenue`, description: "Expand from the current sites to the whole group, with a multi-year framework agreement.", horizonYear: a.startYear + 2 },
      { id: "obj-partner", title: "Be seen as a partner, not a vendor", description: `Regular executive meetings on ${ind.driver}, with a jointly owned value scorecard.`, horizonYear: a.startYear + 1 },
    ],
    financialTargets: growth.map((g, i) => ({ year: a.startYear + i, revenue: round(a.revenue * g), margin: round(a.margin * g) })),
    strategy: `Land and expand: prove value where we already work, publish the results with the customer, and use them to open the next sites.\n\nWe lead with ${ind.driver}, where our references are strongest, and avoid competing on licence price alone.`,
    opportunities: "Extension of the current contract to the remaining sites.\nAnalytics add-on for the operations team.",
    risks: `${ind.competitor} is pitching a lower-priced offer to procurement.\nOur sponsor may move roles within a year.`,
    howTheyBuy: {
      decisionProcess: ind.buyer,
      purchasingStrategy: "Prefers framework agreements of three to five years with annual price reviews; payment at 60 days.",
    },
    criticalSuccessFactors: "Visible results at the current sites within six months.\nA second executive relationship beyond our sponsor.",
    resources: "Account manager at 50%, a solution architect one day a week, quarterly executive sponsor visits.",
  };
}

/** Version 2: half a year on; results came in and the plan widened. */
export function secondPlan(prev: TPlanContent, a: PlanSeedInput): TPlanContent {
  const ind = industryOf(a.industry);
  return {
    ...prev,
    keyInformation: {
      ...prev.keyInformation,
      project: `${prev.keyInformation.project}\nFirst savings report accepted by the customer: 8% fewer emergency call-outs at the pilot sites.`,
    },
    objectives: [
      ...prev.objectives,
      { id: "obj-renewal", title: "Renew the master agreement for five years", description: "Renewal negotiated early, on value rather than price, with an option for the new business units.", horizonYear: a.startYear + 1 },
    ],
    financialTargets: prev.financialTargets.map((t, i) => (i === 0 ? t : { ...t, revenue: round((t.revenue ?? 0) * 1.04), margin: round((t.margin ?? 0) * 1.02) })),
    strategy: `${prev.strategy}\n\nSince the pilot results, we also co-present a joint roadmap to their leadership twice a year, so that the next investment round is planned with us rather than tendered.`,
    opportunities: `${prev.opportunities}\nTraining academy for their regional teams.`,
    risks: `${ind.competitor} has won a small contract in another division and will use it as a beachhead.\nOur sponsor may move roles within a year.\nBudget freeze possible if the group misses its half-year targets.`,
    criticalSuccessFactors: `${prev.criticalSuccessFactors}\nDelivery quality on the pilot sites stays above 98% SLA.`,
  };
}

/** Version 3: a year on; leadership changed at the customer and the team adjusted. */
export function thirdPlan(prev: TPlanContent, a: PlanSeedInput): TPlanContent {
  return {
    ...prev,
    keyInformation: {
      ...prev.keyInformation,
      corporate: `${prev.keyInformation.corporate}\n\nA new COO joined from a competitor in the spring and is reviewing all operations suppliers; she favours fewer, larger partners.`,
    },
    objectives: prev.objectives.map((o) =>
      o.id === "obj-partner" ? { ...o, title: "Be the COO's partner of choice for operations", description: "Build a direct relationship with the new COO and her transformation office; a jointly owned value scorecard reviewed every quarter." } : o,
    ),
    financialTargets: [
      ...prev.financialTargets,
      { year: a.startYear + prev.financialTargets.length, revenue: round((prev.financialTargets.at(-1)?.revenue ?? a.revenue) * 1.07), margin: round((prev.financialTargets.at(-1)?.margin ?? a.margin) * 1.08) },
    ],
    strategy: `${prev.strategy}\n\nWith the new COO, we position the account as a transformation partnership: one programme, one governance, one scorecard.`,
    opportunities: `${prev.opportunities}\nTransformation office support: two consultants for twelve months.`,
    criticalSuccessFactors: `${prev.criticalSuccessFactors}\nThe COO sees us as part of her plan within her first 100 days.`,
    resources: `${prev.resources}\nA dedicated delivery lead from Q2.`,
  };
}

/** An edit in progress on top of the latest version: what the team is working on now. */
export function draftEdits(prev: TPlanContent): TPlanContent {
  return {
    ...prev,
    risks: `${prev.risks}\nThe customer is piloting an in-house tool at one site; watch adoption.`,
    opportunities: `${prev.opportunities}\nSustainability reporting module (asked for by their CFO).`,
  };
}

/** A pool of realistic short-term actions; each account gets a different handful (see plans.ts). */
export const ACTION_TEMPLATES: { title: string; objective: string | null }[] = [
  { title: "Send the quarterly value scorecard to the sponsor", objective: "obj-partner" },
  { title: "Book the executive review with their COO", objective: "obj-partner" },
  { title: "Prepare the renewal proposal outline", objective: "obj-renewal" },
  { title: "Site visit with the regional operations team", objective: "obj-grow" },
  { title: "Share the pilot case study with procurement", objective: "obj-grow" },
  { title: "Invite their architects to the product roadmap day", objective: null },
  { title: "Competitive briefing on the rival's offer", objective: null },
  { title: "Agree success metrics for the analytics add-on", objective: "obj-grow" },
  { title: "Map the decision makers in the new business unit", objective: "obj-grow" },
  { title: "Draft the joint value story for their board pack", objective: "obj-partner" },
  { title: "Fix the open invoice dispute with accounts payable", objective: null },
  { title: "Introduce our CTO to their head of engineering", objective: "obj-partner" },
  { title: "Send the training academy proposal", objective: "obj-grow" },
  { title: "Collect three customer quotes for the reference case", objective: null },
  { title: "Walk procurement through the framework pricing model", objective: "obj-renewal" },
  { title: "Run the lessons-learned workshop on the ERP integration", objective: null },
  { title: "Confirm the budget owner for next year's extension", objective: "obj-renewal" },
  { title: "Prepare the half-year service review deck", objective: "obj-partner" },
];

/** Where an account's actions fall in time (days from today) and how they ended up. */
export const ACTION_SLOTS: { dueInDays: number; status: "OPEN" | "DONE" | "DROPPED" }[] = [
  { dueInDays: -12, status: "OPEN" },
  { dueInDays: -3, status: "OPEN" },
  { dueInDays: 4, status: "OPEN" },
  { dueInDays: 11, status: "OPEN" },
  { dueInDays: 26, status: "OPEN" },
  { dueInDays: 45, status: "OPEN" },
  { dueInDays: -35, status: "DONE" },
  { dueInDays: -20, status: "DONE" },
  { dueInDays: -28, status: "DROPPED" },
];

export const LIGHT_STORIES: Record<string, { color: "RED" | "AMBER" | "GREEN"; reason: string; daysAgo: number }[]> = {
  relationship: [
    { color: "GREEN", reason: "Monthly meetings with the sponsor; good access to operations", daysAgo: 300 },
    { color: "AMBER", reason: "Sponsor moved to a group role; new COO not met yet", daysAgo: 120 },
    { color: "GREEN", reason: "Two meetings with the new COO; she asked for our roadmap", daysAgo: 25 },
  ],
  delivery: [
    { color: "GREEN", reason: "Pilot sites live on time and on budget", daysAgo: 280 },
    { color: "AMBER", reason: "Integration with their ERP slipped three weeks", daysAgo: 60 },
  ],
  financial: [
    { color: "GREEN", reason: "Revenue ahead of target year to date", daysAgo: 200 },
    { color: "AMBER", reason: "Margin below target after the discount in the renewal", daysAgo: 40 },
  ],
  "strategic-position": [
    { color: "AMBER", reason: "Seen as a point solution, not yet a partner", daysAgo: 250 },
    { color: "GREEN", reason: "Invited into their transformation programme", daysAgo: 30 },
  ],
  "competitive-threat": [
    { color: "GREEN", reason: "No serious competitor in the account", daysAgo: 310 },
    { color: "RED", reason: "Rival won a contract in another division and is pricing aggressively", daysAgo: 90 },
    { color: "AMBER", reason: "Rival's pilot struggling; we are still preferred by operations", daysAgo: 15 },
  ],
};
