export { Pusher } from "./pusher.js";
export type { BoundAuthHandlerOptions, BoundWebhookHandlerOptions } from "./pusher.js";
export type { PusherConfig, PusherOptions } from "./pusher-config.js";
export type { PusherEnv } from "./read-pusher-env.js";
// Everything a user of the umbrella needs to name, so that one import is enough.
export type {
  AuthCredentials,
  AuthRequestParams,
  ChannelAuthorizationContext,
  ChannelAuthorizationDecision,
  UserAuthenticationContext,
  UserAuthenticationDecision,
} from "@x/auth";
export type {
  ChannelOptions,
  ChannelsOptions,
  FailureReport,
  ObservedRequest,
  Publisher,
  PublisherOptions,
  PublisherStats,
  QueryParams,
  RequestHooks,
  RequestOptions,
  ResponseReport,
  RetryOptions,
  RetryReport,
  TriggerOptions,
} from "@x/rest";
export type {
  InvalidWebhookVerdict,
  KnownWebhookEvent,
  ValidWebhookVerdict,
  VerifyWebhookOptions,
  WebhookContext,
  WebhookValidationError,
  WebhookValidationErrorCode,
  WebhookVerdict,
} from "@x/webhooks";
export { isKnownWebhookEvent } from "@x/webhooks";
// The Node.js adapter of the bound handlers (node:http, Express, Fastify, Next.js pages API).
export { toNodeHandler } from "@x/types";
export type { NodeHandler, NodeRequestLike, NodeResponseLike } from "@x/types";
export type {
  BatchEvent,
  BatchTriggerResult,
  CacheMissEvent,
  ChannelAttributes,
  ChannelAuthResponse,
  ChannelExistenceEvent,
  ChannelInfoAttribute,
  ChannelState,
  ChannelsList,
  ClientEventWebhook,
  KnownWebhookEventName,
  PresenceData,
  PresenceMemberEvent,
  PresenceUsers,
  PusherDelivery,
  PusherErrorCode,
  QueryParamValue,
  ResponseErrorCode,
  SubscriptionCountEvent,
  TriggerResult,
  UnknownWebhookEvent,
  UserAuthResponse,
  UserData,
  ValidationErrorCode,
  WebhookEvent,
} from "@x/types";
export {
  PusherAbortError,
  PusherConfigError,
  PusherError,
  PusherHttpError,
  PusherNetworkError,
  PusherPartialDeliveryError,
  PusherQueueFullError,
  PusherResponseError,
  PusherTimeoutError,
  PusherValidationError,
  PusherWebhookError,
  isPusherAbortError,
  isPusherConfigError,
  isPusherError,
  isPusherHttpError,
  isPusherNetworkError,
  isPusherPartialDeliveryError,
  isPusherQueueFullError,
  isPusherResponseError,
  isPusherTimeoutError,
  isPusherValidationError,
  isPusherWebhookError,
} from "@x/types";
