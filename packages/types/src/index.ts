/**
 * What the `@x` packages share with their users: the errors and their guards, the wire, result and configuration types,
 * and `toNodeHandler`. @packageDocumentation
 */
export type * from "./config-types.js";
export * from "./errors/input-errors.js";
export { PusherError, isPusherError } from "./errors/pusher-error.js";
export type { PusherErrorCode, ResponseErrorCode, ValidationErrorCode } from "./errors/pusher-error.js";
export * from "./errors/request-errors.js";
export type { EventData, EventSchemas } from "./event-schemas.js";
export * from "./node-handler/to-node-handler.js";
export type * from "./wire-types.js";
