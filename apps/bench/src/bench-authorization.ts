import { createHmac } from "node:crypto";
import { authorizeChannel } from "@x/auth";
import { Pusher as OurPusher } from "@x/server";
import Pusher from "pusher";
import { APP, PRESENCE_CHANNEL, PRESENCE_DATA, PRIVATE_CHANNEL, SOCKET_ID } from "./fixtures.js";
import { measureOps, type OpsPerSecond } from "./measure-ops.js";

/** Channel authorization (docs/protocol.md §5), private and presence, in operations per second. */
export interface AuthorizationResult {
  private: OpsPerSecond;
  presence: OpsPerSecond;
}

export const AUTH_CONTENDERS = {
  leaf: "@x/auth authorizeChannel",
  umbrella: "@x/server Pusher#authenticate",
  official: "pusher 5.3.4 authorizeChannel",
  floor: "floor (one createHmac)",
} as const;

/**
 * Signs the same subscriptions with our leaf function, our umbrella, the official SDK, and the
 * floor: one `createHmac` per signature and nothing else (no validation, no checks).
 */
export async function benchAuthorization(): Promise<AuthorizationResult> {
  const credentials = { key: APP.key, secret: APP.secret };
  const ours = new OurPusher(APP);
  const official = new Pusher({ ...APP, cluster: "mt1" });
  const floor = (channel: string, channelData?: string): string => {
    const signed = channelData === undefined ? `${SOCKET_ID}:${channel}` : `${SOCKET_ID}:${channel}:${channelData}`;
    return `${APP.key}:${createHmac("sha256", APP.secret).update(signed).digest("hex")}`;
  };

  const privateOps = await measureOps([
    { name: AUTH_CONTENDERS.leaf, run: () => authorizeChannel(credentials, { socketId: SOCKET_ID, channelName: PRIVATE_CHANNEL }) },
    { name: AUTH_CONTENDERS.umbrella, run: () => ours.authenticate(PRIVATE_CHANNEL, SOCKET_ID) },
    { name: AUTH_CONTENDERS.official, run: () => official.authorizeChannel(SOCKET_ID, PRIVATE_CHANNEL) },
    { name: AUTH_CONTENDERS.floor, run: () => ({ auth: floor(PRIVATE_CHANNEL) }) },
  ]);
  const presenceOps = await measureOps([
    {
      name: AUTH_CONTENDERS.leaf,
      run: () => authorizeChannel(credentials, { socketId: SOCKET_ID, channelName: PRESENCE_CHANNEL, presenceData: PRESENCE_DATA }),
    },
    { name: AUTH_CONTENDERS.umbrella, run: () => ours.authenticate(PRESENCE_CHANNEL, SOCKET_ID, PRESENCE_DATA) },
    { name: AUTH_CONTENDERS.official, run: () => official.authorizeChannel(SOCKET_ID, PRESENCE_CHANNEL, PRESENCE_DATA) },
    {
      name: AUTH_CONTENDERS.floor,
      run: () => {
        const channelData = JSON.stringify(PRESENCE_DATA);
        return { auth: floor(PRESENCE_CHANNEL, channelData), channel_data: channelData };
      },
    },
  ]);
  return { private: privateOps, presence: presenceOps };
}
