import { readFileSync, readdirSync } from "node:fs";

/** The ids of this process's live children, read from /proc (the tests run on Linux). */
export function childPids(): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // the process ended while we looked
    }
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ")".
    const parentPid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (parentPid === process.pid) children.push(Number(entry));
  }
  return children.sort((a, b) => a - b);
}

/** Whether a process with this id is running: it exists and is not a zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return false;
  }
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0] !== "Z";
}
