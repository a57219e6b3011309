// Whether the processes and ports a test started are gone, read from the system.
import { readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";

/** Whether a process exists and is not a zombie (from /proc: kill(pid, 0) counts zombies). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state …": comm may hold spaces and parentheses.
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** The live children of a process, from each process's parent id in /proc. */
export function childrenOf(parent: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent && isRunning(pid);
      } catch {
        return false;
      }
    });
}

/** Whether a TCP connection to this loopback port is refused: nothing listens on it any more. */
export function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}
