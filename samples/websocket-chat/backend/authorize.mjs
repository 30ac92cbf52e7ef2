/**
 * Connection authorizer of the Chat WebSocket API (Lambda REQUEST authorizer on $connect).
 *
 * A ticket is `<payload>.<signature>`: the payload is base64url JSON `{ userId, userName, room, exp }` (exp in
 * seconds since the epoch), the signature the base64url HMAC-SHA256 of the payload under TICKET_SECRET. The web
 * app issues tickets for one room and a minute of validity. The answer is an IAM policy for the connection, with
 * the user and room in the context the chat function reads.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** @param {{ methodArn: string, queryStringParameters?: Record<string, string> }} event */
export async function handler(event) {
  const query = event.queryStringParameters ?? {};
  const claims = verify(query.ticket ?? "", process.env.TICKET_SECRET ?? "", Date.now() / 1000);
  if (!claims || claims.room !== query.room) return policy("anonymous", "Deny", event.methodArn);
  return policy(claims.userId, "Allow", event.methodArn, { userId: claims.userId, userName: claims.userName, room: claims.room });
}

/** The ticket's claims when its signature is valid and it has not expired; otherwise undefined. */
function verify(ticket, secret, nowSeconds) {
  const [payload, signature, extra] = ticket.split(".");
  if (!payload || !signature || extra !== undefined || secret === "") return undefined;
  const expected = Buffer.from(createHmac("sha256", secret).update(payload).digest("base64url"));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let claims;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const valid =
    typeof claims?.userId === "string" &&
    typeof claims.userName === "string" &&
    typeof claims.room === "string" &&
    typeof claims.exp === "number" &&
    claims.exp > nowSeconds;
  return valid ? claims : undefined;
}

function policy(principalId, effect, resource, context) {
  return {
    principalId,
    policyDocument: { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: effect, Resource: resource }] },
    ...(context ? { context } : {}),
  };
}
