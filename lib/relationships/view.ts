// The shapes the relationship API returns (plain JSON: dates as ISO strings). Types only, so
// client components can import them.
import type { MapContact, MapLink, MapRelationship, TAnalysis } from "./model";
import type { TRelationshipLevel } from "./schema";

/** A person as the map needs them; the long texts and role history come with the detail view. */
export type TMapContact = MapContact & { email: string; competitorAffinity: string; version: number; updatedAt: string };

export type TMapRelationship = MapRelationship & {
  currentLevel: TRelationshipLevel;
  targetLevel: TRelationshipLevel;
  frequencyDays: number | null;
  lastInteractionAt: string | null;
  notes: string;
  version: number;
  updatedAt: string;
};

export type TMapLink = MapLink & { notes: string; version: number };

export type TMapTeamMember = {
  id: string;
  name: string;
  email: string;
  /** LEAD, MEMBER or EXECUTIVE_SPONSOR; FORMER for someone who left the team but still holds relationships. */
  teamRole: "LEAD" | "MEMBER" | "EXECUTIVE_SPONSOR" | "FORMER";
  onTeam: boolean;
};

export type TRelationshipMap = {
  account: { id: string; name: string; tierName: string | null; archived: boolean };
  permissions: { canEdit: boolean };
  contacts: TMapContact[];
  teamMembers: TMapTeamMember[];
  relationships: TMapRelationship[];
  links: TMapLink[];
  analysis: TAnalysis;
};

export type TContactDetail = TMapContact & {
  attitudeEvidence: string;
  businessWin: string;
  personalWin: string;
  notes: string;
  createdAt: string;
  roleHistory: { id: string; jobTitle: string; department: string; changedAt: string; changedBy: string | null }[];
};
