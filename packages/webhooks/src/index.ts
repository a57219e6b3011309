export { createWebhookHandler } from "./create-webhook-handler.js";
export type { WebhookContext, WebhookHandlerOptions } from "./create-webhook-handler.js";
export { isKnownWebhookEvent } from "./known-webhook-event.js";
export type { KnownWebhookEvent } from "./known-webhook-event.js";
export { DEFAULT_MAX_WEBHOOK_BODY_BYTES } from "./verify-webhook-options.js";
export type { VerifyWebhookOptions } from "./verify-webhook-options.js";
export { verifyWebhook } from "./verify-webhook.js";
export type { WebhookDelivery } from "./verify-webhook.js";
export type { WebhookCredentials } from "./webhook-credentials.js";
export { createWebhookDecryptor } from "./webhook-decryptor.js";
export type { WebhookDecryptor } from "./webhook-decryptor.js";
export type { WebhookValidationError, WebhookValidationErrorCode } from "./webhook-validation-error.js";
export type { InvalidWebhookVerdict, ValidWebhookVerdict, WebhookVerdict } from "./webhook-verdict.js";
export type {
  CacheMissEvent,
  ChannelExistenceEvent,
  ClientEventWebhook,
  KnownWebhookEventName,
  PresenceMemberEvent,
  SubscriptionCountEvent,
  UnknownWebhookEvent,
  WebhookEvent,
} from "@x/types";
// The errors these functions throw (and `PusherWebhookError`, to turn an invalid verdict into an
// exception) with their guards, so that a service that installs @x/webhooks alone (pnpm's strict
// layout gives it no @x/types) can name them.
export {
  PusherConfigError,
  PusherError,
  PusherValidationError,
  PusherWebhookError,
  isPusherConfigError,
  isPusherError,
  isPusherValidationError,
  isPusherWebhookError,
} from "@x/types";
// The Node.js adapter of the handler (node:http, Express, Fastify, Next.js pages API), so that a
// service with this package alone can mount it; unused, it adds nothing to a bundle.
export { toNodeHandler } from "@x/types";
export type { NodeHandler, NodeRequestLike, NodeResponseLike } from "@x/types";
export type { KeyCredentials, PusherErrorCode, ValidationErrorCode } from "@x/types";
