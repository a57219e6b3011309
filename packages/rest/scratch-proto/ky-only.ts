import ky from "ky";
const url = "http://127.0.0.1:1/apps/3/events?auth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f&auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c";
const body = JSON.stringify({ name: "bench-event", channels: ["bench-channel"], data: '{"message":"hello world","n":42}' });
const headers = { accept: "application/json", "x-pusher-library": "@x/rest 0.1.0", "content-type": "application/json" };
class TextResponse extends Response { #t: string; constructor(t: string, init: ResponseInit) { super(null, init); this.#t = t; } override text() { return Promise.resolve(this.#t); } }
const api = ky.create({ fetch: () => Promise.resolve(new TextResponse("{}", { status: 200 })), timeout: 10000, parseJson: (text) => text });
for (let i = 0; i < 60000; i++) await api(url, { method: "POST", body, headers, retry: 0 }).json();
