"use client";

import { usePathname, useRouter } from "next/navigation";
import { ArrowRight } from "lucide-react";
import { Select } from "@/components/ui/field";

/** Picks the two versions to compare; the choice lives in the URL so a comparison can be shared. */
export function CompareForm({ versions, a, b }: { versions: number[]; a: number; b: number }) {
  const router = useRouter();
  const pathname = usePathname();
  const go = (na: number, nb: number) => router.push(`${pathname}?a=${na}&b=${nb}`);
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <span className="text-sm font-medium text-slate-700">Compare</span>
      <label htmlFor="compare-a" className="sr-only">
        Older version
      </label>
      <Select id="compare-a" value={a} onChange={(e) => go(Number(e.target.value), b)} className="h-9 w-40">
        {versions.map((n) => (
          <option key={n} value={n}>
            Version {n}
          </option>
        ))}
      </Select>
      <ArrowRight aria-hidden className="h-4 w-4 text-slate-400" />
      <label htmlFor="compare-b" className="sr-only">
        Newer version
      </label>
      <Select id="compare-b" value={b} onChange={(e) => go(a, Number(e.target.value))} className="h-9 w-40">
        {versions.map((n) => (
          <option key={n} value={n}>
            Version {n}
          </option>
        ))}
      </Select>
    </div>
  );
}
