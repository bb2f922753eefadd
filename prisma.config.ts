import { defineConfig } from "prisma/config";

// The Prisma CLI reads this file. The URL only matters for CLI commands that connect
// (they cannot run on machines without Prisma's native engine; see DEVELOPERS.md):
// `prisma generate` needs none, so a placeholder keeps it working without DATABASE_URL.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/keystone",
  },
});
