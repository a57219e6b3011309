// The public vocabulary of the @x packages; what they share beyond it is in internal.ts.
export type { AppCredentials, ConnectionOptions, EncryptionOptions, KeyCredentials } from "./config-types.js";
export { PusherConfigError, isPusherConfigError } from "./errors/config-error.js";
export type { PusherHttpErrorDetails } from "./errors/http-error.js";
export { PusherHttpError, isPusherHttpError } from "./errors/http-error.js";
export { PusherPartialDeliveryError, isPusherPartialDeliveryError } from "./errors/partial-delivery-error.js";
export type { PusherErrorCode, ResponseErrorCode, ValidationErrorCode } from "./errors/pusher-error.js";
export { PusherError, isPusherError } from "./errors/pusher-error.js";
export { PusherQueueFullError, isPusherQueueFullError } from "./errors/queue-full-error.js";
export type { PusherResponseErrorDetails } from "./errors/response-error.js";
export { PusherResponseError, isPusherResponseError } from "./errors/response-error.js";
export type { PusherDelivery, PusherRequestFailureOptions, PusherRequestTarget } from "./errors/transport-errors.js";
export {
  PusherAbortError,
  PusherNetworkError,
  PusherTimeoutError,
  isPusherAbortError,
  isPusherNetworkError,
  isPusherTimeoutError,
} from "./errors/transport-errors.js";
export { PusherValidationError, isPusherValidationError } from "./errors/validation-error.js";
export { PusherWebhookError, isPusherWebhookError } from "./errors/webhook-error.js";
export type { NodeHandler, NodeRequestLike, NodeResponseLike } from "./node-handler/node-message-types.js";
export { toNodeHandler } from "./node-handler/to-node-handler.js";
export type {
  BatchTriggerResult,
  ChannelAttributes,
  ChannelState,
  ChannelsList,
  PresenceUsers,
  TriggerResult,
} from "./result-types.js";
export type { QueryParamValue } from "./validators/query-params.js";
export type {
  BatchEvent,
  ChannelAuthResponse,
  ChannelInfoAttribute,
  EncryptedPayload,
  PresenceData,
  UserAuthResponse,
  UserData,
} from "./wire-types.js";
