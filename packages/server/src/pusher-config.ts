import type { RestClientOptions } from "@x/rest";

/**
 * Everything a {@link Pusher} needs, in one object: the app's credentials plus the options of
 * `@x/rest` (`cluster`, `host`, `port`, `useTLS`, `timeout`, `fetch`, `retry`,
 * `encryptionMasterKeyBase64`, `maxPayloadBytes`, `maxBatchSize`, `maxChannelsPerTrigger`).
 *
 * @example
 * ```ts
 * const config: PusherConfig = { appId: "123", key: "abc", secret: "s3cr3t", cluster: "eu" };
 * ```
 */
export type PusherConfig = RestClientOptions;

/**
 * The options that may follow `appId`, `key` and `secret` in `new Pusher(appId, key, secret, options)`,
 * like the seed's `PusherOptions`. `host` wins over `cluster`.
 *
 * @example
 * ```ts
 * const options: PusherOptions = { cluster: "eu", timeout: 5_000 };
 * ```
 */
export type PusherOptions = Omit<RestClientOptions, "appId" | "key" | "secret">;
