// Traffic light colours, shared by the interactive panel and the print view (no client code).
import { cn } from "@/lib/cn";
import type { TLightColor } from "@/lib/plans/schema";

export const LIGHT_STYLE: Record<TLightColor, { dot: string; text: string; label: string; ring: string }> = {
  RED: { dot: "bg-red-500", text: "text-red-700", label: "Red", ring: "ring-red-300" },
  AMBER: { dot: "bg-amber-400", text: "text-amber-700", label: "Amber", ring: "ring-amber-300" },
  GREEN: { dot: "bg-emerald-500", text: "text-emerald-700", label: "Green", ring: "ring-emerald-300" },
};

export function LightDot({ color, size = "md" }: { color: TLightColor | null; size?: "sm" | "md" }) {
  return (
    <span
      aria-hidden
      className={cn("inline-block shrink-0 rounded-full ring-2 ring-white", size === "md" ? "h-4 w-4" : "h-2.5 w-2.5", color ? LIGHT_STYLE[color].dot : "bg-slate-200")}
    />
  );
}
