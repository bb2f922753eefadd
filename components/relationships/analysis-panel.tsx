"use client";

// The analysis beside the map: the questions a team must answer with confidence, each with the
// people behind the answer (click one to open them on the map).
import { Fragment, useState, type ReactElement, type ReactNode } from "react";
import { AlertTriangle, CheckCircle2, ChevronDown, CircleHelp, XCircle } from "lucide-react";
import { ATTITUDE_LABELS, LEVEL_LABELS } from "@/lib/relationships/schema";
import { COVERED_MIN, INFLUENTIAL, WEAK_MAX, type CoverEntry } from "@/lib/relationships/model";
import { cn } from "@/lib/cn";
import { useMap } from "./map-context";
import { splitInTwo } from "@/lib/ui/columns";

const SHOW = 5;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
type Card = { key: string; weight: number; node: ReactNode };
/** A list card, weighed by its rows as first shown: its title, its hint, up to SHOW items and "Show all". */
function listCard<T>(key: string, node: ReactElement<ListProps<T>>): Card {
  const { items, hint } = node.props;
  return { key, weight: 2 + (hint ? 1 : 0) + Math.max(1, Math.min(items.length, SHOW)) + (items.length > SHOW ? 1 : 0), node };
}

export function AnalysisPanel({ layout = "column" }: { layout?: "column" | "grid" }) {
  const { map, memberById, contactById, selectPerson } = useMap();
  const a = map.analysis;
  const who = (id: string) => memberById.get(id)?.name ?? "Someone who left the team";
  // The strongest three by name; the rest as a count (the person's panel lists them all).
  const covers = (list: CoverEntry[]) =>
    list.length ? list.slice(0, 3).map((c) => `${who(c.userId)} (${c.strength})`).join(", ") + (list.length > 3 ? ` and ${list.length - 3} more` : "") : "nobody on our team";
  const person = (id: string, name: string, detail?: ReactNode) => (
    <button type="button" onClick={() => selectPerson(id)} className="block w-full rounded-md px-2 py-1 text-left hover:bg-slate-50">
      <span className="text-sm font-medium text-slate-900">{name}</span>
      {detail && <span className="block text-xs text-slate-500">{detail}</span>}
    </button>
  );

  // With nobody mapped every list is empty: ticks would read as "no gaps", so the lists wait.
  const empty = map.analysis.counts.contacts === 0;
  // Two columns from 768 px, each card staying in its column: the cards, in priority order, are
  // split where the two halves weigh about the same (by their rows as first shown), so "Show all"
  // lengthens a card where it is and a short card never leaves a hole beside a tall one. Stacked
  // (a phone, or beside the map from 1280 px) the order is the priority order.
  const cards: Card[] = empty
    ? [
        { key: "score", weight: 3, node: <CoverageScore /> },
        {
          key: "empty",
          weight: 3,
          node: (
            <section className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm" data-testid="analysis-empty">
              <h2 className="text-sm font-semibold text-slate-900">Nothing to analyse yet</h2>
              <p className="mt-1 text-xs text-slate-500">
                Once the customer&apos;s people and our relationships with them are recorded, this shows who decides and whether we reach them, our coach, influential people we do not reach or who
                are against us, single threads, and relationships gone quiet.
              </p>
            </section>
          ),
        },
      ]
    : [
        { key: "score", weight: 3, node: <CoverageScore /> },
        {
          key: "decides",
          weight: 2 + Math.max(1, a.decisionMakers.length),
          node: (
            <Section title="Who decides" status={!a.economicBuyerIdentified ? "bad" : a.economicBuyerCovered ? "good" : "warn"} summary={!a.economicBuyerIdentified ? "No economic decision maker identified" : `${a.decisionMakers.filter((d) => d.covered).length} of ${a.decisionMakers.length} covered well`}>
              {a.decisionMakers.map((d) => (
                <div key={d.contactId}>{person(d.contactId, d.name, <>Covered by {covers(d.coveredBy)}</>)}</div>
              ))}
              {!a.economicBuyerIdentified && <p className="px-2 text-xs text-slate-500">Mark the person who can say the final yes or no as the economic decision maker.</p>}
            </Section>
          ),
        },
        {
          key: "coach",
          weight: 2 + Math.max(1, a.coaches.length),
          node: (
            <Section title="Coach" status={!a.hasCoach ? "bad" : a.coaches.some((c) => c.coveredBy.length) ? "good" : "warn"} summary={a.hasCoach ? `${a.coaches.length} coach${a.coaches.length > 1 ? "es" : ""}` : "No coach: nobody guides us from inside"}>
              {a.coaches.map((c) => (
                <div key={c.contactId}>{person(c.contactId, c.name, <>Known by {covers(c.coveredBy)}</>)}</div>
              ))}
            </Section>
          ),
        },
        listCard(
          "gaps",
          <ListSection
            title="Influential people we do not reach"
            hint={`Influence ${INFLUENTIAL}+ and nobody on our team knows them, or knows them only weakly (strength ${WEAK_MAX} or less).`}
            items={a.influentialGaps}
            render={(g) =>
              person(
                g.contactId,
                g.name,
                <>
                  Influence {g.influence} · {g.reason === "unknown" ? "nobody knows them" : `best strength ${g.maxStrength}`}
                  {g.via.length > 0 && <> · way in: {g.via.map((v) => v.name).join(", ")}</>}
                </>,
              )
            }
            keyOf={(g) => g.contactId}
          />,
        ),
        listCard(
          "against",
          <ListSection
            title="Influential people against us"
            hint={`Opponents and sceptics with influence ${INFLUENTIAL}+.`}
            items={a.influentialOpponents}
            render={(o) => person(o.contactId, o.name, <>{ATTITUDE_LABELS[o.attitude]} · influence {o.influence} · known by {covers(o.coveredBy)}</>)}
            keyOf={(o) => o.contactId}
          />,
        ),
        listCard(
          "threads",
          <ListSection
            title="Single threads"
            hint="People reached by only one of our team; departments reached through only one of our team."
            items={[...a.singleThreadedDepartments.map((d) => ({ kind: "dept" as const, d })), ...a.singleThreadedContacts.map((c) => ({ kind: "person" as const, c }))]}
            render={(x) =>
              x.kind === "dept" ? (
                <div className="px-2 py-1 text-sm">
                  <span className="font-medium text-slate-900">{x.d.department}</span>
                  <span className="block text-xs text-slate-500">Department ({x.d.contacts} people), only through {who(x.d.userId)}</span>
                </div>
              ) : (
                person(x.c.contactId, x.c.name, <>Influence {x.c.influence} · only {who(x.c.userId)} (strength {x.c.strength})</>)
              )
            }
            keyOf={(x) => (x.kind === "dept" ? `d-${x.d.department}` : x.c.contactId)}
          />,
        ),
        listCard(
          "unreached",
          <ListSection
            title="Departments and sites we do not reach"
            items={[...a.unreachedDepartments.map((d) => ({ label: d.department, what: "Department", n: d.contacts })), ...a.unreachedSites.map((s) => ({ label: s.site, what: "Site", n: s.contacts }))]}
            render={(x) => (
              <div className="px-2 py-1 text-sm">
                <span className="font-medium text-slate-900">{x.label}</span> <span className="text-xs text-slate-500">{x.what} · {x.n} people, no relationship at all</span>
              </div>
            )}
            keyOf={(x) => `${x.what}-${x.label}`}
          />,
        ),
        listCard(
          "levels",
          <ListSection
            title="Below the level we aim for"
            items={a.levelGaps}
            render={(g) => {
              const c = contactById.get(g.contactId);
              return person(g.contactId, `${who(g.userId)} → ${c?.name ?? "?"}`, <>{LEVEL_LABELS[g.currentLevel]}, aiming for {LEVEL_LABELS[g.targetLevel]}</>);
            }}
            keyOf={(g) => g.relationshipId}
          />,
        ),
        listCard(
          "quiet",
          <ListSection
            title="Gone quiet"
            hint={`No interaction for more than ${a.quietAfterDays} days: ${map.account.tierName ? `the contact frequency of the tier “${map.account.tierName}”` : "the default for an account without a tier"}.`}
            items={a.quietRelationships}
            render={(q) => {
              const c = contactById.get(q.contactId);
              return person(q.contactId, `${who(q.userId)} → ${c?.name ?? "?"}`, q.daysSince === null ? "No interaction recorded" : `${q.daysSince} days since the last interaction`);
            }}
            keyOf={(q) => q.relationshipId}
          />,
        ),
      ];
  const split = splitInTwo(cards.map((c) => c.weight));
  return (
    <aside
      aria-label="Analysis"
      className={cn("flex flex-col gap-3 md:flex-row md:items-start", layout === "column" && "xl:flex-col xl:items-stretch")}
      data-testid="analysis"
    >
      {[cards.slice(0, split), cards.slice(split)].map((column, i) => (
        <div key={i} className={cn("flex min-w-0 flex-col gap-3 md:flex-1", layout === "column" && "xl:flex-none")} data-testid="analysis-column">
          {column.map((c) => (
            <Fragment key={c.key}>{c.node}</Fragment>
          ))}
        </div>
      ))}
    </aside>
  );
}

function CoverageScore() {
  const { map } = useMap();
  const { score, parts } = map.analysis.coverage;
  const [open, setOpen] = useState(false);
  const tone = score === null ? "text-slate-500" : score >= 70 ? "text-emerald-600" : score >= 45 ? "text-amber-600" : "text-red-600";
  return (
    <section className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <div className="flex items-end justify-between gap-3">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Coverage score</h2>
          <p className="text-xs text-slate-500">
            {plural(map.analysis.counts.contacts, "person", "people")} · {plural(map.analysis.counts.relationships, "relationship")} · {map.analysis.counts.teamMembers} on our team
          </p>
        </div>
        <p className={cn("text-3xl font-semibold tabular-nums", tone)} data-testid="coverage-score">
          {score === null ? "—" : Math.round(score)}
          <span className="text-sm font-normal text-slate-500">/100</span>
        </p>
      </div>
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} className="mt-2 inline-flex items-center gap-1 text-xs font-medium text-brand-700 hover:underline">
        How it was computed <ChevronDown aria-hidden className={cn("h-3.5 w-3.5 transition-transform", open && "rotate-180")} />
      </button>
      {open && (
        <ul className="mt-2 space-y-2">
          {parts.map((p) => (
            <li key={p.key} className="text-xs">
              <div className="flex items-center justify-between gap-2">
                <span className="font-medium text-slate-800">{p.label}</span>
                <span className="tabular-nums text-slate-600">
                  {p.points} / {p.weight}
                </span>
              </div>
              <div className="mt-1 h-1.5 rounded-full bg-slate-100" aria-hidden>
                <div className="h-1.5 rounded-full bg-brand-500" style={{ width: `${(p.points / p.weight) * 100}%` }} />
              </div>
              <p className="mt-1 text-slate-500">{p.explanation}</p>
            </li>
          ))}
          <li className="text-[11px] text-slate-500">Known well means strength {COVERED_MIN} or more.</li>
        </ul>
      )}
    </section>
  );
}

type Status = "good" | "warn" | "bad";
const STATUS_ICON: Record<Status, ReactNode> = {
  good: <CheckCircle2 aria-label="Good" className="h-4 w-4 text-emerald-600" />,
  warn: <AlertTriangle aria-label="Needs attention" className="h-4 w-4 text-amber-500" />,
  bad: <XCircle aria-label="Gap" className="h-4 w-4 text-red-600" />,
};

function Section({ title, status, summary, children }: { title: string; status: Status; summary: string; children?: ReactNode }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white px-3 py-2.5 shadow-sm">
      <h3 className="flex items-center gap-1.5 px-1 text-sm font-semibold text-slate-900">
        {STATUS_ICON[status]} {title}
      </h3>
      <p className="px-1 text-xs text-slate-500">{summary}</p>
      {children && <div className="mt-1">{children}</div>}
    </section>
  );
}

type ListProps<T> = { title: string; hint?: string; items: T[]; render: (x: T) => ReactNode; keyOf: (x: T) => string };

function ListSection<T>({ title, hint, items, render, keyOf }: ListProps<T>) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, SHOW);
  return (
    <section className="rounded-xl border border-slate-200 bg-white px-3 py-2.5 shadow-sm">
      <h3 className="flex items-center justify-between gap-2 px-1 text-sm font-semibold text-slate-900">
        <span className="flex items-center gap-1.5">
          {STATUS_ICON[items.length ? "warn" : "good"]} {title}
        </span>
        <span className={cn("rounded-full px-2 py-0.5 text-xs tabular-nums", items.length ? "bg-amber-50 text-amber-800" : "bg-emerald-50 text-emerald-700")}>{items.length}</span>
      </h3>
      {hint && (
        <p className="flex gap-1 px-1 text-[11px] leading-snug text-slate-500">
          <CircleHelp aria-hidden className="mt-0.5 h-3 w-3 shrink-0" /> {hint}
        </p>
      )}
      {items.length > 0 && (
        <ul className="mt-1 max-h-72 overflow-y-auto">
          {shown.map((x) => (
            <li key={keyOf(x)}>{render(x)}</li>
          ))}
        </ul>
      )}
      {items.length > SHOW && (
        <button type="button" onClick={() => setAll(!all)} className="mt-1 px-2 text-xs font-medium text-brand-700 hover:underline">
          {all ? "Show fewer" : `Show all ${items.length}`}
        </button>
      )}
    </section>
  );
}
