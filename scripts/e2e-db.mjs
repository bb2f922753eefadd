// The e2e run's database names, in one place for the Playwright config, the e2e server, the test
// runner and the tests' freshDemoData: a run's database carries its start time (so a later run can
// tell an abandoned one by its age), and its freshly seeded copy is the template every test file
// starts from.

/** A new run's database: `keystone_e2e_<start time in base 36>`. */
export const newE2eDatabaseName = () => `keystone_e2e_${Date.now().toString(36)}`;

/** The template holding the freshly seeded demo data of the run's database `name`. */
export const demoTemplateOf = (name) => `${name}_demo`;

/** When the run that made database `datname` started, or null for a name set by hand ("keystone_e2e_x1"). */
export function e2eDatabaseStartedAt(datname) {
  const suffix = datname.split("_")[2] ?? "";
  const started = parseInt(suffix, 36);
  return /^[0-9a-z]{8,}$/.test(suffix) && started > Date.UTC(2020, 0, 1) ? started : null;
}
