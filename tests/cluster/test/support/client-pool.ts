import { connectClient, type LocalServer, type TestClient } from "tools-test-support";
import { Pusher, type PusherOptions } from "@x/server";
import { vi } from "vitest";

/** A user of the app: the presence member and the signed-in user its clients act as. */
export interface User {
  id: string;
  name: string;
}

type AuthCallback = (error: Error | null, data: Record<string, string> | null) => void;

/**
 * The app's server side, bound to one node of the cluster: what a backend behind the load
 * balancer would hold. Options are merged over the node's address and credentials.
 */
export function pusherOn(node: LocalServer, options: PusherOptions = {}): Pusher {
  return new Pusher({
    appId: node.appId,
    key: node.key,
    secret: node.secret,
    host: node.host,
    port: node.port,
    useTLS: false,
    // soketi allows 100 KB payloads; the tests stay far below either limit.
    maxPayloadBytes: 100_000,
    ...options,
  });
}

/**
 * Connects real pusher-js clients to chosen nodes and disconnects them all at the end. Each
 * client's auth endpoint is the app's own (`@x/server`'s `authorizeChannel` and
 * `authenticateUser`, called in place of an HTTP round trip), acting as `user`.
 */
export interface ClientPool {
  connect(node: LocalServer, user?: User): Promise<TestClient>;
  /** Disconnects every client, also those whose node was killed (pusher-js keeps retrying those). */
  closeAll(): Promise<void>;
}

const DISCONNECT_WAIT_MS = 5_000;

export function createClientPool(): ClientPool {
  const clients: TestClient[] = [];
  return {
    async connect(node, user = { id: "anonymous", name: "Anonymous" }) {
      const app = pusherOn(node);
      const client = await connectClient(node, {
        channelAuthorization: {
          customHandler: ({ socketId, channelName }: { socketId: string; channelName: string }, callback: AuthCallback) => {
            const presenceData = channelName.startsWith("presence-") ? { user_id: user.id, user_info: { name: user.name } } : undefined;
            callback(null, { ...app.authorizeChannel(socketId, channelName, presenceData) });
          },
        },
        userAuthentication: {
          customHandler: ({ socketId }: { socketId: string }, callback: AuthCallback) =>
            callback(null, { ...app.authenticateUser(socketId, { id: user.id, user_info: { name: user.name } }) }),
        },
      });
      clients.push(client);
      return client;
    },
    async closeAll() {
      await Promise.all(
        clients.splice(0).map(async (client) => {
          let timer: ReturnType<typeof setTimeout> | undefined;
          const givenUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, DISCONNECT_WAIT_MS)));
          await Promise.race([client.disconnect(), givenUp]);
          clearTimeout(timer);
          // A client of a dead node has no open connection to close: stop its reconnection attempts.
          client.pusher.disconnect();
        }),
      );
    },
  };
}

/**
 * Signs a client in (user authentication) and waits until it listens on its user channel, so
 * that an event sent to the user from any node cannot arrive before it listens.
 */
export async function signIn(client: TestClient): Promise<void> {
  client.pusher.signin();
  await client.pusher.user.signinDonePromise;
  await vi.waitFor(
    () => {
      if (client.pusher.user.serverToUserChannel?.subscribed !== true)
        throw new Error(`user channel of ${client.socketId} not subscribed yet`);
    },
    { timeout: 20_000, interval: 20 },
  );
}

/** Waits until `list` holds at least `count` items: events arrive asynchronously, through Redis. */
export async function untilCount(list: readonly unknown[], count: number, timeout = 30_000): Promise<void> {
  await vi.waitFor(
    () => {
      if (list.length < count) throw new Error(`${list.length} of ${count} items so far`);
    },
    { timeout, interval: 20 },
  );
}
