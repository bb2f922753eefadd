/** True when there is no build in `root`/.next, or a source changed after it was made. */
export function buildIsStale(root?: string): boolean;
