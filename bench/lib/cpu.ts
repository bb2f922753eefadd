// CPU time a server spends, read from Linux's /proc, for the bench's "CPU per request" columns:
// unlike latency it does not move with what else the machine is doing.
import { readdirSync, readFileSync } from "node:fs";

/** Linux's clock tick for /proc times (USER_HZ), 100 on every common kernel. */
const TICK_MS = 10;

/**
 * User and system CPU time, in ms, that process `rootPid` and every process under it have used
 * so far; null where there is no /proc (not Linux) or the process is gone.
 */
export function cpuMsOfTree(rootPid: number | undefined): number | null {
  if (!rootPid) return null;
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  const byPid = new Map<number, { ppid: number; ticks: number }>();
  for (const d of pids) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      // Fields after the command name (which may hold spaces and parentheses): state, ppid, …;
      // utime and stime are the 14th and 15th fields of the line.
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      byPid.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // ended while we looked
    }
  }
  if (!byPid.has(rootPid)) return null;
  let ticks = 0;
  const todo = [rootPid];
  while (todo.length) {
    const pid = todo.pop()!;
    ticks += byPid.get(pid)?.ticks ?? 0;
    for (const [child, s] of byPid) if (s.ppid === pid) todo.push(child);
  }
  return ticks * TICK_MS;
}

/**
 * CPU time, in ms, the whole machine has been busy so far, over all its cores (Linux's /proc/stat:
 * user, nice, system, irq, softirq and steal; not idle or iowait): the server, PostgreSQL, the
 * load generator and anything else running. Null where there is no /proc/stat.
 */
export function machineBusyMs(stat?: string): number | null {
  let text = stat;
  if (text === undefined) {
    try {
      text = readFileSync("/proc/stat", "utf8");
    } catch {
      return null;
    }
  }
  const first = text.split("\n", 1)[0].trim().split(/\s+/);
  if (first[0] !== "cpu") return null;
  const [user, nice, system, , , irq, softirq, steal] = first.slice(1, 9).map((n) => Number(n) || 0);
  return (user + nice + system + irq + softirq + steal) * TICK_MS;
}
