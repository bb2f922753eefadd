import { defineConfig } from "vitest/config";
import path from "node:path";

// Unit tests: pure logic. Integration tests: services and route handlers on a real PostgreSQL
// database created for the run (tests/integration/global-setup.ts) and dropped at the end.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts") } },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: true,
          maxWorkers: 2,
          // Runs after the unit tests (vitest needs distinct orders for different worker counts).
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
