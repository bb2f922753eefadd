export function Logo({ className = "", labelClassName = "" }: { className?: string; labelClassName?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight ${className}`}>
      <svg aria-hidden viewBox="0 0 32 32" className="h-7 w-7">
        <rect width="32" height="32" rx="8" className="fill-brand-600" />
        <path d="M8 24 L16 7 L24 24 Z" className="fill-white/25" />
        <path d="M12.5 24 L16 16.5 L19.5 24 Z" className="fill-white" />
      </svg>
      <span className={labelClassName}>Keystone</span>
    </span>
  );
}
