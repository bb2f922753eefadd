// The shapes the relationship API returns (plain JSON: dates as ISO strings). Types only, so
// client components can import them.
import type { MapContact, MapLink, MapRelationship, TAnalysis } from "./model";
import type { TCsvKind, TRelationshipLevel } from "./schema";
import type { RowError, RowStatus } from "./csv-import";

/** A person as the map needs them; the long texts and role history come with the detail view. */
export type TMapContact = MapContact & { email: string; competitorAffinity: string; version: number; updatedAt: string };

export type TMapRelationship = MapRelationship & {
  currentLevel: TRelationshipLevel;
  targetLevel: TRelationshipLevel;
  frequencyDays: number | null;
  lastInteractionAt: string | null;
  notes: string;
  version: number;
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

/** The answer to a CSV import: the row-by-row preview, and after a commit what was written. */
export type TImportOutcome = {
  kind: TCsvKind;
  mode: "preview" | "commit";
  fileErrors: string[];
  unknownColumns: string[];
  counts: { create: number; update: number; error: number };
  rows: { row: number; status: RowStatus; label: string; errors: RowError[] }[];
  /** Set after a commit. */
  imported: { created: number; updated: number; skipped: number } | null;
};
