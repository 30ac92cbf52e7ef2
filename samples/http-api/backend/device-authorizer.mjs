/**
 * Lambda authorizer of the Tasks HTTP API for device tokens (payload format 2.0, simple responses).
 *
 * A device token is `<userId>.<deviceId>.<signature>`, where the signature is the base64url HMAC-SHA256 of
 * `<userId>.<deviceId>` under DEVICE_TOKEN_SECRET; the pairing service issues it. The authorizer answers
 * `{ isAuthorized, context }`; the context tells the tasks function which user and device the token belongs to.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** @param {{ headers?: Record<string, string>, identitySource?: string[] }} event */
export async function handler(event) {
  const token = event.identitySource?.[0] ?? event.headers?.["x-device-token"] ?? "";
  const parts = token.split(".");
  const secret = process.env.DEVICE_TOKEN_SECRET;
  if (parts.length !== 3 || !secret) return { isAuthorized: false };
  const [userId, deviceId, signature] = parts;
  const expected = createHmac("sha256", secret).update(`${userId}.${deviceId}`).digest("base64url");
  const given = Buffer.from(signature);
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { isAuthorized: false };
  return { isAuthorized: true, context: { userId, deviceId } };
}
