import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { Span, Tracer } from "@opentelemetry/api";
import { isPusherHttpError, isPusherNetworkError } from "@x/types";
import { readFields, requireOption } from "@x/types/internal";
import type { ObservedRequest, RequestHooks } from "../observe/request-hooks.js";
import { VERSION } from "../version.js";

/**
 * The options of {@link openTelemetryHooks}.
 *
 * @example
 * ```ts
 * const hooks = openTelemetryHooks({ tracer: provider.getTracer("orders-service") });
 * ```
 */
export interface OpenTelemetryHooksOptions {
  /** The tracer that makes the spans. @default the global tracer provider's `@x/rest` tracer */
  tracer?: Tracer;
}

/**
 * Hooks that make each call of a client a CLIENT span, after OpenTelemetry's semantic conventions
 * for HTTP: `http.request.method`, `url.full` (without the query, which holds the key and the
 * signature), `server.address`, `server.port`, `http.response.status_code`,
 * `http.request.resend_count` and a `retry` event per retry, and on failure `error.type` and an
 * error status. Needs the optional peer dependency `@opentelemetry/api`.
 *
 * @example
 * ```ts
 * import { createRestClient } from "@x/rest";
 * import { openTelemetryHooks } from "@x/rest/otel";
 *
 * const client = createRestClient({ ...credentials, hooks: openTelemetryHooks() });
 * ```
 */
export function openTelemetryHooks(options: OpenTelemetryHooksOptions = {}): RequestHooks {
  const fields = readFields(options, ["tracer"]);
  requireOption(fields !== undefined, "options", "an object such as { tracer }");
  const tracer = (fields.tracer as Tracer | undefined) ?? trace.getTracer("@x/rest", VERSION);
  const spans = new WeakMap<ObservedRequest, Span>();
  return {
    onRequest(request) {
      const url = new URL(request.url);
      const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
      const attributes = {
        "http.request.method": request.method,
        "url.full": request.url,
        "server.address": url.hostname,
        "server.port": port,
      };
      spans.set(request, tracer.startSpan(request.method, { kind: SpanKind.CLIENT, attributes }));
    },
    onRetry(request, { attempt, reason }) {
      const span = spans.get(request);
      span?.setAttribute("http.request.resend_count", attempt);
      span?.addEvent("retry", { attempt, reason });
    },
    onResponse(request, { status }) {
      const span = spans.get(request);
      span?.setAttribute("http.response.status_code", status);
      span?.end();
    },
    onError(request, { error }) {
      const span = spans.get(request);
      if (span === undefined) return;
      if (isPusherHttpError(error)) span.setAttribute("http.response.status_code", error.status);
      span.setAttribute("error.type", (isPusherNetworkError(error) && error.systemCode) || error.code);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      span.end();
    },
  };
}
