// The demo page: join the presence channel under a name, chat, and watch the server's webhooks.
// Plain browser JavaScript, served as written; pusher-js is loaded before it.
"use strict";

const MAX_WEBHOOKS = 50;
const TYPING_EVERY_MS = 2000;
const TYPING_SHOWN_MS = 3000;

const byId = (id) => document.getElementById(id);
const webhooks = new Map(); // id → logged webhook, merged from the history and live events
const names = new Map(); // user id → name, to show names in the webhook panel

function postJson(path, body) {
  return fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

function showNotice(text) {
  byId("notice").textContent = text;
  byId("notice").hidden = false;
}

function renderMembers(members) {
  const items = [];
  members.each((member) => {
    names.set(member.id, member.info.name);
    const item = document.createElement("li");
    item.dataset.userId = member.id;
    item.textContent = member.id === members.me.id ? `${member.info.name} (you)` : member.info.name;
    items.push(item);
  });
  byId("members").replaceChildren(...items);
}

function showMessage(message, isOwn) {
  const item = document.createElement("li");
  item.dataset.messageId = message.id;
  if (isOwn) item.className = "own";
  const author = document.createElement("strong");
  author.textContent = message.name;
  const text = document.createElement("span");
  text.className = "text";
  text.textContent = message.text;
  item.append(author, ": ", text);
  byId("messages").append(item);
  item.scrollIntoView({ block: "nearest" });
}

function describeWebhook({ timeMs, event }) {
  const item = document.createElement("li");
  item.dataset.event = event.name;
  const parts = [new Date(timeMs).toLocaleTimeString(), event.name];
  if (event.event) parts.push(event.event);
  if (event.user_id) parts.push(names.get(event.user_id) ?? event.user_id);
  item.textContent = parts.join("  ");
  return item;
}

function showWebhooks(entries) {
  for (const entry of entries) webhooks.set(entry.id, entry);
  const newestFirst = [...webhooks.values()].sort((a, b) => b.id - a.id).slice(0, MAX_WEBHOOKS);
  byId("webhooks").replaceChildren(...newestFirst.map(describeWebhook));
}

async function refreshState() {
  const response = await fetch("/api/state");
  byId("state").textContent = JSON.stringify(await response.json(), null, 2);
}

function connect(config) {
  const { key, ...options } = config.connection;
  const pusher = new Pusher(key, {
    ...options,
    // Both endpoints read the session cookie that joining set.
    channelAuthorization: { endpoint: "/pusher/auth", transport: "ajax" },
    userAuthentication: { endpoint: "/pusher/user-auth", transport: "ajax" },
  });
  pusher.connection.bind("state_change", ({ current }) => (byId("status").textContent = current));
  // On a local cluster, each page is on one of the nodes.
  if (config.node) byId("node").textContent = ` on node ${config.node.index + 1} of ${config.node.of} (port ${options.wsPort})`;
  pusher.signin();

  // Subscribe to the forwarded webhooks first, then load the history: an event is either in
  // the history or arrives live (or both: the map keeps one copy).
  const webhookChannel = pusher.subscribe(config.webhookChannel);
  webhookChannel.bind("webhook", (entry) => showWebhooks([entry]));
  webhookChannel.bind("pusher:subscription_succeeded", async () => {
    const response = await fetch("/api/webhooks");
    showWebhooks((await response.json()).webhooks);
  });

  const chat = pusher.subscribe(config.chatChannel);
  chat.bind("pusher:subscription_error", ({ status }) => showNotice(`Could not join the chat (HTTP ${status}).`));
  const onMembersChanged = () => {
    renderMembers(chat.members);
    void refreshState();
  };
  chat.bind("pusher:subscription_succeeded", onMembersChanged);
  chat.bind("pusher:member_added", onMembersChanged);
  chat.bind("pusher:member_removed", onMembersChanged);
  chat.bind("message", (message) => showMessage(message, false));

  // Typing notices are client events: browser to browser, signed by the presence membership.
  let typingTimer;
  chat.bind("client-typing", (_data, metadata) => {
    const member = chat.members.get(metadata.user_id);
    byId("typing").textContent = `${member ? member.info.name : "Someone"} is typing…`;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => (byId("typing").textContent = ""), TYPING_SHOWN_MS);
  });
  let lastTypingAt = 0;
  byId("message-text").addEventListener("input", () => {
    if (Date.now() - lastTypingAt < TYPING_EVERY_MS) return;
    lastTypingAt = Date.now();
    chat.trigger("client-typing", {});
  });

  byId("message-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const input = byId("message-text");
    const response = await postJson("/api/messages", { text: input.value, socketId: pusher.connection.socket_id });
    const body = await response.json();
    if (!response.ok) return showNotice(body.error);
    // Pusher does not send the message back to this socket: show it once, from the answer.
    showMessage(body, true);
    input.value = "";
  });
  byId("refresh-state").addEventListener("click", () => void refreshState());
}

async function main() {
  const config = await (await fetch("/api/config")).json();
  byId("join-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const response = await postJson("/api/session", { name: byId("name").value });
    const body = await response.json();
    if (!response.ok) return showNotice(body.error);
    byId("notice").hidden = true;
    byId("join-form").hidden = true;
    byId("room").hidden = false;
    byId("me").textContent = `as ${body.user.name}`;
    connect(config);
  });
}

main().catch((error) => showNotice(`The demo could not start: ${error}`));
