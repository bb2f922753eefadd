import { cn } from "@/lib/cn";

const TONES = {
  /** What stopped the save: a refusal, a broken connection, a file that cannot be read. */
  error: "border-red-200 bg-red-50 text-red-700",
  /** What changed under the form: someone else decided first; the form keeps the person's choice. */
  warning: "border-amber-200 bg-amber-50 text-amber-900",
} as const;

/** A message about a form as a whole, above its fields, read out by screen readers as it appears. */
export function FormAlert({ tone = "error", className, children }: { tone?: keyof typeof TONES; className?: string; children: React.ReactNode }) {
  return (
    <p role="alert" className={cn("rounded-md border px-3 py-2 text-sm", TONES[tone], className)}>
      {children}
    </p>
  );
}
