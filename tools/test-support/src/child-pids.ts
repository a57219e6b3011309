import { readFileSync } from "node:fs";
import pidtree from "pidtree";

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
  // process.kill(pid, 0) and ps count a zombie (ended, not yet reaped) as a process: /proc tells them apart.
  if (process.platform !== "linux") return processExists(pid);
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return false;
  }
  // "pid (comm) state …": comm may hold spaces and parentheses, so the state follows the last ")".
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0] !== "Z";
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The ids of this process's live children, sorted. Tests compare it before and after a run to
 * prove that every server, database and app process they started has gone.
 *
 * @example
 * ```ts
 * const before = await childPids();
 * const cluster = await startLocalCluster();
 * await cluster.stop();
 * expect(await childPids()).toEqual(before);
 * ```
 */
export async function childPids(): Promise<number[]> {
  const tree = await pidtree(process.pid, { advanced: true });
  // The `ps` that pidtree ran has ended by now: isRunning leaves it out.
  return tree
    .filter(({ ppid, pid }) => ppid === process.pid && isRunning(pid))
    .map(({ pid }) => pid)
    .sort((a, b) => a - b);
}

/**
 * Every live descendant of a process (its children, theirs, and so on), sorted. Unlike
 * {@link childPids}, it sees what the children started, such as the servers of a `pnpm` script.
 *
 * @example
 * ```ts
 * const tree = await descendantPids(pnpmDemo.pid);
 * process.kill(pnpmDemo.pid, "SIGINT");
 * // … once it has exited:
 * expect(tree.filter(isRunning)).toEqual([]);
 * ```
 */
export async function descendantPids(pid: number = process.pid): Promise<number[]> {
  return (await pidtree(pid)).filter(isRunning).sort((a, b) => a - b);
}
