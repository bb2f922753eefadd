// The default selection model a new installation starts with (and the demo seed uses): eight
// criteria that look beyond this year's sales, and Gold/Silver/Bronze plus "not a key account"
// with the service each tier promises. A senior manager is expected to tune it.
import type { TCriterion, TTier } from "./schema";
import { NON_KEY_TIER_NAME } from "./naming";

type TDefaultCriterion = Omit<TCriterion, "id">;
type TDefaultTier = Omit<TTier, "id">;

export const DEFAULT_CRITERIA: TDefaultCriterion[] = [
  {
    name: "Current revenue",
    description: "What the customer buys from us this year, compared with our other customers.",
    weight: 15,
    scaleLabels: ["Under €250k a year", "€250k–1M", "€1M–5M", "€5M–15M", "Over €15M a year"],
    active: true,
    sortOrder: 0,
  },
  {
    name: "Revenue growth potential",
    description: "How much more the customer could buy from us over the next three to five years.",
    weight: 20,
    scaleLabels: ["Shrinking or no room to grow", "Small upside in current lines", "Solid growth in current lines", "New product lines likely", "Could double or more"],
    active: true,
    sortOrder: 1,
  },
  {
    name: "Profitability",
    description: "Margin on the business after the cost of serving it.",
    weight: 15,
    scaleLabels: ["Loss-making", "Below our average margin", "About our average margin", "Above average margin", "Among our most profitable"],
    active: true,
    sortOrder: 2,
  },
  {
    name: "Strategic fit",
    description: "How well the customer's direction matches where we want our business to go.",
    weight: 15,
    scaleLabels: ["Heading away from what we do", "Little overlap", "Fits part of our offering", "Fits our core offering", "Central to our strategy"],
    active: true,
    sortOrder: 3,
  },
  {
    name: "Relationship strength",
    description: "Breadth and depth of our relationships with the people who decide.",
    weight: 10,
    scaleLabels: ["No real contacts", "One contact, operational", "Several contacts, few decision makers", "Good access to decision makers", "Trusted advisor at board level"],
    active: true,
    sortOrder: 4,
  },
  {
    name: "Appetite for partnership",
    description: "Whether the customer wants a close, long-term relationship with a supplier like us.",
    weight: 10,
    scaleLabels: ["Buys on price only", "Transactional, open to talk", "Willing to plan jointly", "Actively seeks partners", "Already treats us as a partner"],
    active: true,
    sortOrder: 5,
  },
  {
    name: "Reference value",
    description: "How much winning and serving this customer helps us win others.",
    weight: 10,
    scaleLabels: ["None or negative", "Known locally", "Known in its industry", "Industry leader", "A name that opens doors everywhere"],
    active: true,
    sortOrder: 6,
  },
  {
    name: "Ease of doing business",
    description: "How easy the customer is to work with: processes, payment, demands on our people.",
    weight: 5,
    scaleLabels: ["Very hard: disputes, late payment", "Demanding", "Average", "Easy", "Very easy: clear, fair, quick"],
    active: true,
    sortOrder: 7,
  },
];

export const DEFAULT_TIERS: TDefaultTier[] = [
  {
    name: "Gold",
    rank: 1,
    minScore: 75,
    isKey: true,
    reviewEveryMonths: 3,
    contactEveryDays: 14,
    executiveSponsor: true,
    dedicatedTeam: true,
    serviceNotes: "Joint annual business plan with the customer; quarterly executive meeting; named service desk.",
    capacity: 8,
  },
  {
    name: "Silver",
    rank: 2,
    minScore: 60,
    isKey: true,
    reviewEveryMonths: 6,
    contactEveryDays: 30,
    executiveSponsor: true,
    dedicatedTeam: false,
    serviceNotes: "Account plan reviewed twice a year; executive sponsor on call for escalations.",
    capacity: 15,
  },
  {
    name: "Bronze",
    rank: 3,
    minScore: 45,
    isKey: true,
    reviewEveryMonths: 12,
    contactEveryDays: 60,
    executiveSponsor: false,
    dedicatedTeam: false,
    serviceNotes: "Account plan kept current by the key account manager; yearly review.",
    capacity: 20,
  },
  {
    name: NON_KEY_TIER_NAME,
    rank: 4,
    minScore: 0,
    isKey: false,
    reviewEveryMonths: 12,
    contactEveryDays: 90,
    executiveSponsor: false,
    dedicatedTeam: false,
    serviceNotes: "Served through the regular sales and service channels.",
    capacity: null,
  },
];
