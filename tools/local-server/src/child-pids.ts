import { readFileSync, readdirSync } from "node:fs";

// /proc/<pid>/stat reads "pid (comm) state ppid ...": comm may hold spaces and parentheses, so
// the fields are counted from the last ")".
function statFields(pid: string | number): string[] | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined; // no such process, or it ended while we looked
  }
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/**
 * The ids of this process's live children, sorted, read from /proc (Linux). Tests compare it
 * before and after a run to prove that every server, database and app process they started has
 * gone.
 *
 * @example
 * ```ts
 * const before = childPids();
 * const cluster = await startLocalCluster();
 * await cluster.stop();
 * expect(childPids()).toEqual(before);
 * ```
 */
export function childPids(): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (fields !== undefined && Number(fields[1]) === process.pid) children.push(Number(entry));
  }
  return children.sort((a, b) => a - b);
}

/**
 * Every live descendant of a process (its children, theirs, and so on), sorted, read from /proc
 * (Linux); a zombie, ended but not yet collected, is not live. Unlike {@link childPids}, it sees
 * what the children started, such as the servers of a `pnpm` script.
 *
 * @example
 * ```ts
 * const tree = descendantPids(pnpmDemo.pid);
 * process.kill(pnpmDemo.pid, "SIGINT");
 * // … once it has exited:
 * expect(tree.filter(isRunning)).toEqual([]);
 * ```
 */
export function descendantPids(pid: number = process.pid): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (fields === undefined || fields[0] === "Z") continue;
    const parent = Number(fields[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const visit = (parent: number): void => {
    for (const child of children.get(parent) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found.sort((a, b) => a - b);
}

/**
 * Whether a process with this id is running: it exists and is not a zombie waiting to be reaped.
 *
 * @example
 * ```ts
 * await node.kill();
 * expect(isRunning(node.pid)).toBe(false);
 * ```
 */
export function isRunning(pid: number): boolean {
  const fields = statFields(pid);
  return fields !== undefined && fields[0] !== "Z";
}
