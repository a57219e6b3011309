/**
 * What the `@x` packages share with each other: not public API, it may change in any release.
 * @internal @packageDocumentation
 */
export * from "./errors/request-details.js";
export * from "./http-endpoint.js";
export { isReencodedBody } from "./node-handler/to-web-request.js";
export * from "./validators/counts.js";
export * from "./validators/names.js";
export * from "./validators/options.js";
export * from "./validators/payload.js";
export * from "./validators/query-params.js";
export * from "./validators/read-fields.js";
// Last: the modules above keep their order in bundles.
export { resolveEventContract, validateEventData } from "./event-schemas.js";
export type { EventContract } from "./event-schemas.js";
