import type { OpenTelemetryHooksOptions } from "@x/rest/otel";

/** A span as the recording tracer saw it: everything `openTelemetryHooks` recorded on it. */
export interface RecordedSpan {
  name: string;
  options: unknown;
  attributes: Record<string, unknown>;
  events: { name: string; attributes: unknown }[];
  status: unknown;
  ended: boolean;
}

/**
 * An OpenTelemetry tracer that keeps every span it makes in `spans`, with the calls that
 * `openTelemetryHooks` makes on a span (attributes, events, status, end): what an exporter would
 * receive, without an SDK.
 *
 * @example
 * ```ts
 * const { tracer, spans } = recordingTracer();
 * const client = createRestClient({ ...options, hooks: openTelemetryHooks({ tracer }) });
 * ```
 */
export function recordingTracer(): { tracer: NonNullable<OpenTelemetryHooksOptions["tracer"]>; spans: RecordedSpan[] } {
  const spans: RecordedSpan[] = [];
  const tracer = {
    startSpan(name: string, options: { attributes?: Record<string, unknown> } = {}) {
      const record: RecordedSpan = { name, options, attributes: { ...options.attributes }, events: [], status: undefined, ended: false };
      spans.push(record);
      const span = {
        setAttribute(key: string, value: unknown) {
          record.attributes[key] = value;
          return span;
        },
        addEvent(eventName: string, attributes: unknown) {
          record.events.push({ name: eventName, attributes });
          return span;
        },
        setStatus(status: unknown) {
          record.status = status;
          return span;
        },
        end() {
          record.ended = true;
        },
      };
      return span;
    },
  };
  return { tracer: tracer as unknown as NonNullable<OpenTelemetryHooksOptions["tracer"]>, spans };
}
