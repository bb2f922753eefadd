export const EMBEDDED_DIR: string;
export const EMBEDDED_PORT: number;
export function startEmbeddedPostgres(opts?: { database?: string; log?: (m: string) => void; reuseRunning?: boolean }): Promise<{ url: string; stop: () => Promise<void>; reused?: boolean }>;
