// Demo people and customers. Names are invented; industries and revenues are realistic.
import type { Role, Stage } from "../../lib/generated/prisma/enums";

export const DEMO_PASSWORD = "keystone-demo";

export type DemoUserKey = string;
export const DEMO_USERS: { key: DemoUserKey; email: string; name: string; role: Role; maxKeyAccounts?: number }[] = [
  { key: "admin", email: "admin@keystone.demo", name: "Alex Morgan", role: "ADMIN" },
  { key: "senior", email: "sofia.lindqvist@keystone.demo", name: "Sofia Lindqvist", role: "SENIOR_MANAGER" },
  { key: "marco", email: "marco.rossi@keystone.demo", name: "Marco Rossi", role: "ACCOUNT_MANAGER", maxKeyAccounts: 6 },
  { key: "priya", email: "priya.nair@keystone.demo", name: "Priya Nair", role: "ACCOUNT_MANAGER", maxKeyAccounts: 6 },
  { key: "tom", email: "tom.becker@keystone.demo", name: "Tom Becker", role: "ACCOUNT_MANAGER", maxKeyAccounts: 5 },
  { key: "elena", email: "elena.garcia@keystone.demo", name: "Elena García", role: "ACCOUNT_MANAGER", maxKeyAccounts: 5 },
  { key: "james", email: "james.oconnor@keystone.demo", name: "James O'Connor", role: "ACCOUNT_MANAGER", maxKeyAccounts: 5 },
  { key: "aiko", email: "aiko.tanaka@keystone.demo", name: "Aiko Tanaka", role: "ACCOUNT_MANAGER" },
  { key: "lukas", email: "lukas.novak@keystone.demo", name: "Lukas Novák", role: "ACCOUNT_MANAGER" },
  { key: "fatima", email: "fatima.haddad@keystone.demo", name: "Fatima Haddad", role: "ACCOUNT_MANAGER" },
  { key: "oliver", email: "oliver.smith@keystone.demo", name: "Oliver Smith", role: "ACCOUNT_MANAGER" },
  { key: "chen", email: "chen.wei@keystone.demo", name: "Chen Wei", role: "ACCOUNT_MANAGER" },
  { key: "helen", email: "helen.carter@keystone.demo", name: "Helen Carter", role: "MENTOR" },
  { key: "david", email: "david.okafor@keystone.demo", name: "David Okafor", role: "MENTOR" },
];

/** Key account managers who own the demo accounts (the others are team members). */
export const OWNERS = ["marco", "priya", "tom", "elena", "james"];
export const MENTORS = ["helen", "david"];

const STAGES: Stage[] = ["PRE_SALES", "CONTRACT_NEGOTIATION", "IMPLEMENTATION", "REVIEW", "EXPLOITATION"];

export const DEMO_ACCOUNTS: { name: string; industry: string; region: string; revenue: number }[] = [
  { name: "Nordwind Energy", industry: "Energy & Utilities", region: "DACH", revenue: 8_400_000 },
  { name: "Harbourline Logistics", industry: "Logistics", region: "UK & Ireland", revenue: 5_200_000 },
  { name: "Castellan Foods", industry: "Food & Beverage", region: "Southern Europe", revenue: 3_900_000 },
  { name: "Vireo Pharmaceuticals", industry: "Pharmaceuticals", region: "Nordics", revenue: 12_600_000 },
  { name: "Meridian Health Group", industry: "Healthcare", region: "UK & Ireland", revenue: 7_100_000 },
  { name: "Atlas Aerostructures", industry: "Aerospace", region: "France", revenue: 15_300_000 },
  { name: "Bluefjord Seafood", industry: "Food & Beverage", region: "Nordics", revenue: 1_800_000 },
  { name: "Corvid Telecom", industry: "Telecommunications", region: "Benelux", revenue: 9_800_000 },
  { name: "Helix Biotech", industry: "Pharmaceuticals", region: "DACH", revenue: 2_300_000 },
  { name: "Ironbridge Construction", industry: "Construction", region: "UK & Ireland", revenue: 4_400_000 },
  { name: "Solenne Cosmetics", industry: "Consumer Goods", region: "France", revenue: 2_900_000 },
  { name: "Trans-Alpine Rail", industry: "Transport", region: "DACH", revenue: 11_200_000 },
  { name: "Quercus Paper Mills", industry: "Manufacturing", region: "Nordics", revenue: 3_100_000 },
  { name: "Lumen Retail Group", industry: "Retail", region: "Benelux", revenue: 6_700_000 },
  { name: "Oakhurst Insurance", industry: "Financial Services", region: "UK & Ireland", revenue: 5_900_000 },
  { name: "Pelican Shipping", industry: "Logistics", region: "Southern Europe", revenue: 4_800_000 },
  { name: "Stratos Semiconductors", industry: "Electronics", region: "DACH", revenue: 18_900_000 },
  { name: "Verdant Agritech", industry: "Agriculture", region: "Central Europe", revenue: 1_200_000 },
  { name: "Kestrel Automotive", industry: "Automotive", region: "Central Europe", revenue: 14_100_000 },
  { name: "Aurora Hotels", industry: "Hospitality", region: "Southern Europe", revenue: 2_100_000 },
  { name: "Brightwater Utilities", industry: "Energy & Utilities", region: "UK & Ireland", revenue: 6_300_000 },
  { name: "Cobalt Mining Partners", industry: "Mining", region: "Nordics", revenue: 7_800_000 },
  { name: "Delphine Media", industry: "Media", region: "France", revenue: 1_500_000 },
  { name: "Everest Capital Bank", industry: "Financial Services", region: "DACH", revenue: 10_400_000 },
  { name: "Falcon Defence Systems", industry: "Aerospace", region: "UK & Ireland", revenue: 21_500_000 },
  { name: "Granite Building Materials", industry: "Construction", region: "Central Europe", revenue: 3_600_000 },
  { name: "Horizon Airlines", industry: "Transport", region: "Benelux", revenue: 8_900_000 },
  { name: "Indigo Textiles", industry: "Manufacturing", region: "Southern Europe", revenue: 1_100_000 },
  { name: "Juniper Software", industry: "Technology", region: "Nordics", revenue: 2_700_000 },
  { name: "Kingsway Universities", industry: "Education", region: "UK & Ireland", revenue: 1_900_000 },
  { name: "Lighthouse Medical Devices", industry: "Healthcare", region: "Benelux", revenue: 5_500_000 },
  { name: "Monarch Chemicals", industry: "Chemicals", region: "DACH", revenue: 13_700_000 },
  { name: "Northstar Wind", industry: "Energy & Utilities", region: "Nordics", revenue: 4_100_000 },
  { name: "Orion Data Centres", industry: "Technology", region: "Benelux", revenue: 9_300_000 },
  { name: "Pinnacle Steel", industry: "Manufacturing", region: "Central Europe", revenue: 12_000_000 },
  { name: "Riverside Water", industry: "Energy & Utilities", region: "France", revenue: 3_300_000 },
  { name: "Sapphire Jewellery", industry: "Retail", region: "Southern Europe", revenue: 900_000 },
  { name: "Tidewater Ports", industry: "Logistics", region: "Benelux", revenue: 6_100_000 },
  { name: "Umbra Optics", industry: "Electronics", region: "France", revenue: 2_500_000 },
  { name: "Valemont Wines", industry: "Food & Beverage", region: "France", revenue: 1_300_000 },
  { name: "Westbrook Pharmacies", industry: "Retail", region: "UK & Ireland", revenue: 4_600_000 },
  { name: "Xenon Lighting", industry: "Electronics", region: "Central Europe", revenue: 1_700_000 },
  { name: "Yarrow Organic Dairy", industry: "Food & Beverage", region: "Nordics", revenue: 2_200_000 },
  { name: "Zenith Elevators", industry: "Manufacturing", region: "DACH", revenue: 7_400_000 },
  { name: "Alder & Finch Retail", industry: "Retail", region: "UK & Ireland", revenue: 3_800_000 },
  { name: "Borealis Packaging", industry: "Manufacturing", region: "Nordics", revenue: 2_600_000 },
  { name: "Cerulean Cruises", industry: "Hospitality", region: "Southern Europe", revenue: 5_000_000 },
  { name: "Driftwood Furniture", industry: "Consumer Goods", region: "Central Europe", revenue: 1_400_000 },
];

// Offset by the owner round so every manager has accounts in every stage.
export const stageFor = (i: number): Stage => STAGES[(i + Math.floor(i / OWNERS.length)) % STAGES.length];

/** Why an account moved into a stage, as its manager noted it. */
const STAGE_NOTES: Record<Stage, string> = {
  PRE_SALES: "Account created",
  CONTRACT_NEGOTIATION: "Pilot accepted; framework agreement in negotiation",
  IMPLEMENTATION: "Framework agreement signed",
  REVIEW: "Rollout complete; first-year review with the customer",
  EXPLOITATION: "Renewed for three years; growing into new sites",
};

/**
 * The way an account came to its stage: created in pre-sales when it joined Keystone, then one
 * step at a time, spread between six weeks after joining and a month or so ago.
 */
export function stagePath(index: number, joined: Date, now = Date.now()): { fromStage: Stage | null; toStage: Stage; note: string; changedAt: Date }[] {
  const path = STAGES.slice(0, STAGES.indexOf(stageFor(index)) + 1);
  const first = joined.getTime() + 45 * 86_400_000;
  const last = now - (25 + (index % 5) * 9) * 86_400_000;
  return path.map((stage, i) => ({
    fromStage: i ? path[i - 1] : null,
    toStage: stage,
    note: STAGE_NOTES[stage],
    changedAt: i ? new Date(first + ((last - first) * i) / (path.length - 1)) : joined,
  }));
}
