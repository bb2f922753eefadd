"use client";

import {
  cloneElement,
  forwardRef,
  isValidElement,
  useCallback,
  useLayoutEffect,
  useRef,
  type InputHTMLAttributes,
  type ReactElement,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { cn } from "@/lib/cn";

/** Fields whose value is what was typed, as typed (not dates, numbers or colours, which the browser rewrites). */
const TYPED = new Set(["text", "search", "email", "url", "tel", "password", "textarea"]);

/**
 * What someone types into a field in the moment between the page appearing (rendered on the
 * server) and React taking it over never reaches React's state: the field shows it, the form does
 * not know it, and a save would store the old value. Once React has taken over, this hands such
 * text to the field's onChange, as if it had just been typed. A field whose value is not
 * controlled (no `value`) keeps its text anyway.
 */
export function useTypedBeforeHydration<T extends HTMLInputElement | HTMLTextAreaElement>(value: unknown, ref?: Ref<T>) {
  const own = useRef<T | null>(null);
  useLayoutEffect(() => {
    const el = own.current;
    if (!el || value === undefined || value === null || !TYPED.has(el.type)) return;
    // The browser's own rewriting of a value is not typing: line breaks in a textarea become \n,
    // a one-line field drops them.
    const shown = el instanceof HTMLTextAreaElement ? String(value).replace(/\r\n?/g, "\n") : String(value).replace(/[\r\n]/g, "");
    if (el.value === shown) return;
    const typed = el.value;
    // React watches the element's own `value` setter: through it, React learns the field holds the
    // old value; through the prototype's setter (unwatched) the typed text goes back in; the input
    // event then reads as a change from the old value to the typed text.
    el.value = shown;
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, "value")?.set?.call(el, typed);
    el.dispatchEvent(new Event("input", { bubbles: true }));
    // Only on the first render after the page appears; later values are React's own.
  }, []);
  return useCallback(
    (el: T | null) => {
      own.current = el;
      if (typeof ref === "function") ref(el);
      else if (ref) ref.current = el;
    },
    [ref],
  );
}

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-200 disabled:bg-slate-50 aria-[invalid=true]:border-red-400";

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input({ className, ...props }, ref) {
  const keepTyped = useTypedBeforeHydration(props.value, ref);
  return <input ref={keepTyped} className={cn(control, "h-10", className)} {...props} />;
});

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(function Select({ className, ...props }, ref) {
  return <select ref={ref} className={cn(control, "h-10 pr-8", className)} {...props} />;
});

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>(function Textarea({ className, ...props }, ref) {
  const keepTyped = useTypedBeforeHydration(props.value, ref);
  return <textarea ref={keepTyped} className={cn(control, "py-2 leading-relaxed", className)} {...props} />;
});

type ControlProps = { id?: string; "aria-invalid"?: unknown; "aria-describedby"?: string };

/**
 * A labelled form field with hint and error; the error is announced to screen readers. When the
 * child is the control itself (its id is `htmlFor`), it is marked invalid while there is an error
 * and described by the error or the hint, unless it says otherwise itself.
 */
export function Field({ label, htmlFor, error, hint, children, className }: { label: string; htmlFor: string; error?: string; hint?: ReactNode; children: ReactNode; className?: string }) {
  const described = error ? `${htmlFor}-error` : hint ? `${htmlFor}-hint` : undefined;
  let control = children;
  if (isValidElement<ControlProps>(children) && children.props.id === htmlFor) {
    const own = children.props;
    control = cloneElement(children as ReactElement<ControlProps>, {
      "aria-invalid": own["aria-invalid"] ?? (error ? true : undefined),
      "aria-describedby": own["aria-describedby"] ?? described,
    });
  }
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {control}
      {hint && !error && (
        <p id={`${htmlFor}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p role="alert" id={`${htmlFor}-error`} className="text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
