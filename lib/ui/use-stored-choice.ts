"use client";

import { useCallback, useSyncExternalStore } from "react";

// A choice a person makes about how a page is laid out (not data), kept in this browser's
// localStorage: read after hydration (the server renders `null`), updated in every component that
// reads it, in this tab and others. A browser that refuses storage just forgets.
const listeners = new Set<() => void>();

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function useStoredChoice(key: string): [string | null, (value: string) => void] {
  const value = useSyncExternalStore(subscribe, () => read(key), () => null);
  const set = useCallback(
    (next: string) => {
      try {
        window.localStorage.setItem(key, next);
      } catch {
        // Storage refused (a private window's quota): the choice lasts as long as the address.
      }
      for (const l of listeners) l();
    },
    [key],
  );
  return [value, set];
}
