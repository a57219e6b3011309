// The public API of @x/webhooks, then the shared vocabulary of @x/types (errors, guards, toNodeHandler).
export { createWebhookHandler } from "./create-webhook-handler.js";
export type { WebhookContext, WebhookHandlerOptions } from "./create-webhook-handler.js";
export { createMemoryDeliveryStore } from "./delivery-store.js";
export type { WebhookDeliveryStore } from "./delivery-store.js";
export { createWebhookDecryptor } from "./parse-webhook.js";
export { verifyWebhook } from "./verify-webhook.js";
export { isKnownWebhookEvent } from "./webhook-events.js";
export type { CacheMissEvent, ChannelExistenceEvent, ClientEventWebhook, ContractWebhookEvent } from "./webhook-events.js";
export type { KnownWebhookEvent, PresenceMemberEvent, SubscriptionCountEvent } from "./webhook-events.js";
export type { UnknownWebhookEvent, WebhookEvent } from "./webhook-events.js";
export type { VerifyWebhookOptions, WebhookCredentials, WebhookDecryptor, WebhookDelivery } from "./webhook-types.js";
export type { WebhookValidationError, WebhookVerdict } from "./webhook-types.js";
export * from "@x/types";
