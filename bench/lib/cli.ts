// Shared by the bench and proof scripts: command-line numbers, and running the script under the
// "react-server" condition (services start with `import "server-only"`, which resolves to an
// empty module only there).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** `--name 123` on the command line, or the default. */
export function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

/**
 * Re-runs the calling script under `--conditions=react-server` (once) and exits with its status;
 * on `node` when given (another Node binary), with `env` added.
 */
export function rerunUnderReactServer(metaUrl: string, opts: { node?: string; env?: Record<string, string> } = {}): void {
  if (process.env.KEYSTONE_BENCH_CHILD) return;
  const r = spawnSync(opts.node ?? process.execPath, [...process.execArgv, "--conditions=react-server", fileURLToPath(metaUrl), ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, ...opts.env, KEYSTONE_BENCH_CHILD: "1", LOG_LEVEL: "silent" },
  });
  process.exit(r.status ?? 1);
}
