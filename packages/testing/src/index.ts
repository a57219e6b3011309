export { startFakePusher } from "./start-fake-pusher.js";
export type {
  EventMatch,
  FakeConnection,
  FakePusher,
  FakePusherConfig,
  FakePusherOptions,
  Fault,
  RecordedEvent,
  RecordedRequest,
  WebhookDelivery,
  WebhookEvent,
  WebhookEventName,
  WebhookHandler,
  WebhookOptions,
} from "./types.js";
