/** True when there is no build in `root`/.next, or a source changed after it was made. */
export function buildIsStale(root?: string): boolean;
/** `next start`'s arguments for the production build on `port` (idle connections kept 65 s). */
export function productionStartArgs(port: number | string): string[];
