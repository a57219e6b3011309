// A real pusher-js client (its Node build) on what startLocalPusher started, as a user's test makes one.
import { createRequire } from "node:module";
import type PusherTypes from "pusher-js";
import type { LocalPusher, LocalPusherNode } from "../../src/index.js";

// pusher-js's Node build is CommonJS whose typings say `export default`: required, it is the class.
const PusherJs: typeof PusherTypes.default = createRequire(import.meta.url)("pusher-js");

export interface Client {
  socketId: string;
  /** Resolves once subscribed. */
  subscribe(channel: string): Promise<void>;
  /** The data of the next `event` on a subscribed channel. */
  next(channel: string, event: string): Promise<unknown>;
  disconnect(): void;
}

/** Connects with `clientOptions` and resolves once connected. */
export async function connectTo(server: Pick<LocalPusher | LocalPusherNode, "config" | "clientOptions">): Promise<Client> {
  const pusher = new PusherJs(server.config.key, server.clientOptions);
  await new Promise<void>((resolve, reject) => {
    pusher.connection.bind("connected", () => resolve());
    pusher.connection.bind("unavailable", () => reject(new Error("pusher-js could not connect")));
  });
  return {
    socketId: pusher.connection.socket_id,
    subscribe: (channel) => new Promise((resolve) => pusher.subscribe(channel).bind("pusher:subscription_succeeded", () => resolve())),
    next: (channel, event) => new Promise((resolve) => pusher.channel(channel).bind(event, resolve)),
    disconnect: () => pusher.disconnect(),
  };
}
