export { startFakePusher } from "./start-fake-pusher.js";
export { startLocalPusher } from "./start-local-pusher.js";
export { LocalPusherSetupError } from "./prerequisites.js";
export type { LocalPusher, LocalPusherClientOptions, LocalPusherNode, LocalPusherOptions, LocalPusherWebhook } from "./local-types.js";
export type {
  EventMatch,
  FakeConnection,
  FakePusher,
  FakePusherConfig,
  FakePusherOptions,
  Fault,
  RecordedEvent,
  RecordedRequest,
} from "./types.js";
export type { WebhookDelivery, WebhookEvent, WebhookEventName, WebhookHandler, WebhookOptions } from "./types.js";
