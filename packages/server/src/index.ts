export { Pusher } from "./pusher.js";
export type { PusherConfig, PusherOptions } from "./pusher.js";
export type { PusherEnv } from "./url-and-env.js";
// The packages the class composes, so that one install and one import are enough.
export * from "@x/auth";
export * from "@x/rest";
export * from "@x/webhooks";
