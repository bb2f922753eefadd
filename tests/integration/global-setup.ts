import { createTestDatabase, dropTestDatabase } from "../support/test-db";

// One database for the integration run; test files share it and stay apart by creating their
// own users and accounts (factories with unique names).
export default async function setup() {
  const db = await createTestDatabase("keystone_it");
  process.env.KEYSTONE_TEST_SERVER_URL ??= process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  process.env.DATABASE_URL = db.url;
  process.env.LOG_LEVEL ??= "silent";
  return async () => {
    await dropTestDatabase(db.name);
  };
}
