/** A new run's database: `keystone_e2e_<start time in base 36>`. */
export function newE2eDatabaseName(): string;
/** The template holding the freshly seeded demo data of the run's database `name`. */
export function demoTemplateOf(name: string): string;
/** When the run that made database `datname` started, or null for a name set by hand ("keystone_e2e_x1"). */
export function e2eDatabaseStartedAt(datname: string): number | null;
