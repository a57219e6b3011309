import { readdirSync, readFileSync, readlinkSync } from "node:fs";

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
