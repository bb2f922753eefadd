import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";

/** For server components: the promise's value, or the not-found page when it fails with NotFoundError. */
export function orNotFound<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
}
