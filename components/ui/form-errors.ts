"use client";

// Client-side form errors, shown as the server's 422s are: beside their fields (via `Field`),
// with the first field in error taking focus.
import { useEffect, useRef } from "react";

/** The required fields that are missing, as { field: message }; null when none is. */
export function requiredMissing(checks: Record<string, string | false>): Record<string, string> | null {
  const missing = Object.fromEntries(Object.entries(checks).filter((e): e is [string, string] => Boolean(e[1])));
  return Object.keys(missing).length ? missing : null;
}

/**
 * A ref for a form: whenever `errors` changes and names a field, the first control that `Field`
 * marked invalid takes focus (after a client check or a server's 422 alike).
 */
export function useFocusFirstError<T extends HTMLElement = HTMLFormElement>(errors: object) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (Object.keys(errors).length) ref.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [errors]);
  return ref;
}
