import "server-only";
// The selection model's criteria and tiers as the scorecard uses them, kept in this process's
// memory under the stamp PostgreSQL gives them ("SelectionModel"."contentStamp", a new random value
// with every statement that writes ScoringCriterion or Tier, by triggers). The scorecard's statement
// sends its stamp and gets the criteria and tiers back only when the current stamp is another one
// (scorecardJsonSql), so most scorecards read neither. The stamp and the rows are read in one
// statement, so a stamp always names exactly the rows read with it, whoever wrote them and however
// (a model save, a seed, a hand-made change, a restored backup).
import { withShares, type TSelectionModelJson } from "./service";

type Criterion = TSelectionModelJson["criteria"][number];
type Tier = TSelectionModelJson["tiers"][number];
export type ModelParts = { criteria: Criterion[]; tiers: Tier[] };
/** Frozen (every scorecard shares them), though typed as the plain rows the views take. */
export type HeldModelParts = { readonly stamp: string; readonly criteria: (Criterion & { share: number })[]; readonly tiers: Tier[] };

let held: HeldModelParts | null = null;

/** The stamp of the parts this process holds, or "" (no stamp is empty): what the statement sends. */
export function heldStamp(): string {
  return held?.stamp ?? "";
}

/**
 * The criteria (with weight shares) and tiers under `stamp`: the ones just read, which are kept
 * from now on, or without them the ones held, if they are that stamp's (else null: another request
 * replaced them in between, and the caller reads them again).
 */
export function modelParts(stamp: string, read: ModelParts | null): HeldModelParts | null {
  if (!read) return held?.stamp === stamp ? held : null;
  const criteria = withShares(read.criteria);
  for (const c of criteria) Object.freeze(Object.freeze(c).scaleLabels);
  for (const t of read.tiers) Object.freeze(t);
  Object.freeze(criteria);
  Object.freeze(read.tiers);
  held = Object.freeze({ stamp, criteria, tiers: read.tiers });
  return held;
}
