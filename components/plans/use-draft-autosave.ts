"use client";

// Autosave for the plan draft. The promise to the user is "never lose a word":
// - every keystroke is kept in localStorage at once, so a closed tab or a crash keeps the text;
// - the draft is saved to the server shortly after typing stops, and again on leaving a field;
// - a save that hits someone else's newer draft (409) stops autosaving and hands both texts to
//   the conflict panel; nothing is overwritten silently, in either direction;
// - network or database trouble is retried with backoff while the text stays on the device, and at
//   once when the browser comes back online or the person presses "Try now";
// - a session that ended (401), or an account no longer open to this person (403, 404), stops
//   autosaving and says so; the text stays on the device, and comes back after signing in again.
import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError } from "@/lib/client/api";
import { canonicalPlanJson } from "@/lib/plans/diff";
import type { TPlanContent } from "@/lib/plans/schema";
import type { TDraftView } from "@/lib/plans/view";

export type TSaveState = "saved" | "unsaved" | "saving" | "offline" | "invalid" | "conflict" | "signedOut" | "noAccess";

type Stored = { content: TPlanContent; baseVersion: number; at: string };

const AUTOSAVE_DELAY_MS = 1200;
const storageKey = (accountId: string) => `keystone:plan-draft:${accountId}`;

function readStored(accountId: string): Stored | null {
  try {
    const raw = window.localStorage.getItem(storageKey(accountId));
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

function writeStored(accountId: string, value: Stored | null) {
  try {
    if (value) window.localStorage.setItem(storageKey(accountId), JSON.stringify(value));
    else window.localStorage.removeItem(storageKey(accountId));
  } catch {
    // Storage full or disabled: the server save still runs; nothing else to do here.
  }
}

/** `server` is the draft as the page loaded it (version 0 when none has been saved yet). */
export function useDraftAutosave(opts: { accountId: string; server: TDraftView; enabled: boolean }) {
  const { accountId, enabled, server } = opts;
  const [content, setContentState] = useState<TPlanContent>(server.content);
  const [state, setState] = useState<TSaveState>("saved");
  const [savedAt, setSavedAt] = useState<string | null>(server.version > 0 ? server.savedAt : null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<{ theirs: TDraftView; mine: TPlanContent } | null>(null);
  const [restored, setRestored] = useState(false);

  const contentRef = useRef(content);
  const versionRef = useRef(server.version);
  const savedJsonRef = useRef(canonicalPlanJson(server.content));
  const inflight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryDelay = useRef(2000);
  const stopped = useRef(false);
  const leaveFreely = useRef(false);

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const save = useCallback(async (): Promise<boolean> => {
    if (!enabled || stopped.current) return false;
    clearTimer();
    // A save is on its way; once it lands, save again if the text moved on meanwhile.
    while (inflight.current) await inflight.current;
    if (stopped.current) return false;
    const snapshot = contentRef.current;
    const snapshotJson = canonicalPlanJson(snapshot);
    if (snapshotJson === savedJsonRef.current) {
      setState("saved");
      return true;
    }
    setState("saving");
    const run = (async () => {
      try {
        const res = await api<TDraftView>(`/api/accounts/${accountId}/plan/draft`, {
          method: "PUT",
          body: { content: snapshot, version: versionRef.current },
          // The save state says it, with its own way back (sign in here; the text comes back).
          quietOnSignOut: true,
        });
        versionRef.current = res.version;
        savedJsonRef.current = snapshotJson;
        retryDelay.current = 2000;
        setSavedAt(res.savedAt);
        setFieldErrors({});
        const current = contentRef.current;
        if (canonicalPlanJson(current) === snapshotJson) {
          writeStored(accountId, null);
          setState("saved");
        } else {
          writeStored(accountId, { content: current, baseVersion: res.version, at: new Date().toISOString() });
          setState("unsaved");
          timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
        }
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.status === 409 && e.current) {
          stopped.current = true;
          setConflict({ theirs: e.current as TDraftView, mine: contentRef.current });
          setState("conflict");
        } else if (e instanceof ApiError && e.status === 422) {
          setFieldErrors(e.fields);
          setState("invalid");
        } else if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404)) {
          // Retrying cannot help. The text is on this device: leaving (to sign in) loses nothing,
          // and the page puts it back once it opens again with a session that may save.
          stopped.current = true;
          leaveFreely.current = true;
          setState(e.status === 401 ? "signedOut" : "noAccess");
        } else {
          setState("offline");
          timer.current = setTimeout(() => void save(), retryDelay.current);
          retryDelay.current = Math.min(retryDelay.current * 2, 30_000);
        }
        return false;
      }
    })();
    inflight.current = run;
    try {
      return await run;
    } finally {
      if (inflight.current === run) inflight.current = null;
    }
  }, [accountId, enabled]);

  const setContent = useCallback(
    (next: TPlanContent | ((prev: TPlanContent) => TPlanContent)) => {
      const value = typeof next === "function" ? next(contentRef.current) : next;
      contentRef.current = value;
      setContentState(value);
      if (!enabled) return;
      writeStored(accountId, { content: value, baseVersion: versionRef.current, at: new Date().toISOString() });
      if (stopped.current) return;
      setState((s) => (s === "saving" ? s : "unsaved"));
      clearTimer();
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [accountId, enabled, save],
  );

  // On opening: text this device kept but never got saved wins back its place, or, if someone
  // saved a newer draft meanwhile, goes to the conflict panel next to theirs.
  useEffect(() => {
    if (!enabled) return;
    const stored = readStored(accountId);
    if (!stored) return;
    const storedJson = canonicalPlanJson(stored.content);
    if (storedJson === savedJsonRef.current) {
      writeStored(accountId, null);
      return;
    }
    if (stored.baseVersion === versionRef.current) {
      contentRef.current = stored.content;
      setContentState(stored.content);
      setRestored(true);
      setState("unsaved");
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    } else {
      stopped.current = true;
      setConflict({ theirs: server, mine: stored.content });
      setState("conflict");
    }
    // Runs once on mount: `server` is the draft as the page loaded it.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // Leaving the page with unsaved text: try to save, and ask the browser to confirm.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!leaveFreely.current && canonicalPlanJson(contentRef.current) !== savedJsonRef.current) {
        void save();
        e.preventDefault();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      clearTimer();
      // Leaving for another page of the app: send what is pending (it is in localStorage too).
      if (canonicalPlanJson(contentRef.current) !== savedJsonRef.current) void save();
    };
  }, [save]);

  // Signed out: coming back to this tab (perhaps after signing in in another) tries once more.
  useEffect(() => {
    if (state !== "signedOut") return;
    const retry = () => {
      stopped.current = false;
      leaveFreely.current = false;
      void save();
    };
    window.addEventListener("focus", retry);
    return () => window.removeEventListener("focus", retry);
  }, [state, save]);

  /** "Try now" after network or server trouble: forget the backoff and save at once. */
  const retryNow = useCallback(() => {
    retryDelay.current = 2000;
    return save();
  }, [save]);

  // Network trouble: the moment the browser is back online, save at once rather than waiting out
  // the backoff (which may have grown to 30 s while the connection was down).
  useEffect(() => {
    if (state !== "offline") return;
    const retry = () => void retryNow();
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [state, retryNow]);

  /** Resolves a conflict: `merged` becomes the draft, saved on top of their version. */
  const resolveConflict = useCallback(
    (merged: TPlanContent) => {
      if (!conflict) return;
      versionRef.current = conflict.theirs.version;
      savedJsonRef.current = canonicalPlanJson(conflict.theirs.content);
      stopped.current = false;
      setConflict(null);
      contentRef.current = merged;
      setContentState(merged);
      writeStored(accountId, { content: merged, baseVersion: conflict.theirs.version, at: new Date().toISOString() });
      void save();
    },
    [accountId, conflict, save],
  );

  /** Saves now if needed and reports the draft version the server holds (for submitting). */
  const flush = useCallback(async (): Promise<number | null> => {
    const ok = await save();
    return ok && canonicalPlanJson(contentRef.current) === savedJsonRef.current ? versionRef.current : null;
  }, [save]);

  return { content, setContent, state, savedAt, fieldErrors, conflict, resolveConflict, save, retryNow, flush, restored, dismissRestored: () => setRestored(false) };
}
