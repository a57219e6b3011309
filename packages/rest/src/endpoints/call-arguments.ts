import { PusherValidationError } from "@x/types";
import { readFields, refuseUnknownOptions } from "@x/types/internal";
import type { ResolvedOptions } from "../options/resolve-options.js";
import type { SendRequest } from "../request/send-request.js";

/** What every API call of one client shares: its checked options and how it sends a request. */
export interface ClientContext {
  options: ResolvedOptions;
  send: SendRequest;
}

/** The fields of a call's options, each read once; `signal` is always one of them. */
export type CallOptions<K extends string> = Partial<Record<K, unknown>> & { signal?: AbortSignal };

/** Reads a call's options: anything but `undefined` or an object, or a look-alike `signal`, is refused. */
export function callOptions<K extends string>(options: unknown, keys: readonly K[] = []): CallOptions<K> {
  const fields: Partial<Record<K | "signal", unknown>> | undefined = options === undefined ? {} : readFields(options, [...keys, "signal"]);
  if (fields === undefined) throw new PusherValidationError("invalid_params", "options", "options must be an object");
  refuseUnknownOptions(options, [...keys, "signal"]);
  // ky joins the signal to its timeout with AbortSignal.any, which takes no look-alike.
  const { signal } = fields;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new PusherValidationError("invalid_params", "options.signal", "options.signal must be an AbortSignal");
  }
  return fields as CallOptions<K>;
}

/** The wire form of an `info` list (docs/protocol.md §3): names joined by commas, `undefined` for none. */
export function infoParam(info: unknown, allowed: readonly string[], field: string): string | undefined {
  if (info === undefined) return undefined;
  if (!Array.isArray(info) || !info.every((attribute) => allowed.includes(attribute as string))) {
    const names = allowed.map((name) => JSON.stringify(name)).join(", ");
    throw new PusherValidationError("invalid_params", field, `${field} must be an array of ${names}`);
  }
  return info.length === 0 ? undefined : info.join(",");
}

/** Data or a body as sent (docs/protocol.md §3): a string as-is, else JSON-encoded once, or refused. */
export function toWireString(value: unknown, field: string): string {
  if (typeof value === "string") return value;
  try {
    const json = JSON.stringify(value) as string | undefined;
    if (json !== undefined) return json;
  } catch {
    // a BigInt or a cycle: refused below
  }
  throw new PusherValidationError("invalid_params", field, `${field} must be a string or JSON-encodable`);
}
