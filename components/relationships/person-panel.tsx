"use client";

// Everything about one person, beside the map: who they are, how they stand, who on our team
// knows them and how well, who they influence or pull against, and their former roles.
import { useEffect, useRef, useState } from "react";
import { Pencil, Plus, Trash2 } from "lucide-react";
import { api, messageOf } from "@/lib/client/api";
import { ATTITUDE_LABELS, DECISION_ROLE_LABELS, LEVEL_LABELS, LINK_KINDS, LINK_KIND_LABELS, SENIORITY_LABELS, type TLinkKind } from "@/lib/relationships/schema";
import type { TContactDetail, TMapRelationship } from "@/lib/relationships/view";
import { formatDate } from "@/lib/format";
import { Ago } from "@/components/ui/ago";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { useMap } from "./map-context";
import { SidePanel } from "./sheet";
import { ContactForm } from "./contact-form";
import { RelationshipForm } from "./relationship-form";
import { ATTITUDE_COLORS } from "./palette";
import { confirmAction } from "@/components/ui/confirm";

/** `onRemoved` (after the person is removed) closes the panel and moves the focus on. */
export function PersonPanel({ personId, onClose, onRemoved }: { personId: string | null; onClose: () => void; onRemoved: () => void }) {
  const { contactById } = useMap();
  const contact = personId ? contactById.get(personId) : undefined;
  return (
    <SidePanel open={!!contact} onOpenChange={(o) => !o && onClose()} title={contact?.name ?? ""} description={contact ? [contact.jobTitle, contact.department, contact.site].filter(Boolean).join(" · ") || "No role recorded" : undefined}>
      {contact && <PersonBody key={`${contact.id}:${contact.version}`} personId={contact.id} onRemoved={onRemoved} />}
    </SidePanel>
  );
}

function PersonBody({ personId, onRemoved }: { personId: string; onRemoved: () => void }) {
  const { map, accountId, canEdit, contactById, memberById, mutate, selectPerson } = useMap();
  const [detail, setDetail] = useState<TContactDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [editingRel, setEditingRel] = useState<string | null>(null);
  const [addingRel, setAddingRel] = useState(false);
  const addRelButton = useRef<HTMLButtonElement>(null);
  const c = contactById.get(personId)!;

  useEffect(() => {
    const ctrl = new AbortController();
    api<TContactDetail>(`/api/accounts/${accountId}/contacts/${personId}`, { signal: ctrl.signal })
      .then(setDetail)
      .catch((e) => {
        if ((e as Error).name !== "AbortError") setLoadError(messageOf(e, "Could not load this person"));
      });
    return () => ctrl.abort();
  }, [accountId, personId]);

  const rels = map.relationships.filter((r) => r.contactId === personId).sort((a, b) => b.strength - a.strength);
  const links = map.links.filter((l) => l.fromId === personId || l.toId === personId);
  const manager = c.reportsToId ? contactById.get(c.reportsToId) : undefined;
  const reports = map.contacts.filter((x) => x.reportsToId === personId);

  async function remove() {
    const ok = await confirmAction({
      title: `Remove ${c.name}?`,
      body: `${c.name} leaves this account's map${rels.length ? ` with ${rels.length === 1 ? "their relationship" : `their ${rels.length} relationships`}` : ""}. The audit log keeps a record.`,
      confirmLabel: "Remove person",
      tone: "danger",
    });
    if (!ok) return;
    const res = await mutate({ url: `/api/accounts/${accountId}/contacts/${personId}?version=${c.version}`, method: "DELETE", success: `Removed ${c.name}` });
    if (res.ok) onRemoved();
  }

  if (editing) {
    if (!detail) return <Skeleton className="h-96 w-full" />;
    return <ContactForm contact={detail} onCancel={() => setEditing(false)} onDone={() => setEditing(false)} />;
  }

  return (
    <div className="space-y-6" data-testid="person-panel">
      <div className="flex flex-wrap items-center gap-2">
        <span className="inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium" style={{ background: ATTITUDE_COLORS[c.attitude].fill, borderColor: ATTITUDE_COLORS[c.attitude].border, color: ATTITUDE_COLORS[c.attitude].text }}>
          {ATTITUDE_LABELS[c.attitude]} <span className="opacity-70">· sure {c.attitudeConfidence}/5</span>
        </span>
        <Badge tone="violet">Influence {c.influence}/5</Badge>
        {c.decisionRole && <Badge tone="blue">{DECISION_ROLE_LABELS[c.decisionRole]}</Badge>}
        <Badge tone={rels.length === 0 ? "red" : rels.length === 1 ? "amber" : "green"}>{rels.length === 0 ? "Nobody on our team" : `${rels.length} of our team`}</Badge>
        {canEdit && (
          <Button size="sm" variant="secondary" className="ml-auto" onClick={() => setEditing(true)}>
            <Pencil aria-hidden className="h-3.5 w-3.5" /> Edit details
          </Button>
        )}
      </div>

      <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1.5 text-sm">
        <dt className="text-slate-500">Level</dt>
        <dd>
          {c.seniority} · {SENIORITY_LABELS[c.seniority]}
        </dd>
        <dt className="text-slate-500">Reports to</dt>
        <dd>{manager ? <PersonLink id={manager.id} name={manager.name} onOpen={selectPerson} /> : "Nobody recorded"}</dd>
        {reports.length > 0 && (
          <>
            <dt className="text-slate-500">Their people</dt>
            <dd className="flex flex-wrap gap-x-2">
              {reports.map((r) => (
                <PersonLink key={r.id} id={r.id} name={r.name} onOpen={selectPerson} />
              ))}
            </dd>
          </>
        )}
        {c.email && (
          <>
            <dt className="text-slate-500">Email</dt>
            <dd className="wrap-anywhere">{c.email}</dd>
          </>
        )}
        {c.competitorAffinity && (
          <>
            <dt className="text-slate-500">Close to</dt>
            <dd>{c.competitorAffinity}</dd>
          </>
        )}
        {detail ? (
          <>
            <LongText label="How we know" text={detail.attitudeEvidence} />
            <LongText label="Business result" text={detail.businessWin} />
            <LongText label="Personal win" text={detail.personalWin} />
            <LongText label="Notes" text={detail.notes} />
          </>
        ) : loadError ? (
          <dd className="col-span-2 text-sm text-red-700">{loadError}</dd>
        ) : (
          <dd className="col-span-2">
            <Skeleton className="h-12 w-full" />
          </dd>
        )}
        <dt className="text-slate-500">Updated</dt>
        <dd className="text-slate-600">
          <Ago at={c.updatedAt} />
        </dd>
      </dl>

      <section aria-labelledby="rels-h">
        <div className="mb-2 flex items-center justify-between">
          <h3 id="rels-h" className="text-sm font-semibold text-slate-900">
            Our relationships ({rels.length})
          </h3>
          {canEdit && !addingRel && (
            <Button ref={addRelButton} size="sm" variant="secondary" onClick={() => setAddingRel(true)}>
              <Plus aria-hidden className="h-3.5 w-3.5" /> Add
            </Button>
          )}
        </div>
        {addingRel && (
          <div className="mb-3 rounded-lg border border-slate-200 bg-slate-50 p-3">
            <RelationshipForm presetContactId={personId} onCancel={() => setAddingRel(false)} onDone={() => setAddingRel(false)} />
          </div>
        )}
        {rels.length === 0 && !addingRel && <p className="text-sm text-slate-500">Nobody on our team has a relationship with {c.name} yet.</p>}
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {rels.map((r) =>
            editingRel === r.id ? (
              <li key={r.id} className="bg-slate-50 p-3">
                <p className="mb-2 text-sm font-medium">{memberById.get(r.userId)?.name}</p>
                <RelationshipForm relationship={r} onCancel={() => setEditingRel(null)} onDone={() => setEditingRel(null)} />
              </li>
            ) : (
              <RelationshipRow key={r.id} r={r} onEdit={canEdit ? () => setEditingRel(r.id) : undefined} onRemoved={() => requestAnimationFrame(() => addRelButton.current?.focus())} />
            ),
          )}
        </ul>
      </section>

      <LinksSection personId={personId} links={links} />

      {detail && detail.roleHistory.length > 0 && (
        <section aria-labelledby="history-h">
          <h3 id="history-h" className="mb-2 text-sm font-semibold text-slate-900">
            Former roles
          </h3>
          <ol className="space-y-1 text-sm">
            {detail.roleHistory.map((h) => (
              <li key={h.id} className="flex justify-between gap-3">
                <span>{[h.jobTitle, h.department].filter(Boolean).join(", ") || "—"}</span>
                <span className="shrink-0 text-xs text-slate-500">
                  until {formatDate(h.changedAt)}
                  {h.changedBy ? ` · ${h.changedBy}` : ""}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}

      {canEdit && (
        <div className="border-t border-slate-100 pt-4">
          <Button size="sm" variant="danger" onClick={remove}>
            <Trash2 aria-hidden className="h-3.5 w-3.5" /> Remove {c.name}
          </Button>
        </div>
      )}
    </div>
  );
}

function PersonLink({ id, name, onOpen }: { id: string; name: string; onOpen: (id: string) => void }) {
  return (
    <button type="button" onClick={() => onOpen(id)} className="text-brand-700 hover:underline">
      {name}
    </button>
  );
}

function LongText({ label, text }: { label: string; text: string }) {
  if (!text) return null;
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="whitespace-pre-line">{text}</dd>
    </>
  );
}

/** `onRemoved` moves the focus on: the row and its remove button are gone. */
function RelationshipRow({ r, onEdit, onRemoved }: { r: TMapRelationship; onEdit?: () => void; onRemoved: () => void }) {
  const { memberById, contactById, accountId, mutate } = useMap();
  const name = memberById.get(r.userId)?.name ?? "Former team member";
  const person = contactById.get(r.contactId)?.name ?? "this person";
  return (
    <li className="flex items-center gap-3 px-3 py-2 text-sm">
      <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-teal-700 text-xs font-bold text-white" aria-hidden>
        {r.strength}
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium text-slate-900">
          {name} <span className="font-normal text-slate-500">· strength {r.strength}</span>
        </p>
        <p className="truncate text-xs text-slate-500">
          {LEVEL_LABELS[r.currentLevel]}
          {r.targetLevel !== r.currentLevel && <> → aiming for {LEVEL_LABELS[r.targetLevel]}</>} · {r.lastInteractionAt ? (
            <>
              last talked <Ago at={r.lastInteractionAt} />
            </>
          ) : (
            "no interaction recorded"
          )}
        </p>
      </div>
      {onEdit && (
        <div className="flex shrink-0 gap-1">
          <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Edit ${name}'s relationship`}>
            <Pencil aria-hidden className="h-3.5 w-3.5" />
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Remove ${name}'s relationship`}
            onClick={async () => {
              const ok = await confirmAction({ title: `Remove ${name}'s relationship with ${person}?`, body: `The map no longer shows ${name} as knowing ${person}. The audit log keeps a record.`, confirmLabel: "Remove relationship", tone: "danger" });
              if (!ok) return;
              const res = await mutate({ url: `/api/accounts/${accountId}/relationships/${r.id}?version=${r.version}`, method: "DELETE", success: "Relationship removed" });
              if (res.ok) onRemoved();
            }}
          >
            <Trash2 aria-hidden className="h-3.5 w-3.5" />
          </Button>
        </div>
      )}
    </li>
  );
}

function LinksSection({ personId, links }: { personId: string; links: { id: string; fromId: string; toId: string; kind: TLinkKind; version: number }[] }) {
  const { map, accountId, canEdit, contactById, mutate, selectPerson } = useMap();
  const [kind, setKind] = useState<TLinkKind | "INFLUENCED_BY">("INFLUENCES");
  const [other, setOther] = useState("");
  const [error, setError] = useState<string | null>(null);
  const people = map.contacts.filter((c) => c.id !== personId).sort((a, b) => a.name.localeCompare(b.name));

  async function add(e: React.FormEvent) {
    e.preventDefault();
    if (!other) return;
    setError(null);
    const body = kind === "INFLUENCED_BY" ? { fromId: other, toId: personId, kind: "INFLUENCES" } : { fromId: personId, toId: other, kind };
    const res = await mutate({ url: `/api/accounts/${accountId}/links`, method: "POST", body, success: "Link recorded" });
    if (res.ok) setOther("");
    else setError(Object.values(res.fields)[0] ?? res.message);
  }

  const describe = (l: (typeof links)[number]) => {
    const otherId = l.fromId === personId ? l.toId : l.fromId;
    const verb = l.kind === "TENSION" ? "Tension with" : l.fromId === personId ? "Influences" : "Influenced by";
    return { otherId, verb };
  };

  return (
    <section aria-labelledby="links-h">
      <h3 id="links-h" className="mb-2 text-sm font-semibold text-slate-900">
        Among their people ({links.length})
      </h3>
      {links.length === 0 && <p className="mb-2 text-sm text-slate-500">No influence or tension recorded.</p>}
      <ul className="mb-2 space-y-1 text-sm">
        {links.map((l) => {
          const { otherId, verb } = describe(l);
          return (
            <li key={l.id} className="flex items-center justify-between gap-2">
              <span>
                <span className={l.kind === "TENSION" ? "text-red-700" : "text-blue-700"}>{verb}</span>{" "}
                <PersonLink id={otherId} name={contactById.get(otherId)?.name ?? "?"} onOpen={selectPerson} />
              </span>
              {canEdit && (
                <Button size="sm" variant="ghost" aria-label={`Remove link: ${verb} ${contactById.get(otherId)?.name ?? ""}`} onClick={() => mutate({ url: `/api/accounts/${accountId}/links/${l.id}?version=${l.version}`, method: "DELETE", success: "Link removed" })}>
                  <Trash2 aria-hidden className="h-3.5 w-3.5" />
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {canEdit && (
        <form onSubmit={add} className="flex flex-wrap items-end gap-2" aria-label="Record a link">
          <label className="text-xs text-slate-600">
            <span className="mb-0.5 block">Link</span>
            <Select value={kind} onChange={(e) => setKind(e.target.value as TLinkKind | "INFLUENCED_BY")} className="h-9 w-40 text-sm">
              {LINK_KINDS.map((k) => (
                <option key={k} value={k}>
                  {LINK_KIND_LABELS[k]}
                </option>
              ))}
              <option value="INFLUENCED_BY">Is influenced by</option>
            </Select>
          </label>
          <label className="min-w-40 flex-1 text-xs text-slate-600">
            <span className="mb-0.5 block">Person</span>
            <Select value={other} onChange={(e) => setOther(e.target.value)} className="h-9 text-sm">
              <option value="">Choose…</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </label>
          <Button type="submit" size="sm" variant="secondary" className="h-9" disabled={!other}>
            Add link
          </Button>
          {error && (
            <p role="alert" className="w-full text-xs text-red-700">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
