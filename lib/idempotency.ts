import "server-only";
// A create sent again after its answer was lost must not create twice, and a removal sent again
// must not fail with a 404 for what the first one removed. The browser's API client
// (lib/client/api.ts) sends an `Idempotency-Key` with each POST and DELETE and, when the
// connection broke before an answer came, sends the same key again with the same request. Here
// the first answer is kept for a day under (user, key); the same request with that key gets it
// again, with the header `Idempotent-Replayed: true`, and nothing is done twice.
//
// - Only successful answers are kept: a refused request (4xx) changed nothing, so its key is
//   freed and the request can be made again.
// - The key belongs to one request: the same key with another method, address or body is a 422.
// - While the first is still running, the same key again is a 409 ("still being saved").
//   One left behind by a crash (a minute old and unfinished) is taken as not done.
import { createHash } from "node:crypto";
import { isUniqueViolation, prisma, type Prisma } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { log } from "@/lib/log";

export const IDEMPOTENCY_HEADER = "idempotency-key";
const KEY = /^[A-Za-z0-9_-]{8,100}$/;
const KEEP_MS = 24 * 60 * 60 * 1000;
const ABANDONED_MS = 60 * 1000;

export async function idempotent(opts: { userId: string; key: string; req: Request; path: string; run: () => Promise<Response> }): Promise<Response> {
  const { userId, key, path, run } = opts;
  if (!KEY.test(key)) throw new ValidationError({ [IDEMPOTENCY_HEADER]: "8 to 100 letters, digits, - or _" }, "The Idempotency-Key header is not valid");
  const bodyHash = createHash("sha256").update(await opts.req.clone().text()).digest("hex");
  const where = { userId_key: { userId, key } };

  const seen = await prisma.idempotentRequest.findUnique({ where });
  if (seen) {
    if (seen.path !== path || seen.bodyHash !== bodyHash) {
      throw new ValidationError({ [IDEMPOTENCY_HEADER]: "This key was used for another request" }, "The Idempotency-Key was used for another request");
    }
    if (seen.status !== null) {
      return Response.json(seen.response, { status: seen.status, headers: { "idempotent-replayed": "true" } });
    }
    if (Date.now() - seen.createdAt.getTime() < ABANDONED_MS) throw new ConflictError("This is still being saved: wait a moment and reload");
    await prisma.idempotentRequest.deleteMany({ where: { userId, key, status: null, createdAt: seen.createdAt } });
  }
  try {
    await prisma.idempotentRequest.create({ data: { userId, key, path, bodyHash }, select: { key: true } });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("This is still being saved: wait a moment and reload");
    throw e;
  }
  // Now and then, forget the answers older than a day.
  if (Math.random() < 0.01) await prisma.idempotentRequest.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_MS) } } });

  let res: Response | undefined;
  try {
    res = await run();
  } finally {
    if (res && res.ok) {
      const response = (await res.clone().json().catch(() => null)) as Prisma.InputJsonValue | null;
      // It is done: if keeping the answer fails, the person still gets it.
      await prisma.idempotentRequest
        .update({ where, data: { status: res.status, response: response ?? {} }, select: { key: true } })
        .catch((e: unknown) => log.error("idempotency.keep", { key, error: String(e) }));
    } else {
      await prisma.idempotentRequest.deleteMany({ where: { userId, key, status: null } });
    }
  }
  return res;
}
