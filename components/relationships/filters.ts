// Filters of the Relationships tab (kept in the URL so a filtered view can be shared).
import type { TMapContact, TMapRelationship, TRelationshipMap } from "@/lib/relationships/view";

export type TMapFilters = { department: string; site: string; seniority: string; member: string; q: string };
export const NO_FILTERS: TMapFilters = { department: "", site: "", seniority: "", member: "", q: "" };
export const FILTER_KEYS = Object.keys(NO_FILTERS) as (keyof TMapFilters)[];

export const isFiltered = (f: TMapFilters) => FILTER_KEYS.some((k) => f[k] !== "");

/** The people and relationships a filter leaves in view. A team-member filter keeps the people that member knows. */
export function applyFilters(map: Pick<TRelationshipMap, "contacts" | "relationships">, f: TMapFilters): { people: TMapContact[]; relationships: TMapRelationship[] } {
  const q = f.q.trim().toLowerCase();
  const knownByMember = f.member ? new Set(map.relationships.filter((r) => r.userId === f.member).map((r) => r.contactId)) : null;
  const people = map.contacts.filter(
    (c) =>
      (!f.department || c.department === f.department) &&
      (!f.site || c.site === f.site) &&
      (!f.seniority || String(c.seniority) === f.seniority) &&
      (!knownByMember || knownByMember.has(c.id)) &&
      (!q || c.name.toLowerCase().includes(q) || c.jobTitle.toLowerCase().includes(q)),
  );
  const visible = new Set(people.map((p) => p.id));
  const relationships = map.relationships.filter((r) => visible.has(r.contactId) && (!f.member || r.userId === f.member));
  return { people, relationships };
}

/** Distinct non-empty values, sorted: the options of a filter. */
export const distinct = (values: Iterable<string>) => [...new Set([...values].filter(Boolean))].sort((a, b) => a.localeCompare(b));
