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
export type { CacheMissEvent, ChannelExistenceEvent, ClientEventWebhook, KnownWebhookEventName, PresenceMemberEvent, SubscriptionCountEvent, UnknownWebhookEvent, WebhookEvent } from "./webhook-events.js";
// The shared vocabulary (errors and their guards, wire and result types, the Node.js adapter).
export * from "@x/types";
