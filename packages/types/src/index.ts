/**
 * What the `@x` packages share with their users: the errors and their guards, the wire, result and configuration types,
 * and `toNodeHandler`. @packageDocumentation
 */
export type { AppCredentials, ConnectionOptions, EncryptionOptions, KeyCredentials } from "./config-types.js";
export {
  PusherConfigError,
  PusherValidationError,
  PusherWebhookError,
  isPusherConfigError,
  isPusherValidationError,
  isPusherWebhookError,
} from "./errors/input-errors.js";
export { PusherError, isPusherError } from "./errors/pusher-error.js";
export type { PusherErrorCode, ResponseErrorCode, ValidationErrorCode } from "./errors/pusher-error.js";
export type { PusherDelivery } from "./errors/request-errors.js";
export {
  PusherAbortError,
  PusherHttpError,
  PusherNetworkError,
  PusherPartialDeliveryError,
  PusherQueueFullError,
  PusherResponseError,
  PusherTimeoutError,
  isPusherAbortError,
  isPusherHttpError,
  isPusherNetworkError,
  isPusherPartialDeliveryError,
  isPusherQueueFullError,
  isPusherResponseError,
  isPusherTimeoutError,
} from "./errors/request-errors.js";
export type { EventData, EventSchemas } from "./event-schemas.js";
export type { NodeHandler, NodeRequestLike, NodeResponseLike } from "./node-handler/to-node-handler.js";
export { toNodeHandler } from "./node-handler/to-node-handler.js";
export type {
  BatchEvent,
  BatchTriggerResult,
  ChannelAttributes,
  ChannelAuthResponse,
  ChannelInfoAttribute,
  ChannelState,
  ChannelsList,
  EncryptedPayload,
  PresenceData,
  PresenceUsers,
  QueryParamValue,
  TriggerResult,
  UserAuthResponse,
  UserData,
} from "./wire-types.js";
