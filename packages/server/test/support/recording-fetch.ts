// A `fetch` for unit tests, injected through the `fetch` option: it records every request as it
// would go on the wire and answers with JSON chosen by the test. No network is involved.

/** A request as the server would see it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The JSON body to answer a request with (`{}` unless the test says otherwise). */
export type Answer = (request: RecordedRequest) => unknown;

export interface RecordingFetch {
  fetch: typeof fetch;
  requests: RecordedRequest[];
}

/** A fetch that records each request and answers it with HTTP 200 and `answer(request)` as JSON. */
export function recordingFetch(answer: Answer = () => ({})): RecordingFetch {
  const requests: RecordedRequest[] = [];
  const fetchImplementation = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const recorded: RecordedRequest = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    };
    requests.push(recorded);
    return new Response(JSON.stringify(answer(recorded)), { status: 200, headers: { "content-type": "application/json" } });
  };
  return { fetch: fetchImplementation, requests };
}

/** The query of a recorded URL as an object. */
export function queryOf(request: RecordedRequest): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

/** The path of a recorded URL. */
export function pathOf(request: RecordedRequest): string {
  return new URL(request.url).pathname;
}
