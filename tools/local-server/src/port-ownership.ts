import { readFile, readdir, readlink } from "node:fs/promises";

// /proc/net/tcp lists one socket per line: "sl local_address rem_address st ... inode ...", with
// the local address as hex "IP:PORT" and the state 0A meaning LISTEN.
const LISTEN_STATE = "0A";

async function listeningInodes(port: number): Promise<string[]> {
  const table = await readFile("/proc/net/tcp", "utf8");
  const inodes: string[] = [];
  for (const line of table.split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/);
    const [, localAddress, , state, , , , , , inode] = fields;
    if (localAddress === undefined || inode === undefined || state !== LISTEN_STATE) continue;
    const localPort = Number.parseInt(localAddress.split(":")[1] ?? "", 16);
    if (localPort === port) inodes.push(inode);
  }
  return inodes;
}

async function socketInodesOf(pid: number): Promise<Set<string>> {
  const directory = `/proc/${pid}/fd`;
  const inodes = new Set<string>();
  // A process that has already ended owns no socket.
  const descriptors = await readdir(directory).catch(() => []);
  for (const fd of descriptors) {
    // A descriptor may close while we look: skip it.
    const target = await readlink(`${directory}/${fd}`).catch(() => "");
    const match = /^socket:\[(\d+)\]$/.exec(target);
    if (match?.[1] !== undefined) inodes.add(match[1]);
  }
  return inodes;
}

/**
 * Tells whether process `pid` is the only one listening on TCP `port` (IPv4). soketi's
 * uWebSockets listens with SO_REUSEPORT and prints "Server is up and running" even when its
 * listen failed, so a port taken by someone else between `freePort()` and soketi's start
 * goes unnoticed: either soketi is not listening at all, or it silently shares the port with
 * another server. Linux only (it reads /proc); elsewhere it answers `true`.
 *
 * @example
 * ```ts
 * if (!(await isSoleListener(child.pid, port))) throw new Error("port collision");
 * ```
 */
export async function isSoleListener(pid: number, port: number): Promise<boolean> {
  // Not a port library: get-port asks whether a port is free, and pid-port names one listener, never all.
  if (process.platform !== "linux") return true;
  const [listeners, owned] = await Promise.all([listeningInodes(port), socketInodesOf(pid)]);
  return listeners.length > 0 && listeners.every((inode) => owned.has(inode));
}
