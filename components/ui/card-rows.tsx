import { cn } from "@/lib/cn";

// Below 768 px (phones, held either way) a list's rows are cards instead of table rows, by CSS
// alone, so each quick-edit control exists once: the row is a wrapping flex box, its cells are
// blocks, and what a heading said is a caption (`CardCaption`). The headings are folded away and
// `CardSort` stands in for them. (With their selects the people and relationships lists need about
// 700 px, more than the 640 px where the accounts list folds; the users list uses it too.)
export const CARD = {
  table: "max-md:block",
  body: "max-md:block",
  row: "max-md:flex max-md:flex-wrap max-md:items-end max-md:gap-x-3 max-md:gap-y-2 max-md:border-b max-md:border-slate-100 max-md:px-3 max-md:py-3",
  cell: "max-md:block max-md:border-0 max-md:p-0",
  head: "max-md:hidden",
  /** Shown in the cards only. */
  only: "md:hidden",
  /** A cell the cards fold into another. */
  column: "hidden md:table-cell",
};

/** A quick edit's caption in the cards, where the column headings are folded away. */
export const CardCaption = ({ children }: { children: string }) => <span className={cn("mb-0.5 block text-xs text-slate-500", CARD.only)}>{children}</span>;
