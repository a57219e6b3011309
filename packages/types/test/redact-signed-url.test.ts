import { describe, expect, it } from "vitest";
import { redactSignedUrl } from "../src/internal.js";

describe("redactSignedUrl(url)", () => {
  it.each([
    [
      "redacts auth_key, auth_signature and body_md5 and keeps the rest",
      "https://api.pusher.com/apps/1/events?auth_key=k&auth_timestamp=1&auth_version=1.0&body_md5=abc&auth_signature=def&info=user_count",
      "https://api.pusher.com/apps/1/events?auth_key=REDACTED&auth_timestamp=1&auth_version=1.0&body_md5=REDACTED&auth_signature=REDACTED&info=user_count",
    ],
    ["leaves a URL without a query alone", "https://api.pusher.com/apps/1/channels", "https://api.pusher.com/apps/1/channels"],
    ["leaves an empty query alone", "https://api.pusher.com/x?", "https://api.pusher.com/x?"],
    [
      "keeps the fragment and redacts only the query before it",
      "https://h/p?auth_signature=abc#auth_signature=frag",
      "https://h/p?auth_signature=REDACTED#auth_signature=frag",
    ],
    [
      "redacts percent-encoded key names",
      "https://h/p?auth%5Fsignature=abc&body%5fmd5=def",
      "https://h/p?auth%5Fsignature=REDACTED&body%5fmd5=REDACTED",
    ],
    ["redacts upper-case key names", "https://h/p?AUTH_SIGNATURE=abc&Auth_Key=k", "https://h/p?AUTH_SIGNATURE=REDACTED&Auth_Key=REDACTED"],
    ["redacts a key given without a value", "https://h/p?auth_signature&x=1", "https://h/p?auth_signature=REDACTED&x=1"],
    [
      "redacts every repetition",
      "https://h/p?auth_signature=a&auth_signature=b",
      "https://h/p?auth_signature=REDACTED&auth_signature=REDACTED",
    ],
    ["keeps a malformed percent-encoded key as it is", "https://h/p?%E0%A4%A=1&auth_key=k", "https://h/p?%E0%A4%A=1&auth_key=REDACTED"],
    ["keeps values that merely contain a redacted name", "https://h/p?q=auth_signature%3Dabc", "https://h/p?q=auth_signature%3Dabc"],
    ["keeps a value with = signs whole", "https://h/p?auth_signature=a=b&x=c=d", "https://h/p?auth_signature=REDACTED&x=c=d"],
    ["handles a relative URL", "/apps/1/events?auth_key=k", "/apps/1/events?auth_key=REDACTED"],
    ["removes the userinfo", "https://key:secret@api.pusher.com/apps/1", "https://api.pusher.com/apps/1"],
    ["removes a userinfo whose password holds @", "https://key:se@cr@et@api.pusher.com/apps/1?x=1", "https://api.pusher.com/apps/1?x=1"],
    [
      "removes a userinfo before a query with no path",
      "http://key:secret@127.0.0.1:6001?auth_key=k",
      "http://127.0.0.1:6001?auth_key=REDACTED",
    ],
    ["keeps an @ that is in the path or query", "https://h/users/a@b?email=c@d", "https://h/users/a@b?email=c@d"],
  ])("%s", (_case, url, redacted) => {
    expect(redactSignedUrl(url)).toBe(redacted);
  });
});
