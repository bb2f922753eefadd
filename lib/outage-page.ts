// The page a page load gets while the database is known to be away (proxy.ts): 503 with
// Retry-After, Keystone's own words (the same as its in-app error page), and a page that tries
// again by itself. It stands alone: nothing in it needs the database, the app's scripts or its
// style sheet, whose addresses change with every build.
import { LOAD_ERROR_TITLE } from "@/components/layout/load-error";
import { applySecurityHeaders } from "@/lib/security-headers";

export const OUTAGE_RETRY_SECONDS = 5;

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${OUTAGE_RETRY_SECONDS}">
<title>Page not loaded · Keystone</title>
<style>
  body { margin: 0; font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif; color: #0f172a; background: #fff; }
  main { min-height: 100vh; display: flex; flex-direction: column; align-items: center; justify-content: center; padding: 3rem 1.5rem; text-align: center; box-sizing: border-box; }
  .logo { display: inline-flex; align-items: center; gap: 0.5rem; font-size: 1.25rem; font-weight: 600; letter-spacing: -0.025em; }
  .logo svg { width: 1.75rem; height: 1.75rem; }
  h1 { margin: 2.5rem 0 0; font-size: 1.5rem; font-weight: 600; letter-spacing: -0.02em; }
  p { margin: 0.5rem 0 0; max-width: 28rem; font-size: 0.875rem; line-height: 1.5; color: #475569; }
  button { margin-top: 2rem; border: 0; border-radius: 0.375rem; background: #2552e8; color: #fff; font: inherit; font-size: 0.875rem; font-weight: 500; padding: 0.5rem 1rem; cursor: pointer; }
  button:hover { background: #1d40c7; }
  button:focus-visible { outline: 2px solid #2552e8; outline-offset: 2px; }
</style>
</head>
<body>
<main>
  <div class="logo"><svg aria-hidden="true" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#2552e8"/><path d="M8 24 L16 7 L24 24 Z" fill="rgba(255,255,255,0.25)"/><path d="M12.5 24 L16 16.5 L19.5 24 Z" fill="#fff"/></svg>Keystone</div>
  <h1>${LOAD_ERROR_TITLE}</h1>
  <p>Keystone cannot reach its database at the moment. Nothing you have saved is lost.</p>
  <p role="status">This page tries again by itself every ${OUTAGE_RETRY_SECONDS} seconds.</p>
  <button type="button" onclick="location.reload()">Try again</button>
</main>
</body>
</html>
`;

export function outageResponse(): Response {
  const res = new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(OUTAGE_RETRY_SECONDS), "cache-control": "no-store" },
  });
  applySecurityHeaders(res.headers);
  return res;
}

/**
 * Whether a request is a page load: the browser navigating to a document (`Sec-Fetch-Mode:
 * navigate`; without Sec-Fetch headers, a GET that accepts HTML), not the app's own navigation or
 * prefetch (a fetch from the page; the proxy does not see their `RSC` header, which Next.js takes
 * off before it runs) or a server action. Only page loads get the outage page; the app's own
 * navigations still reach the page, whose error boundary keeps the signed-in frame and its "Try
 * again".
 */
export function isPageLoad(req: Request): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const mode = req.headers.get("sec-fetch-mode");
  return mode ? mode === "navigate" : (req.headers.get("accept") ?? "").includes("text/html");
}
