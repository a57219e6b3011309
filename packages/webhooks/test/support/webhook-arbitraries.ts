// fast-check generators of webhook bodies (docs/protocol.md §7) shared by the differential and fuzz tests.
import fc from "fast-check";

const KNOWN_NAMES = new Set([
  "channel_occupied",
  "channel_vacated",
  "member_added",
  "member_removed",
  "client_event",
  "cache_miss",
  "subscription_count",
]);

const text = (maxLength = 24) => fc.string({ unit: "binary", maxLength });

export const credentialArb = fc.record({
  key: fc.string({ minLength: 1, maxLength: 16 }),
  secret: fc.string({ unit: "binary", minLength: 1, maxLength: 32 }),
});

export const credentialsArb = fc.array(credentialArb, { minLength: 1, maxLength: 3 });

/** One well-formed event of each kind docs/protocol.md §7 lists, or one of an unknown kind. */
export const wellFormedEventArb = fc.oneof(
  fc.record({ name: fc.constantFrom("channel_occupied", "channel_vacated", "cache_miss"), channel: text() }),
  fc.record({ name: fc.constantFrom("member_added", "member_removed"), channel: text(), user_id: text() }),
  fc.record(
    {
      name: fc.constant("client_event"),
      channel: text(),
      event: text(),
      data: fc.oneof(text(64), fc.jsonValue({ maxDepth: 2 })),
      socket_id: fc.string(),
      user_id: text(),
    },
    { requiredKeys: ["name", "channel", "event", "data", "socket_id"] },
  ),
  fc.record({ name: fc.constant("subscription_count"), channel: text(), subscription_count: fc.nat() }),
  fc.record(
    { name: text().filter((name) => !KNOWN_NAMES.has(name)), channel: text(), extra: fc.jsonValue({ maxDepth: 2 }) },
    { requiredKeys: ["name", "extra"] },
  ),
);

/** A well-formed webhook body, serialised compactly or indented (the bytes are what is signed). */
export const wellFormedBodyArb = fc
  .tuple(
    fc.record({ time_ms: fc.integer({ min: 0, max: 4_102_444_800_000 }), events: fc.array(wellFormedEventArb, { maxLength: 4 }) }),
    fc.constantFrom(0, 2),
  )
  .map(([payload, indent]) => JSON.stringify(payload, null, indent));

/** Bodies near a valid one and far from it: JSON of any shape, malformed events, random text. */
export const anyBodyArb = fc.oneof(
  wellFormedBodyArb,
  fc
    .record(
      {
        time_ms: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
        events: fc.oneof(fc.array(fc.oneof(wellFormedEventArb, fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 }), fc.jsonValue()),
      },
      { requiredKeys: [] },
    )
    .map((payload) => JSON.stringify(payload)),
  fc.json({ maxDepth: 3 }),
  fc.string({ unit: "binary", maxLength: 200 }),
);

/** One edit of a string: a character replaced by another one. */
export const editArb = fc.record({ at: fc.nat(), replacement: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) });

export function applyEdit(value: string, edit: { at: number; replacement: string }): string {
  if (value.length === 0) return edit.replacement;
  const at = edit.at % value.length;
  return value.slice(0, at) + edit.replacement + value.slice(at + 1);
}
