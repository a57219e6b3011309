import ky from "ky";
const url = "http://127.0.0.1:1/apps/3/events?auth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f&auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c";
const body = JSON.stringify({ name: "bench-event", channels: ["bench-channel"], data: '{"message":"hello world","n":42}' });
const headers = { accept: "application/json", "x-pusher-library": "@x/rest 0.1.0", "content-type": "application/json" };
async function time(name: string, n: number, fn: () => unknown) {
  for (let i = 0; i < 2000; i++) await fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const us = ((performance.now() - t) * 1000) / n;
  console.log(name.padEnd(40), us.toFixed(1), "µs/op");
}
const prebuilt = () => Promise.resolve(new Response("{}", { status: 200, headers: { "content-type": "application/json" } }));
class TextResponse extends Response { #t: string; constructor(t: string, init: ResponseInit) { super(null, init); this.#t = t; } override text() { return Promise.resolve(this.#t); } }
const api = ky.create({ fetch: prebuilt, timeout: 10000, parseJson: (text) => text });
const apiNullResp = ky.create({ fetch: () => Promise.resolve(new TextResponse("{}", { status: 200 })), timeout: 10000, parseJson: (text) => text });
const apiNoTimeout = ky.create({ fetch: prebuilt, timeout: false, parseJson: (text) => text });
const N = 20000;
await time("new Request POST with body", N, () => new Request(url, { method: "POST", body, headers }));
await time("new Request POST with body+signal", N, () => new Request(url, { method: "POST", body, headers, signal: new AbortController().signal }));
await time("new Request POST no body+signal", N, () => new Request(url, { method: "POST", headers, signal: new AbortController().signal }));
await time("request.text()", N, () => new Request(url, { method: "POST", body, headers }).text());
await time("new Response(text)+text()", N, () => new Response("{}", { status: 200, headers: { "content-type": "application/json" } }).text());
await time("new TextResponse+text()", N, () => new TextResponse("{}", { status: 200, headers: { "content-type": "application/json" } }).text());
await time("new AbortController", N, () => new AbortController());
await time("ky POST body retry0", N, () => api(url, { method: "POST", body, headers, retry: 0 }).json());
await time("ky POST body retry0 nullresp", N, () => apiNullResp(url, { method: "POST", body, headers, retry: 0 }).json());
await time("ky POST nobody retry0 nullresp", N, () => apiNullResp(url, { method: "POST", headers, retry: 0 }).json());
await time("ky POST body retry0 no timeout", N, () => apiNoTimeout(url, { method: "POST", body, headers, retry: 0 }).json());
await time("ky GET retry2", N, () => api(url, { method: "GET", headers, retry: { limit: 2, methods: ["get"] } }).json());
