"use client";

// A question asked before something that is hard to take back (removing, archiving, approving).
// `confirmAction` is called like `window.confirm`, but awaited: it opens Keystone's own alert
// dialog (Radix AlertDialog: focus starts on Cancel, Escape cancels, focus goes back to the
// button that asked) and resolves true only when the person presses the named action.
// `ConfirmHost` is mounted once, in the root layout.
import { useSyncExternalStore, type ReactNode } from "react";
import { AlertDialog } from "radix-ui";
import { buttonClass } from "./button";

export type ConfirmOptions = {
  /** The question, e.g. "Remove Greta Lindgren?" */
  title: string;
  /** What follows from it, in a sentence or two. */
  body?: ReactNode;
  /** The verb on the button that goes ahead: "Remove", "Archive", "Approve". */
  confirmLabel: string;
  /** "danger" for what removes or takes away; "primary" for a decision. */
  tone?: "danger" | "primary";
};

type Pending = ConfirmOptions & { resolve: (ok: boolean) => void };

let pending: Pending | null = null;
// Radix hands focus back to a Dialog.Trigger; there is none here, so the button that asked is kept.
let asker: HTMLElement | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function confirmAction(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    // A second question replaces the first, which counts as cancelled (and keeps the first asker).
    if (pending) pending.resolve(false);
    else asker = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    pending = { ...options, resolve };
    emit();
  });
}

function settle(ok: boolean) {
  const p = pending;
  if (!p) return;
  pending = null;
  emit();
  p.resolve(ok);
}

export function ConfirmHost() {
  const current = useSyncExternalStore(subscribe, () => pending, () => null);
  return (
    <AlertDialog.Root open={current !== null} onOpenChange={(open) => !open && settle(false)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-slate-900/30" />
        <AlertDialog.Content
          data-testid="confirm-dialog"
          onCloseAutoFocus={(e) => {
            // Back to the button that asked, when it is still on the page (a removed row's is not).
            e.preventDefault();
            if (asker?.isConnected) asker.focus();
            asker = null;
          }}
          className="fixed left-1/2 top-[20vh] z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 rounded-xl bg-white p-5 shadow-xl focus:outline-none"
        >
          <AlertDialog.Title className="text-base font-semibold text-pretty text-slate-900">{current?.title}</AlertDialog.Title>
          <AlertDialog.Description className={current?.body ? "mt-2 text-sm text-pretty text-slate-600" : "sr-only"}>
            {current?.body ?? current?.title}
          </AlertDialog.Description>
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <AlertDialog.Cancel className={buttonClass("secondary")}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClass(current?.tone === "primary" ? "primary" : "destructive")} onClick={() => settle(true)}>
              {current?.confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
