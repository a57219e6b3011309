/**
 * The credentials of a Pusher Channels app (docs/protocol.md §1). App ids are strings: self-hosted servers use ids like
 * `app-id`.
 * @example const credentials: AppCredentials = { appId: "123", key: "abc", secret: process.env.PUSHER_SECRET! };
 */
export interface AppCredentials {
  appId: string;
  key: string;
  secret: string;
}

/**
 * A key and its secret: all that signing an auth response or checking a webhook needs.
 * @example const keyPair: KeyCredentials = { key: "abc", secret: process.env.PUSHER_SECRET! };
 */
export interface KeyCredentials {
  key: string;
  secret: string;
}

/**
 * Where the HTTP API lives and how to reach it (docs/protocol.md §1).
 * @example const local: ConnectionOptions = { host: "127.0.0.1", port: 6001, useTLS: false };
 */
export interface ConnectionOptions {
  /** The cluster the app was created in; the host becomes `api-<cluster>.pusher.com`. @default "mt1" */
  cluster?: string;
  /** An explicit API host (no scheme, no port); wins over `cluster`. */
  host?: string;
  /** The port; left out of URLs unless set. */
  port?: number;
  /** HTTPS when true, plain HTTP (local servers) when false. @default true */
  useTLS?: boolean;
}

/**
 * The end-to-end encryption setting (docs/protocol.md §6).
 * @example const options: EncryptionOptions = { encryptionMasterKeyBase64: process.env.PUSHER_MASTER_KEY };
 */
export interface EncryptionOptions {
  /** Base64 of a 32-byte master key, from which each encrypted channel's key is derived. */
  encryptionMasterKeyBase64?: string;
}
