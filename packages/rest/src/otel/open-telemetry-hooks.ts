import { SpanKind, SpanStatusCode, trace, type Span, type Tracer } from "@opentelemetry/api";
import { isPusherHttpError, isPusherNetworkError } from "@x/types";
import type { ObservedRequest, RequestHooks } from "../observe/request-hooks.js";
import { VERSION } from "../version.js";

/**
 * The options of {@link openTelemetryHooks}.
 *
 * @example
 * ```ts
 * const options: OpenTelemetryHooksOptions = { tracer: provider.getTracer("orders-service") };
 * ```
 */
export interface OpenTelemetryHooksOptions {
  /** The tracer that makes the spans. @default the global tracer provider's `@x/rest` tracer */
  tracer?: Tracer;
}

/**
 * Hooks that make each call of a client a client span, following OpenTelemetry's semantic
 * conventions for HTTP: named after the method, with `http.request.method`, `url.full` (without
 * the query, which holds the key and the signature), `server.address`, `server.port`,
 * `http.response.status_code`, `http.request.resend_count` for retries (each also an event), and
 * on failure `error.type` (the SDK's error code) and an error status. Needs the optional peer
 * dependency `@opentelemetry/api`; the rest of `@x/rest` never loads it.
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
  const tracer = options.tracer ?? trace.getTracer("@x/rest", VERSION);
  const spans = new WeakMap<ObservedRequest, Span>();
  return {
    onRequest(request) {
      const url = new URL(request.url);
      const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
      const span = tracer.startSpan(request.method, {
        kind: SpanKind.CLIENT,
        attributes: {
          "http.request.method": request.method,
          "url.full": request.url,
          "server.address": url.hostname,
          "server.port": port,
        },
      });
      spans.set(request, span);
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
      const detail = isPusherNetworkError(error) ? error.systemCode : undefined;
      span.setAttribute("error.type", detail ?? error.code);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      span.end();
    },
  };
}
