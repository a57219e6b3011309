import { PusherValidationError } from "@x/types";

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Standard padded base64 of some bytes, without `Buffer` (every runtime has `btoa`). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Decodes standard padded base64 strictly; anything else throws `invalid_encrypted_payload` naming `field`. */
export function base64ToBytes(base64: string, field: string): Uint8Array {
  if (!BASE64.test(base64)) {
    throw new PusherValidationError("invalid_encrypted_payload", field, `${field} is not valid base64`);
  }
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
