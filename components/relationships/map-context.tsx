"use client";

// The map the tab works on, shared by its views: the data, lookups, and how to change it.
// Every change goes to the API and then reloads the whole map (one request), so every view and
// the analysis always show the same, saved state.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { api, ApiError, messageOf } from "@/lib/client/api";
import { changeToast, notice } from "@/lib/client/toast";
import type { TMapContact, TMapTeamMember, TRelationshipMap } from "@/lib/relationships/view";

type Ctx = {
  map: TRelationshipMap;
  accountId: string;
  canEdit: boolean;
  contactById: Map<string, TMapContact>;
  memberById: Map<string, TMapTeamMember>;
  refresh: () => Promise<void>;
  /** Sends a change; toasts the outcome; on success reloads the map. Returns field errors (422) for forms. */
  mutate: <T>(opts: { url: string; method: "POST" | "PATCH" | "DELETE"; body?: unknown; success?: string }) => Promise<{ ok: true; data: T } | { ok: false; fields: Record<string, string>; message: string }>;
  selectPerson: (id: string | null) => void;
  selectedPersonId: string | null;
};

const MapContext = createContext<Ctx | null>(null);

export function useMap(): Ctx {
  const ctx = useContext(MapContext);
  if (!ctx) throw new Error("useMap outside MapProvider");
  return ctx;
}

export function MapProvider({ initial, children, selectedPersonId, selectPerson }: { initial: TRelationshipMap; children: ReactNode; selectedPersonId: string | null; selectPerson: (id: string | null) => void }) {
  const [map, setMap] = useState(initial);
  const accountId = initial.account.id;
  const refresh = useCallback(async () => {
    try {
      setMap(await api<TRelationshipMap>(`/api/accounts/${accountId}/relationship-map`));
    } catch (e) {
      notice("map-reload", messageOf(e, "Could not reload the map"), "error");
    }
  }, [accountId]);

  const mutate = useCallback<Ctx["mutate"]>(
    async ({ url, method, body, success }) => {
      // A change is its method and address: pressed again after a failure, it is the same change.
      const outcome = changeToast(`${method} ${url}`);
      try {
        const data = await api<never>(url, { method, body });
        if (success) outcome.done(success);
        else outcome.clear();
        await refresh();
        return { ok: true, data };
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        if (e.status === 409) {
          // Someone else saved first: show their version rather than overwrite it.
          outcome.failed(`${e.message}. The latest version is now shown; make your change again.`);
          await refresh();
        } else if (e.status !== 422) outcome.failed(e.message);
        // A form shows what is wrong with its fields itself.
        else outcome.clear();
        return { ok: false, fields: e.fields, message: e.message };
      }
    },
    [refresh],
  );

  const value = useMemo<Ctx>(
    () => ({
      map,
      accountId,
      canEdit: map.permissions.canEdit,
      contactById: new Map(map.contacts.map((c) => [c.id, c])),
      memberById: new Map(map.teamMembers.map((m) => [m.id, m])),
      refresh,
      mutate,
      selectPerson,
      selectedPersonId,
    }),
    [map, accountId, refresh, mutate, selectPerson, selectedPersonId],
  );
  return <MapContext.Provider value={value}>{children}</MapContext.Provider>;
}
