"use client";

// Nodes of the interactive map. A person's colour is their attitude, their size their influence;
// a small badge shows their role in the decision and how many of our team reach them.
import { memo } from "react";
import { Handle, Position, useStore, type Node, type NodeProps } from "@xyflow/react";
import { Compass, Crown, ShieldAlert, UserRound } from "lucide-react";
import { ATTITUDE_LABELS, DECISION_ROLE_LABELS, type TDecisionRole } from "@/lib/relationships/schema";
import { INFLUENTIAL } from "@/lib/relationships/model";
import type { TMapContact } from "@/lib/relationships/view";
import { cn } from "@/lib/cn";
import { ATTITUDE_COLORS, initials } from "./palette";

export type PersonNodeData = {
  contact: TMapContact;
  width: number;
  height: number;
  threads: number;
  maxStrength: number;
  selected: boolean;
  onOpen: (id: string) => void;
};
export type TeamNodeData = { name: string; relationships: number; focused: boolean; former: boolean; onFocus: (id: string) => void };
export type LabelNodeData = { text: string };

const hidden = "!h-1 !w-1 !min-h-0 !min-w-0 !border-0 !bg-transparent";
const ROLE_ICON: Partial<Record<TDecisionRole, typeof Crown>> = { ECONOMIC_BUYER: Crown, COACH: Compass, GATEKEEPER: ShieldAlert };

/** Below this zoom the text would be too small to read: show the name large and drop the title. */
const useZoomedOut = () => useStore((s) => s.transform[2] < 0.55);

export const PersonNode = memo(function PersonNode({ id, data }: NodeProps<Node<PersonNodeData>>) {
  const c = data.contact;
  const colors = ATTITUDE_COLORS[c.attitude];
  const zoomedOut = useZoomedOut();
  const RoleIcon = c.decisionRole ? ROLE_ICON[c.decisionRole] : undefined;
  const gap = c.influence >= INFLUENTIAL && data.maxStrength <= 2;
  const label = `${c.name}, ${c.jobTitle || "no title"}. ${ATTITUDE_LABELS[c.attitude]}, influence ${c.influence}${c.decisionRole ? `, ${DECISION_ROLE_LABELS[c.decisionRole]}` : ""}. Reached by ${data.threads} of our team.`;
  return (
    <>
      <Handle type="target" position={Position.Top} id="t" className={hidden} />
      <Handle type="target" position={Position.Left} id="l" className={hidden} />
      <Handle type="source" position={Position.Bottom} id="b" className={hidden} />
      <Handle type="source" position={Position.Bottom} id="bl" className={hidden} style={{ left: 8 }} />
      <Handle type="source" position={Position.Right} id="r" className={hidden} style={{ top: "35%" }} />
      <Handle type="target" position={Position.Right} id="rt" className={hidden} style={{ top: "65%" }} />
      <button
        type="button"
        onClick={() => data.onOpen(id)}
        aria-label={label}
        title={label}
        data-person={c.name}
        // The node wrapper ignores the pointer (nothing is dragged or selected); the button takes it.
        className={cn(
          "nopan pointer-events-auto relative flex h-full w-full cursor-pointer flex-col justify-center rounded-lg border-2 px-2.5 text-left shadow-sm transition-opacity",
          data.selected && "ring-4 ring-brand-500/60",
        )}
        style={{ width: data.width, height: data.height, background: colors.fill, borderColor: colors.border, color: colors.text }}
      >
        <span className={cn("flex min-w-0 items-center gap-1 font-semibold leading-tight", zoomedOut ? "text-[22px]" : c.influence >= 4 ? "text-[13px]" : "text-xs")}>
          {RoleIcon && <RoleIcon aria-hidden className={cn("shrink-0", zoomedOut ? "h-5 w-5" : "h-3.5 w-3.5")} />}
          <span className="truncate">{zoomedOut ? shortName(c.name) : c.name}</span>
        </span>
        {!zoomedOut && <span className="mt-0.5 truncate text-[11px] opacity-80">{c.jobTitle || c.department || "—"}</span>}
        <span
          className={cn(
            "absolute -right-2 -top-2 flex h-5 min-w-5 items-center justify-center rounded-full px-1 text-[10px] font-bold ring-2 ring-white",
            data.threads === 0 ? (gap ? "bg-red-600 text-white" : "bg-slate-300 text-slate-700") : data.threads === 1 ? "bg-amber-400 text-amber-950" : "bg-teal-700 text-white",
          )}
          aria-hidden
        >
          {data.threads}
        </span>
      </button>
    </>
  );
});

const shortName = (name: string) => {
  const parts = name.split(/\s+/);
  return parts.length > 1 ? `${parts[0]} ${parts[parts.length - 1][0]}.` : name;
};

export const TeamNode = memo(function TeamNode({ id, data }: NodeProps<Node<TeamNodeData>>) {
  const zoomedOut = useZoomedOut();
  return (
    <>
      <Handle type="source" position={Position.Right} id="r" className={hidden} />
      <button
        type="button"
        onClick={() => data.onFocus(id)}
        aria-pressed={data.focused}
        aria-label={`${data.name}, our team: ${data.relationships} relationships. ${data.focused ? "Showing their lines." : "Show their lines."}`}
        className={cn(
          "nopan pointer-events-auto flex w-[210px] cursor-pointer items-center gap-2 rounded-full border-2 bg-white py-1.5 pl-1.5 pr-3 text-left shadow-sm transition-opacity",
          data.focused ? "border-teal-600 ring-4 ring-teal-500/30" : "border-teal-200",
          data.former && "border-dashed",
        )}
      >
        <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-teal-700 text-xs font-bold text-white">{data.former ? <UserRound aria-hidden className="h-4 w-4" /> : initials(data.name)}</span>
        <span className="min-w-0">
          <span className={cn("block truncate font-semibold text-slate-900", zoomedOut ? "text-lg" : "text-sm")}>{data.name}</span>
          {!zoomedOut && <span className="block text-[11px] text-slate-500">{data.former ? "Left the team · " : ""}{data.relationships} relationship{data.relationships === 1 ? "" : "s"}</span>}
        </span>
      </button>
    </>
  );
});

export const LabelNode = memo(function LabelNode({ data }: NodeProps<Node<LabelNodeData>>) {
  return <div className="text-xs font-semibold uppercase tracking-wide text-slate-500">{data.text}</div>;
});

export const NODE_TYPES = { person: PersonNode, team: TeamNode, label: LabelNode };
