import { refusals } from "./api-error.js";

// The reference's "Channel naming conventions"; `#server-to-user-<id>` is the one server channel.
const NAME_CHARS = "[A-Za-z0-9_\\-=@,.;]";
const CHANNEL = new RegExp(`^${NAME_CHARS}{1,164}$`);
const SERVER_TO_USER = new RegExp(`^#server-to-user-${NAME_CHARS}{1,200}$`);
const USER_ID = new RegExp(`^${NAME_CHARS}{1,200}$`);
const SOCKET_ID = /^\d+\.\d+$/;
const RESERVED_EVENT = /^pusher[-_:]/;

export const isPresenceChannel = (channel: string): boolean => channel.startsWith("presence-");

export const isCacheChannel = (channel: string): boolean => /^(private-encrypted-|private-|presence-)?cache-/.test(channel);

export const isValidChannelName = (name: string): boolean => CHANNEL.test(name) || SERVER_TO_USER.test(name);

export const isValidUserId = (id: string): boolean => USER_ID.test(id);

export function checkChannelName(name: unknown): string {
  if (typeof name !== "string" || !isValidChannelName(name)) throw refusals.invalidChannel(name);
  return name;
}

export function checkEventName(name: string): string {
  if (name.length < 1 || name.length > 200) throw refusals.invalidEventName(name);
  if (RESERVED_EVENT.test(name)) throw refusals.reservedEventName();
  return name;
}

export function checkSocketId(id: unknown): string | undefined {
  if (id === undefined || id === null) return undefined;
  if (typeof id !== "string" || !SOCKET_ID.test(id)) throw refusals.invalidSocketId(id);
  return id;
}
