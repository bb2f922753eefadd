// The toasts the app shows, through one door. Components import these, never sonner's `toast`
// directly ("the toast door" in tests/unit/toast.test.ts fails when one does).
import { toast, type ExternalToast } from "sonner";
import { messageOf } from "@/lib/client/api";

type Options = Pick<ExternalToast, "duration" | "description">;

/**
 * The toast of one change the person makes (a save, a removal, a decision). It has one place on
 * the screen, named by `id`: pressed again after a failure, the outcome replaces the failure's
 * message instead of appearing on top of it, so the screen never says "may not have been saved"
 * and "Saved" at once. Name the change, not the message, and per record where a page has many
 * (`action-status-${action.id}`).
 */
export function changeToast(id: string) {
  return {
    /** The change was made. */
    done: (message: string, options?: Options) => toast.success(message, { ...options, id }),
    /** It was not made (or may not have been), in these words. */
    failed: (message: string, options?: Options) => toast.error(message, { ...options, id }),
    /** It was not made (or may not have been): as the server said, else `fallback`. */
    failedWith: (error: unknown, fallback: string, options?: Options) => toast.error(messageOf(error, fallback), { ...options, id }),
    /** Nothing was done, and nothing went wrong ("Nothing has changed since version 3"). */
    info: (message: string, options?: Options) => toast.info(message, { ...options, id }),
    /** Nothing to say any more (the form shows the problem itself, or the change needs no message). */
    clear: () => toast.dismiss(id),
  };
}

/**
 * Something the person should know that is not the outcome of a change they pressed (the map
 * could not be reloaded, unsaved scores came back from this device). Also one per `id`, so the
 * same notice twice shows once.
 */
export function notice(id: string, message: string, kind: "info" | "error" = "info", options?: Options) {
  return (kind === "error" ? toast.error : toast.info)(message, { ...options, id });
}
