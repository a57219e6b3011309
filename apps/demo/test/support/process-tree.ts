import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** The parent of every process, read from /proc (Linux). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid …": the command may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      map.set(Number(name), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  return map;
}

/**
 * Every process started by `pid`, and by those, and so on.
 *
 * @example
 * ```ts
 * descendants(child.pid); // [12345, 12346, …]
 * ```
 */
export function descendants(pid: number): number[] {
  const parentOf = parents();
  const found: number[] = [];
  let frontier = [pid];
  while (frontier.length > 0) {
    frontier = [...parentOf].filter(([, parent]) => frontier.includes(parent)).map(([child]) => child);
    found.push(...frontier);
  }
  return found;
}

/**
 * Whether a process exists and has not ended (a zombie, ended but not yet collected by its
 * parent, counts as ended).
 *
 * @example
 * ```ts
 * isRunning(12345); // false
 * ```
 */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/**
 * The TCP ports (IPv4 and IPv6) on which any of these processes listens.
 *
 * @example
 * ```ts
 * listeningPorts([child.pid]); // [3000]
 * ```
 */
export function listeningPorts(pids: number[]): number[] {
  const inodes = new Set<string>();
  for (const pid of pids) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSyncSafe(`/proc/${pid}/fd/${fd}`));
        if (match?.[1] !== undefined) inodes.add(match[1]);
      }
    } catch {
      // the process ended while we looked
    }
  }
  const ports = new Set<number>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const [, localAddress, , state, , , , , , inode] = line.trim().split(/\s+/);
      // 0A: LISTEN
      if (state === "0A" && inode !== undefined && inodes.has(inode)) ports.add(Number.parseInt(localAddress?.split(":").at(-1) ?? "", 16));
    }
  }
  return [...ports].sort((a, b) => a - b);
}

function readlinkSyncSafe(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return "";
  }
}
