import { once } from "node:events";
import { readFile, readdir, readlink } from "node:fs/promises";
import { createServer, type AddressInfo, type Server } from "node:net";

// Ports handed out lately, and when: a port chosen for one server is not offered to another before it binds.
const handedOut = new Map<number, number>();
const HOLD_MS = 60_000;

/**
 * `count` distinct loopback ports that were free a moment ago, none handed out in the last minute.
 * @example const [port, metricsPort] = await freePorts(2);
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  const ports: number[] = [];
  const now = Date.now();
  for (const [port, at] of handedOut) if (now - at > HOLD_MS) handedOut.delete(port);
  try {
    while (ports.length < count) {
      const server = createServer();
      servers.push(server);
      server.listen(0, "127.0.0.1");
      await once(server, "listening");
      const { port } = server.address() as AddressInfo;
      if (!handedOut.has(port)) ports.push(port);
    }
    for (const port of ports) handedOut.set(port, now);
    return ports;
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

// Read by hand rather than with a process library, so that the kit installs no dependency.
// /proc/net/tcp: one socket a line, local address as hex "IP:PORT", state 0A for LISTEN, then the inode.
async function listeningInodes(port: number): Promise<string[]> {
  const table = await readFile("/proc/net/tcp", "utf8");
  return table
    .split("\n")
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter(([, local, , state]) => state === "0A" && Number.parseInt(local?.split(":")[1] ?? "", 16) === port)
    .map((fields) => fields[9] ?? "");
}

async function socketInodesOf(pid: number): Promise<Set<string>> {
  const directory = `/proc/${pid}/fd`;
  // A process that has ended owns no socket; a descriptor may close while we look.
  const descriptors = await readdir(directory).catch(() => []);
  const targets = await Promise.all(descriptors.map((fd) => readlink(`${directory}/${fd}`).catch(() => "")));
  return new Set(targets.flatMap((target) => /^socket:\[(\d+)\]$/.exec(target)?.[1] ?? []));
}

/**
 * Whether process `pid` alone listens on TCP `port`: soketi's uWebSockets listens with
 * SO_REUSEPORT and says it is up even when its listen failed. Linux only (/proc); elsewhere `true`.
 * @example if (!(await isSoleListener(pid, port))) throw new PortCollisionError(`port ${port} was taken`);
 */
export async function isSoleListener(pid: number, port: number): Promise<boolean> {
  if (process.platform !== "linux") return true;
  const [listeners, owned] = await Promise.all([listeningInodes(port), socketInodesOf(pid)]);
  return listeners.length > 0 && listeners.every((inode) => owned.has(inode));
}
