/** A refusal as Pusher answers it; each factory says where its wording comes from ("ours": not published). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

export const refusals = {
  // pusher/pusher-js#592: the body of a 404 from api-*.pusher.com.
  notFound: () => new ApiError(404, "404 NOT FOUND"),
  // The signature gem Pusher's API authenticates with (mloughran/signature, spec/signature_spec.rb).
  missingParameter: (name: string) => new ApiError(401, `Missing parameter: ${name}`),
  // pusher/pusher-http-php#118 (HTTP 400) and pusher/pusher-http-ruby#96.
  unknownKey: () => new ApiError(400, "Unknown auth_key"),
  // The signature gem, as above.
  versionRequired: () => new ApiError(401, "Version required"),
  versionNotSupported: () => new ApiError(401, "Version not supported"),
  timestampRequired: () => new ApiError(401, "Timestamp required"),
  // The signature gem and pusher/pusher-http-ruby#49.
  timestampExpired: (given: number, now: number) =>
    new ApiError(401, `Timestamp expired: Given timestamp (${iso(given)}) not within 600s of server time (${iso(now)})`),
  // The signature gem and pusher/pusher-http-go#91 (HTTP 401).
  invalidSignature: (stringToSign: string, sent: string) =>
    new ApiError(
      401,
      `Invalid signature: you should have sent HmacSHA256Hex(${JSON.stringify(stringToSign)}, your_secret_key), but you sent ${JSON.stringify(sent)}`,
    ),
  // Wording of poxa, a Pusher-compatible server (edgurgel/poxa); Pusher's own is not published.
  bodyMd5Mismatch: () => new ApiError(401, "body_md5 does not match"),
  // Wording ours: the reference requires body_md5 on every request with a body.
  bodyMd5Required: () => new ApiError(401, "body_md5 required for a request with a body"),
  // Wording ours.
  invalidJson: () => new ApiError(400, "Request body is not a JSON object"),
  // pusher/pusher-http-swift Tests/PusherTests/EventTriggerTests.swift ("Missing required parameter: channel").
  missingRequired: (name: string) => new ApiError(400, `Missing required parameter: ${name}`),
  // pusher/pusher-js#727 ("Expected name parameter to be a string"); the same form for other fields.
  notAString: (name: string) => new ApiError(400, `Expected ${name} parameter to be a string`),
  // pusher/pusher-http-swift EventTriggerTests.swift ("Batch too large (11 > 10)").
  batchTooLarge: (size: number, max: number) => new ApiError(400, `Batch too large (${size} > ${max})`),
  // Wording ours, in the form of "Batch too large"; the limit is the reference's.
  tooManyChannels: (count: number, max: number) => new ApiError(400, `Too many channels (${count} > ${max})`),
  // Wording ours; the rules are those of the reference's "Channel naming conventions".
  invalidChannel: (name: unknown) => new ApiError(400, `Invalid channel name: ${JSON.stringify(name)}`),
  invalidEventName: (name: string) => new ApiError(400, `Invalid event name: ${JSON.stringify(name)} (1 to 200 characters)`),
  invalidSocketId: (id: unknown) => new ApiError(400, `Invalid socket_id: ${JSON.stringify(id)}`),
  invalidUserId: (id: string) => new ApiError(400, `Invalid user id: ${JSON.stringify(id)}`),
  // pusher/pusher-http-ruby#142 (Bad request: 400).
  reservedEventName: () => new ApiError(400, "The 'pusher' namespace is reserved for internal usage"),
  // pusher/pusher-http-python#220 (413); the "See" sentence as Laravel apps log Pusher's answer.
  payloadTooLarge: (max: number) =>
    new ApiError(
      413,
      `The data content of this event exceeds the allowed maximum (${max} bytes). See https://pusher.com/docs/channels/server_api/http-api#publishing-events for more info`,
    ),
  // pusher/pusher-http-swift Tests/PusherTests/AppStateQueryTests.swift, for the next three.
  userCountNeedsPresenceFilter: () =>
    new ApiError(400, "user_count may only be requested for presence channels - please supply filter_by_prefix begining with presence-"),
  userCountNeedsPresenceChannel: () => new ApiError(400, "Cannot retrieve the user count unless the channel is a presence channel"),
  usersNeedPresenceChannel: () => new ApiError(400, "Users can only be retrieved for presence channels"),
};
