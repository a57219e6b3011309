export type { ChannelKind } from "./channel-kind.js";
export { channelKind, isEncryptedChannel, isPresenceChannel } from "./channel-kind.js";
export type { AppCredentials, ConnectionOptions, EncryptionOptions, KeyCredentials } from "./config-types.js";
export { PusherConfigError, isPusherConfigError } from "./errors/config-error.js";
export type { PusherHttpErrorDetails } from "./errors/http-error.js";
export { PusherHttpError, isPusherHttpError } from "./errors/http-error.js";
export { PusherPartialDeliveryError, isPusherPartialDeliveryError } from "./errors/partial-delivery-error.js";
export type { PusherErrorCode, ResponseErrorCode, ValidationErrorCode } from "./errors/pusher-error.js";
export { PusherError, isPusherError } from "./errors/pusher-error.js";
export { PusherQueueFullError, isPusherQueueFullError } from "./errors/queue-full-error.js";
export { positiveIntegerOption, requireOption } from "./errors/require-option.js";
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
  systemCodeOf,
} from "./errors/transport-errors.js";
export { PusherValidationError, isPusherValidationError } from "./errors/validation-error.js";
export { PusherWebhookError, isPusherWebhookError } from "./errors/webhook-error.js";
export {
  DEFAULT_MAX_BATCH_SIZE,
  DEFAULT_MAX_CHANNELS_PER_TRIGGER,
  DEFAULT_MAX_PAYLOAD_BYTES,
  MAX_CHANNEL_NAME_LENGTH,
  MAX_EVENT_NAME_LENGTH,
  MAX_USER_ID_LENGTH,
  MAX_WATCHLIST_SIZE,
  RESERVED_QUERY_PARAMS,
  SERVER_TO_USER_CHANNEL_PREFIX,
} from "./limits.js";
export type { BodyWithHeaders, LimitedBody } from "./read-body-with-limit.js";
export { readBodyWithLimit } from "./read-body-with-limit.js";
export { readPostBody } from "./read-post-body.js";
export { isJsonObject } from "./is-json-object.js";
export { errorResponse, jsonResponse } from "./json-response.js";
export { mediaTypeOf } from "./media-type.js";
export type { NodeHandler, NodeRequestLike, NodeResponseLike } from "./node-handler/node-message-types.js";
export { toNodeHandler } from "./node-handler/to-node-handler.js";
export { isReencodedBody } from "./node-handler/to-web-request.js";
export { redactSignedUrl } from "./redact-signed-url.js";
export type {
  BatchTriggerResult,
  ChannelAttributes,
  ChannelState,
  ChannelsList,
  PresenceUsers,
  TriggerResult,
} from "./result-types.js";
export type { ChannelNameOptions } from "./validators/channel-name.js";
export { validateChannelName } from "./validators/channel-name.js";
export { validateBatchSize, validateChannelCount } from "./validators/counts.js";
export { validateEncryptedChannelTrigger } from "./validators/encrypted-channels.js";
export { validateEventName } from "./validators/event-name.js";
export { validateKeyCredentials } from "./validators/key-credentials.js";
export { validateMasterKeyBase64 } from "./validators/master-key.js";
export { utf8ByteLength, validatePayloadSize } from "./validators/payload-size.js";
export { serializePresenceData, validatePresenceData } from "./validators/presence-data.js";
export type { QueryParamValue } from "./validators/query-params.js";
export { validateQueryParams } from "./validators/query-params.js";
export { readField, readFields, readObject } from "./validators/read-fields.js";
export { validateSocketId } from "./validators/socket-id.js";
export { serializeUserData, validateUserData } from "./validators/user-data.js";
export { validateUserId } from "./validators/user-id.js";
export type {
  CacheMissEvent,
  ChannelExistenceEvent,
  ClientEventWebhook,
  KnownWebhookEventName,
  PresenceMemberEvent,
  SubscriptionCountEvent,
  UnknownWebhookEvent,
  WebhookEvent,
} from "./webhook-events.js";
export type {
  BatchEvent,
  ChannelAuthResponse,
  ChannelInfoAttribute,
  EncryptedPayload,
  PresenceData,
  UserAuthResponse,
  UserData,
} from "./wire-types.js";
