import { PHONE_ONLY } from "./fold";

/** A heading said shorter on a phone, where the column it is told apart from is folded away ("Revenue" for "Actual revenue"). */
export function ShortOnPhone({ short, children }: { short: string; children: string }) {
  return (
    <>
      <span className={PHONE_ONLY}>{short}</span>
      <span className="hidden sm:inline">{children}</span>
    </>
  );
}
