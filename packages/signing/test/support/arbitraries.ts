// fast-check arbitraries for the protocol's inputs (docs/protocol.md §4, §5), shared by the property tests.
import fc from "fast-check";

/** The channel-name (and user-id) character set of docs/protocol.md §4. */
export const CHANNEL_NAME_CHARACTERS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-=@,.;"];

/** The characters `encodeURIComponent` leaves alone: values made of them look the same encoded. */
export const UNRESERVED_CHARACTERS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()"];

/** A valid socket id: `^\d+\.\d+$`. */
export const socketIdArbitrary = fc.stringMatching(/^\d+\.\d+$/);

/** A valid channel name of 1–164 characters, public or with an authorizable prefix. */
export const channelNameArbitrary = fc.constantFrom("", "private-", "presence-", "private-encrypted-").chain((prefix) =>
  fc
    .string({
      unit: fc.constantFrom(...CHANNEL_NAME_CHARACTERS),
      minLength: prefix === "" ? 1 : 0,
      maxLength: 164 - prefix.length,
    })
    .map((rest) => prefix + rest),
);

/** A valid user id: 1–200 characters of the channel-name set. */
export const userIdArbitrary = fc.string({ unit: fc.constantFrom(...CHANNEL_NAME_CHARACTERS), minLength: 1, maxLength: 200 });

/** Any Unicode text (every code point, no lone surrogate). */
export const unicodeStringArbitrary = fc.string({ unit: "binary", maxLength: 40 });

/** Any sequence of UTF-16 code units, lone surrogates included (what a JS string can hold). */
export const codeUnitStringArbitrary = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
    fc.integer({ min: 0x10000, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint)),
  ),
  maxLength: 80,
});

/** A `user_info` object with Unicode keys and values. */
export const userInfoArbitrary = fc.dictionary(unicodeStringArbitrary, fc.oneof(unicodeStringArbitrary, fc.integer(), fc.boolean()), {
  maxKeys: 5,
});

/** Presence member data: a string `user_id` and optional `user_info`. */
export const presenceDataArbitrary = fc.record(
  { user_id: fc.string({ unit: "binary", minLength: 1, maxLength: 40 }), user_info: userInfoArbitrary },
  { requiredKeys: ["user_id"] },
);

/** User authentication data: `id`, optional `user_info`, optional `watchlist` of up to 100 ids. */
export const userDataArbitrary = fc.record(
  { id: userIdArbitrary, user_info: userInfoArbitrary, watchlist: fc.array(userIdArbitrary, { maxLength: 100 }) },
  { requiredKeys: ["id"] },
);

/** App credentials; the secret may hold any Unicode (it is HMAC'd as UTF-8). */
export const credentialsArbitrary = fc.record({
  key: fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
  secret: fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
});

/** A 32-byte master key. */
export const masterKeyArbitrary = fc.uint8Array({ minLength: 32, maxLength: 32 });
