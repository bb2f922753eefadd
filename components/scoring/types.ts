// Server data as client components receive it: plain JSON (dates as ISO strings).
import type { TScorecardView } from "@/lib/scoring/scorecard-service";
import type { TSelectionModelView } from "@/lib/scoring/service";

export type Jsonify<T> = T extends Date ? string : T extends (infer U)[] ? Jsonify<U>[] : T extends object ? { [K in keyof T]: Jsonify<T[K]> } : T;

export type TScorecardJson = Jsonify<TScorecardView> & { permissions?: { edit: boolean; override: boolean } };
export type TTierJson = TScorecardJson["tiers"][number];
export type TBreakdownJson = TScorecardJson["breakdown"][number];
export type TSelectionModelJson = Jsonify<TSelectionModelView>;
export type TSnapshotJson = { id: string; createdAt: string; score: number | null; tierId: string | null; tierName: string | null; cause: string; modelVersion: number };

export const CAUSE_LABELS: Record<string, string> = {
  score: "Scores changed",
  model: "Selection model changed",
  override: "Tier override changed",
};
