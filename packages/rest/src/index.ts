export type { Publisher, PublisherOptions, PublisherStats } from "./publisher/create-publisher.js";
export { createPublisher } from "./publisher/create-publisher.js";
export { createRestClient } from "./create-rest-client.js";
export type { FailureReport, ObservedRequest, RequestHooks, ResponseReport, RetryReport } from "./observe/request-hooks.js";
export type {
  ApiRequestOptions,
  ApiResponse,
  ChannelOptions,
  ChannelsOptions,
  QueryParams,
  RequestOptions,
  RestClient,
  TriggerOptions,
} from "./rest-client.js";
export type { RestClientOptions, RetryOptions } from "./options/rest-client-options.js";
export { VERSION } from "./version.js";
// The vocabulary of this client's API, from @x/types, so that one install is enough.
export type {
  BatchEvent,
  BatchTriggerResult,
  ChannelAttributes,
  ChannelInfoAttribute,
  ChannelState,
  ChannelsList,
  PresenceUsers,
  PusherDelivery,
  PusherErrorCode,
  QueryParamValue,
  ResponseErrorCode,
  TriggerResult,
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
} from "@x/types";
