import { readFileSync, readdirSync } from "node:fs";

/**
 * The ids of every live descendant of this process (children, their children, …), sorted, read
 * from /proc (Linux). Unlike a list of direct children, it includes what the children started,
 * such as the server a launcher script runs.
 *
 * @example
 * ```ts
 * const before = descendantPids();
 * await app.stop();
 * expect(descendantPids()).toEqual(before);
 * ```
 */
export function descendantPids(): number[] {
  return descendantsOf(process.pid, liveProcesses());
}

// Each live process and its parent.
function liveProcesses(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // it ended while we looked
    }
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so count from the last ")".
    const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (state === "Z") continue; // a zombie has ended; only its exit status is left to collect
    parents.set(Number(entry), Number(ppid));
  }
  return parents;
}

function descendantsOf(root: number, parents: Map<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found.sort((a, b) => a - b);
}
