import type { Context } from "@opentelemetry/api";
import { BasicTracerProvider, type ReadableSpan, type Span, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { createRestClient, type RequestHooks } from "@x/rest";
import { openTelemetryHooks } from "@x/rest/otel";
import { z } from "zod";
import { APP, EVENT } from "./fixtures.js";
import { TRIGGER_CONTENDERS, type TriggerContender } from "./trigger-contenders.js";

// The hook-cost contenders (issue 17) and the contract one (issue 24): the same `@x/rest` client as
// the plain contender, with hooks or eventSchemas. In a file of their own so that the Bun/Deno suite,
// which has neither OpenTelemetry nor zod installed, does not load them.

/** `@x/rest` with all four hooks, each doing nothing: the cost of the hook calls themselves. */
export function oursWithNoopHooksTrigger(port: number): TriggerContender {
  const hooks: RequestHooks = { onRequest: () => {}, onRetry: () => {}, onResponse: () => {}, onError: () => {} };
  const client = createRestClient({ ...APP, host: "127.0.0.1", port, useTLS: false, hooks });
  return {
    name: TRIGGER_CONTENDERS.oursWithNoopHooks,
    trigger: () => client.trigger(EVENT.channel, EVENT.name, EVENT.data),
    close: () => {},
  };
}

/** A trigger contender that also reports how many spans its tracer ended. */
export interface TracedTriggerContender extends TriggerContender {
  spansEnded(): number;
}

/**
 * `@x/rest` with `openTelemetryHooks()` over a real SDK tracer: a `BasicTracerProvider` (always
 * sampled, so every span records its attributes) whose one span processor counts the spans that
 * end and drops them. What is measured is the spans' making, not an exporter's work.
 */
export function oursWithOpenTelemetryTrigger(port: number): TracedTriggerContender {
  let ended = 0;
  const dropSpans: SpanProcessor = {
    onStart: (_span: Span, _context: Context) => {},
    onEnd: (_span: ReadableSpan) => {
      ended++;
    },
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
  const provider = new BasicTracerProvider({ spanProcessors: [dropSpans] });
  const hooks = openTelemetryHooks({ tracer: provider.getTracer("x-bench") });
  const client = createRestClient({ ...APP, host: "127.0.0.1", port, useTLS: false, hooks });
  return {
    name: TRIGGER_CONTENDERS.oursWithOpenTelemetry,
    trigger: () => client.trigger(EVENT.channel, EVENT.name, EVENT.data),
    close: () => void provider.shutdown(),
    spansEnded: () => ended,
  };
}

/** `@x/rest` with a zod `eventSchemas` for the event: the cost of checking its data on every trigger. */
export function oursWithContractTrigger(port: number): TriggerContender {
  const eventSchemas = { [EVENT.name]: z.object({ message: z.string(), n: z.number().int() }) };
  const client = createRestClient({ ...APP, host: "127.0.0.1", port, useTLS: false, eventSchemas });
  return {
    name: TRIGGER_CONTENDERS.oursWithContract,
    trigger: () => client.trigger(EVENT.channel, EVENT.name, EVENT.data),
    close: () => {},
  };
}
