// Lifecycle stages in order, with the words users see. Safe for client components.
export const STAGES = ["PRE_SALES", "CONTRACT_NEGOTIATION", "IMPLEMENTATION", "REVIEW", "EXPLOITATION"] as const;
export type StageName = (typeof STAGES)[number];
export const STAGE_LABELS: Record<StageName, string> = {
  PRE_SALES: "Pre-sales",
  CONTRACT_NEGOTIATION: "Contract negotiation",
  IMPLEMENTATION: "Implementation / delivery",
  REVIEW: "Review",
  EXPLOITATION: "Exploitation",
};

export const TEAM_ROLES = ["LEAD", "MEMBER", "EXECUTIVE_SPONSOR"] as const;
export type TeamRoleName = (typeof TEAM_ROLES)[number];
export const TEAM_ROLE_LABELS: Record<TeamRoleName, string> = {
  LEAD: "Lead",
  MEMBER: "Member",
  EXECUTIVE_SPONSOR: "Executive sponsor",
};

export const ROLE_LABELS: Record<string, string> = {
  ADMIN: "Administrator",
  SENIOR_MANAGER: "Senior manager",
  ACCOUNT_MANAGER: "Account manager",
  MENTOR: "Mentor",
};
