/**
 * The credentials of a Pusher Channels app (docs/protocol.md §1); self-hosted servers use app ids like `app-id`.
 * @example const credentials: AppCredentials = { appId: "123", key: "abc", secret: process.env.PUSHER_SECRET! };
 */
export interface AppCredentials {
  appId: string;
  key: string;
  secret: string;
}

/** All that signing an auth or checking a webhook needs. @example const keys: KeyCredentials = { key: "abc", secret }; */
export interface KeyCredentials {
  key: string;
  secret: string;
}

/**
 * Where the HTTP API lives: `host` wins over `cluster` (docs/protocol.md §1).
 * @example const local: ConnectionOptions = { host: "127.0.0.1", port: 6001 }; // plain HTTP
 */
export interface ConnectionOptions {
  /** The cluster the app was created in: the host is then `api-<cluster>.pusher.com`. @default "mt1" */
  cluster?: string;
  /** An explicit API host, with no scheme nor port. */
  host?: string;
  /** Left out of URLs unless set. */
  port?: number;
  /**
   * HTTPS, or plain HTTP. @default `false` for a loopback `host` (`localhost`, `127.x.x.x`, `[::1]`), where local servers
   * such as soketi speak plain HTTP; `true` for every other host
   */
  useTLS?: boolean;
}

/** End-to-end encryption (docs/protocol.md §6). @example const options: EncryptionOptions = { encryptionMasterKeyBase64 }; */
export interface EncryptionOptions {
  /** Base64 of a 32-byte master key, from which each encrypted channel's key is derived. */
  encryptionMasterKeyBase64?: string;
}
