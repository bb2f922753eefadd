// Security headers for every response. The CSP allows only our own origin; Next's inline
// bootstrap scripts and Tailwind/Recharts inline styles need 'unsafe-inline' (no nonce plumbing
// through every server component); script injection is still blocked by sanitising rich text
// and by React's escaping.
export function securityHeaders(production: boolean): { key: string; value: string }[] {
  const scriptSrc = production ? "'self' 'unsafe-inline'" : "'self' 'unsafe-inline' 'unsafe-eval'";
  const csp = [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
  // HSTS only makes sense when the app is served over HTTPS.
  if ((process.env.NEXTAUTH_URL ?? "").startsWith("https://")) {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" });
  }
  return headers;
}

let forResponses: [string, string][] | null = null;

/**
 * Puts the same headers on an API response. Pages get them from next.config.ts; API responses get
 * them here (lib/http.ts), because Next.js's header rules compile each value that holds a colon
 * (the CSP's `data:`) as a path template on every request they match.
 */
export function applySecurityHeaders(headers: Headers): void {
  forResponses ??= securityHeaders(process.env.NODE_ENV === "production").map(({ key, value }) => [key, value]);
  for (const [key, value] of forResponses) headers.set(key, value);
}
