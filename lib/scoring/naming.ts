// Tier naming schemes as data. Tiers mean appropriate service, not better or worse customers, so
// a company picks the vocabulary that fits its culture; the names are only labels on ranks.

export const NAMING_SCHEME_IDS = ["gold-silver-bronze", "premier-league", "travel-class", "custom"] as const;
export type TNamingSchemeId = (typeof NAMING_SCHEME_IDS)[number];

export type TNamingScheme = {
  id: TNamingSchemeId;
  label: string;
  /** Names of the key tiers from the highest service level down; empty for "custom". */
  keyTierNames: readonly string[];
};

export const NON_KEY_TIER_NAME = "Not a key account";

export const NAMING_SCHEMES: Record<TNamingSchemeId, TNamingScheme> = {
  "gold-silver-bronze": { id: "gold-silver-bronze", label: "Gold / Silver / Bronze", keyTierNames: ["Gold", "Silver", "Bronze"] },
  "premier-league": {
    id: "premier-league",
    label: "Premier League / Division 1 / Division 2",
    keyTierNames: ["Premier League", "Division 1", "Division 2"],
  },
  "travel-class": { id: "travel-class", label: "First / Club / Economy class", keyTierNames: ["First class", "Club class", "Economy class"] },
  custom: { id: "custom", label: "Custom names", keyTierNames: [] },
};

/**
 * Renames the key tiers (by rank, highest first) to a scheme's names. Tiers beyond the scheme's
 * list, the non-key tier and every tier under "custom" keep the names they have, so switching
 * schemes never blanks a name someone typed.
 */
export function applyNamingScheme<T extends { rank: number; isKey: boolean; name: string }>(
  tiers: readonly T[],
  scheme: TNamingSchemeId,
): T[] {
  const names = NAMING_SCHEMES[scheme].keyTierNames;
  const keyOrder = tiers
    .filter((t) => t.isKey)
    .sort((a, b) => a.rank - b.rank)
    .map((t) => t);
  return tiers.map((t) => {
    if (!t.isKey) return t;
    const position = keyOrder.indexOf(t);
    const name = names[position];
    return name ? { ...t, name } : t;
  });
}
