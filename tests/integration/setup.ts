// Per test file: make sure nothing in the app code thinks it runs in production.
process.env.NEXTAUTH_SECRET ??= "integration-test-secret";
