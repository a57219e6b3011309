import { Agent, request as httpRequest } from "node:http";
const agent = new Agent({ keepAlive: true });
export async function nodeFetch(input: Request, _init?: unknown): Promise<Response> {
  const body = input.method === "GET" ? undefined : await input.text();
  const url = new URL(input.url);
  const headers: Record<string, string> = {};
  input.headers.forEach((v, k) => { headers[k] = v; });
  return new Promise((resolve, reject) => {
    const req = httpRequest({ agent, hostname: url.hostname, port: url.port, path: url.pathname + url.search, method: input.method, headers, signal: input.signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const h = new Headers();
        for (let i = 0; i < res.rawHeaders.length; i += 2) h.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        resolve(new Response(Buffer.concat(chunks).toString("utf8"), { status: res.statusCode!, headers: h }));
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}
