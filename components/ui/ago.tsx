import { formatRelative } from "@/lib/format";

/**
 * How long ago a moment was, "3 minutes ago", as a `<time>`. A client component's
 * text is written by the server and again by the browser, whose clock may differ (a skewed clock,
 * or a unit's boundary passing between the two); React then keeps the server's words
 * (`suppressHydrationWarning`) instead of throwing the page away and drawing it again.
 */
export function Ago({ at, title, className }: { at: Date | string; title?: string; className?: string }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={title} className={className} suppressHydrationWarning>
      {formatRelative(at)}
    </time>
  );
}
