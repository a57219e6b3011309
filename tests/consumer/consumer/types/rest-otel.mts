// A TypeScript user of @x/rest/otel. Compiled from the installed tarball (strict), as an ES module
// (this file) and as CommonJS (a .cts copy): each @ts-expect-error proves the types are real.
import { trace } from "@opentelemetry/api";
import { createRestClient, type RestClient } from "@x/rest";
import { openTelemetryHooks, type OpenTelemetryHooksOptions } from "@x/rest/otel";

const options: OpenTelemetryHooksOptions = { tracer: trace.getTracer("orders-service") };
export const client: RestClient = createRestClient({ appId: "1", key: "key", secret: "secret", hooks: openTelemetryHooks(options) });

// @ts-expect-error: the tracer is an OpenTelemetry Tracer, not its name
openTelemetryHooks({ tracer: "orders-service" });
