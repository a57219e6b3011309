export { createRestClient } from "./create-rest-client.js";
export { createPublisher } from "./publisher/create-publisher.js";
export type { Publisher, PublisherOptions, PublisherStats } from "./publisher/create-publisher.js";
export type { FailureReport, ObservedRequest, RequestHooks, ResponseReport, RetryReport } from "./observe/request-hooks.js";
export type { RestClientOptions, RetryOptions } from "./options/rest-client-options.js";
export type { ApiRequestOptions, ApiResponse, ChannelOptions, ChannelsOptions, QueryParams } from "./rest-client.js";
export type { ContractBatchEvent, EventInput, EventName, RequestOptions, RestClient, TriggerOptions } from "./rest-client.js";
export { VERSION } from "./version.js";
// The shared vocabulary: errors and their guards, wire and result types, the Node.js adapter.
export * from "@x/types";
