"use client";

// The Relationships tab: three views of one map (interactive map, coverage matrix, list), the
// filters they share, the analysis beside them, and the person panel. View, filters and the
// selected person live in the URL, so a view can be bookmarked or shared.
import { useCallback, useMemo, useRef, useState } from "react";
import { useInBrowser } from "@/lib/ui/use-in-browser";
import { usePathname, useSearchParams } from "next/navigation";
import { Tabs } from "radix-ui";
import { Download, Grid3x3, List, Network, Plus, Upload, UserPlus } from "lucide-react";
import type { TRelationshipMap } from "@/lib/relationships/view";
import { Button, buttonClass } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { useStoredChoice } from "@/lib/ui/use-stored-choice";
import { MapProvider, useMap } from "./map-context";
import { applyFilters, FILTER_KEYS, type TMapFilters } from "./filters";
import { FilterBar } from "./filter-bar";
import { AnalysisPanel } from "./analysis-panel";
import { CoverageMatrix } from "./coverage-matrix";
import { PeopleList } from "./people-list";
import { PersonPanel } from "./person-panel";
import { ContactDialog } from "./contact-form";
import { RelationshipDialog } from "./relationship-form";
import { ImportDialog } from "./import-dialog";

import { OrgMap } from "./org-map";

// The map (React Flow) measures the DOM, so it is drawn in the browser only (useInBrowser). It is
// imported statically (not lazily) so its code arrives with the page instead of one round trip later.

const VIEWS = [
  { key: "map", label: "Map", icon: Network },
  { key: "matrix", label: "Coverage matrix", icon: Grid3x3 },
  { key: "list", label: "List", icon: List },
] as const;
type View = (typeof VIEWS)[number]["key"];

function useUrlState() {
  const params = useSearchParams();
  const pathname = usePathname();
  const set = useCallback(
    (patch: Record<string, string | null>) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      const qs = next.toString();
      // history.replaceState keeps Next's router in step without a server round trip.
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [params, pathname],
  );
  const view = (VIEWS.some((v) => v.key === params.get("view")) ? params.get("view") : "map") as View;
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ""])) as TMapFilters;
  // `map=wide`: the map takes the full width and the analysis moves below it. Without it in the
  // address, the map is as this browser last left it (on any account).
  const [storedMap, storeMap] = useStoredChoice(MAP_LAYOUT_KEY);
  const wide = (params.get("map") ?? storedMap) === "wide";
  const setWide = useCallback(
    (w: boolean) => {
      storeMap(w ? "wide" : "beside");
      set({ map: w ? "wide" : null });
    },
    [set, storeMap],
  );
  return { view, filters, person: params.get("person"), wide, setWide, set };
}

const MAP_LAYOUT_KEY = "keystone.relationships.map";

export function RelationshipsWorkspace({ initial }: { initial: TRelationshipMap }) {
  const url = useUrlState();
  const selectPerson = useCallback((id: string | null) => url.set({ person: id }), [url]);
  return (
    <MapProvider initial={initial} selectedPersonId={url.person} selectPerson={selectPerson}>
      <WorkspaceBody view={url.view} filters={url.filters} wide={url.wide} setWide={url.setWide} setUrl={url.set} />
    </MapProvider>
  );
}

function WorkspaceBody({ view, filters, wide, setWide, setUrl }: { view: View; filters: TMapFilters; wide: boolean; setWide: (wide: boolean) => void; setUrl: (p: Record<string, string | null>) => void }) {
  const { map, canEdit, accountId, selectedPersonId, selectPerson } = useMap();
  const [dialog, setDialog] = useState<null | "person" | "relationship" | "import">(null);
  const visible = useMemo(() => applyFilters(map, filters), [map, filters]);
  const empty = map.contacts.length === 0;
  const inBrowser = useInBrowser();
  const fullWidth = view === "list" || (view === "map" && wide);
  const addPersonButton = useRef<HTMLButtonElement>(null);

  // WAI-ARIA tabs (Radix): arrow keys move between the views, Enter or Space opens one (the map
  // takes a moment to draw, so moving does not open it), and the view is a panel named by its tab.
  return (
    <Tabs.Root value={view} onValueChange={(v) => setUrl({ view: v === "map" ? null : v })} activationMode="manual" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Tabs.List aria-label="Relationship views" className="inline-flex rounded-lg border border-slate-200 bg-white p-1 shadow-sm">
          {VIEWS.map((v) => (
            <Tabs.Trigger
              key={v.key}
              value={v.key}
              className={cn("inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium", view === v.key ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-100")}
            >
              <v.icon aria-hidden className="h-4 w-4" /> {v.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <div className="flex flex-wrap items-center gap-2">
          {canEdit && (
            <>
              <Button ref={addPersonButton} size="sm" onClick={() => setDialog("person")}>
                <UserPlus aria-hidden className="h-4 w-4" /> Add person
              </Button>
              <Button size="sm" variant="secondary" onClick={() => setDialog("relationship")} disabled={empty}>
                <Plus aria-hidden className="h-4 w-4" /> Add relationship
              </Button>
              <Button size="sm" variant="secondary" onClick={() => setDialog("import")}>
                <Upload aria-hidden className="h-4 w-4" /> Import CSV
              </Button>
            </>
          )}
          <details className="relative">
            <summary className={buttonClass("secondary", "sm", "cursor-pointer list-none")}>
              <Download aria-hidden className="h-4 w-4" /> Export CSV
            </summary>
            <div className="absolute right-0 z-20 mt-1 w-56 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
              <a className="block rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100" href={`/api/accounts/${accountId}/contacts/export`} download>
                People ({map.contacts.length})
              </a>
              <a className="block rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100" href={`/api/accounts/${accountId}/relationships/export`} download>
                Relationships ({map.relationships.length})
              </a>
            </div>
          </details>
        </div>
      </div>

      {!empty && <FilterBar filters={filters} onChange={(f) => setUrl(f)} shown={visible.people.length} />}

      {/* The list needs the full width for its columns, and a wide map asks for it: there the analysis moves below. */}
      <div className={cn("grid gap-4", !fullWidth && "xl:grid-cols-[minmax(0,1fr)_22rem]")}>
        <Tabs.Content value={view} className="min-w-0" tabIndex={-1}>
          {empty ? (
            <EmptyMap canEdit={canEdit} onAdd={() => setDialog("person")} onImport={() => setDialog("import")} />
          ) : view === "map" ? (
            !inBrowser ? (
              <Skeleton className="h-[690px] w-full rounded-xl" />
            ) : (
              <OrgMap people={visible.people} relationships={visible.relationships} memberFilter={filters.member} wide={wide} onWideChange={setWide} />
            )
          ) : view === "matrix" ? (
            <CoverageMatrix people={visible.people} relationships={visible.relationships} />
          ) : (
            <PeopleList people={visible.people} relationships={visible.relationships} />
          )}
        </Tabs.Content>
        <AnalysisPanel layout={fullWidth ? "grid" : "column"} />
      </div>

      <PersonPanel
        personId={selectedPersonId}
        onClose={() => selectPerson(null)}
        onRemoved={() => {
          // The panel and its button are gone: the keyboard carries on from "Add person".
          selectPerson(null);
          requestAnimationFrame(() => addPersonButton.current?.focus());
        }}
      />
      <ContactDialog open={dialog === "person"} onOpenChange={(o) => setDialog(o ? "person" : null)} />
      <RelationshipDialog open={dialog === "relationship"} onOpenChange={(o) => setDialog(o ? "relationship" : null)} />
      <ImportDialog open={dialog === "import"} onOpenChange={(o) => setDialog(o ? "import" : null)} />
    </Tabs.Root>
  );
}

function EmptyMap({ canEdit, onAdd, onImport }: { canEdit: boolean; onAdd: () => void; onImport: () => void }) {
  return (
    <div className="flex h-[420px] flex-col items-center justify-center rounded-xl border border-dashed border-slate-300 bg-white px-6 text-center">
      <Network aria-hidden className="mb-3 h-10 w-10 text-slate-300" />
      <h2 className="text-sm font-semibold text-slate-900">No one mapped yet</h2>
      <p className="mt-1 max-w-md text-sm text-slate-500">
        Record the customer&apos;s people — who decides, who influences, who is for or against us — and the relationships our team holds with them.
      </p>
      {canEdit && (
        <div className="mt-4 flex gap-2">
          <Button size="sm" onClick={onAdd}>
            <UserPlus aria-hidden className="h-4 w-4" /> Add the first person
          </Button>
          <Button size="sm" variant="secondary" onClick={onImport}>
            <Upload aria-hidden className="h-4 w-4" /> Import from CSV
          </Button>
        </div>
      )}
    </div>
  );
}
