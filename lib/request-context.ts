import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// The request id of the API request being handled, for code far below the route handler (the
// audit record) that has no request at hand. Only writes run inside it; reads need none.
const store = new AsyncLocalStorage<{ requestId: string }>();

export const runWithRequestId = <T>(requestId: string, fn: () => T): T => store.run({ requestId }, fn);

export const currentRequestId = (): string | null => store.getStore()?.requestId ?? null;
