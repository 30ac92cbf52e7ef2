/**
 * The chat function behind the Chat WebSocket API: Lambda proxy on every route but ping (a mock) and reportMessage
 * (which API Gateway sends to the moderators' SQS queue itself).
 *
 * Connections are kept in the DynamoDB table CONNECTIONS_TABLE (partition key `connectionId`, global secondary
 * index `room-index` on `room`), so every function instance sees every connection. Messages to clients go
 * through the API's @connections endpoint. Uses only the AWS SDK v3 clients that the Node.js 20 Lambda runtime
 * ships, so the folder has no dependencies to install.
 */
import { randomUUID } from "node:crypto";
import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand } from "@aws-sdk/client-dynamodb";
import { ApiGatewayManagementApiClient, GoneException, PostToConnectionCommand } from "@aws-sdk/client-apigatewaymanagementapi";

const dynamo = new DynamoDBClient({});
const table = process.env.CONNECTIONS_TABLE;
/** Connections are forgotten a day after they opened even if $disconnect never came. */
const CONNECTION_TTL_SECONDS = 24 * 60 * 60;

/**
 * @param {any} event API Gateway WebSocket event (requestContext.routeKey, connectionId, authorizer; body)
 */
export async function handler(event) {
  const { routeKey, connectionId, domainName, stage } = event.requestContext;
  const push = pusher(`https://${domainName}/${stage}`);
  switch (routeKey) {
    case "$connect":
      return connect(connectionId, event.requestContext.authorizer, push);
    case "$disconnect":
      return disconnect(connectionId, push);
    case "sendMessage":
      return sendMessage(connectionId, parse(event.body), push);
    case "typing":
      return typing(connectionId, parse(event.body), push);
    default:
      await push(connectionId, { type: "error", message: "Unknown action; use sendMessage, typing, ping or reportMessage" });
      return { statusCode: 200 };
  }
}

async function connect(connectionId, authorizer, push) {
  const user = { id: authorizer.userId, name: authorizer.userName };
  const room = authorizer.room;
  const now = Math.floor(Date.now() / 1000);
  await dynamo.send(
    new PutItemCommand({
      TableName: table,
      Item: {
        connectionId: { S: connectionId },
        room: { S: room },
        userId: { S: user.id },
        userName: { S: user.name },
        expiresAt: { N: String(now + CONNECTION_TTL_SECONDS) },
      },
    }),
  );
  // The new connection cannot receive messages until $connect returns; tell the others.
  await broadcast(room, { type: "userJoined", room, user }, push, connectionId);
  return { statusCode: 200 };
}

async function disconnect(connectionId, push) {
  const removed = await dynamo.send(
    new DeleteItemCommand({ TableName: table, Key: { connectionId: { S: connectionId } }, ReturnValues: "ALL_OLD" }),
  );
  const item = removed.Attributes;
  if (item) await broadcast(item.room.S, { type: "userLeft", room: item.room.S, user: userOf(item) }, push, connectionId);
  return { statusCode: 200 };
}

async function sendMessage(connectionId, body, push) {
  const problem = sendMessageProblem(body);
  if (problem) {
    await push(connectionId, { type: "error", message: problem });
    return { statusCode: 400 };
  }
  const sender = await connection(connectionId);
  const message = {
    type: "newMessage",
    messageId: randomUUID(),
    room: sender.room.S,
    from: userOf(sender),
    text: body.text,
    sentAt: new Date().toISOString(),
  };
  await broadcast(message.room, message, push);
  // Two-way route: API Gateway sends this body back to the sender.
  const reply = { type: "messageAccepted", clientMessageId: body.clientMessageId, messageId: message.messageId, sentAt: message.sentAt };
  return { statusCode: 200, body: JSON.stringify(reply) };
}

async function typing(connectionId, body, push) {
  if (typeof body?.typing !== "boolean") {
    await push(connectionId, { type: "error", message: "typing must be true or false" });
    return { statusCode: 400 };
  }
  const sender = await connection(connectionId);
  await broadcast(sender.room.S, { type: "typing", room: sender.room.S, user: userOf(sender), typing: body.typing }, push, connectionId);
  return { statusCode: 200 };
}

/** Why `body` is not a SendMessage, or undefined. */
function sendMessageProblem(body) {
  if (typeof body !== "object" || body === null) return "The message must be a JSON object";
  if (typeof body.text !== "string" || body.text.length < 1 || body.text.length > 2000) return "text must be 1 to 2000 characters";
  if (typeof body.clientMessageId !== "string" || body.clientMessageId.length > 64) return "clientMessageId must be a string of at most 64 characters";
  return undefined;
}

async function connection(connectionId) {
  const found = await dynamo.send(new GetItemCommand({ TableName: table, Key: { connectionId: { S: connectionId } } }));
  const item = found.Item;
  if (!item) throw new Error(`Connection ${connectionId} is not registered`);
  return item;
}

/** Sends `message` to every connection of `room` except `except`; forgets connections that are gone. */
async function broadcast(room, message, push, except) {
  let startKey;
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: table,
        IndexName: "room-index",
        KeyConditionExpression: "room = :room",
        ExpressionAttributeValues: { ":room": { S: room } },
        ExclusiveStartKey: startKey,
      }),
    );
    const targets = (page.Items ?? []).map((i) => i.connectionId.S).filter((id) => id !== except);
    await Promise.all(targets.map((id) => push(id, message)));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** A function that posts a JSON message to one connection through the @connections API. */
function pusher(endpoint) {
  const client = new ApiGatewayManagementApiClient({ endpoint });
  return async (connectionId, message) => {
    try {
      await client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: JSON.stringify(message) }));
    } catch (error) {
      if (!(error instanceof GoneException)) throw error;
      await dynamo.send(new DeleteItemCommand({ TableName: table, Key: { connectionId: { S: connectionId } } }));
    }
  };
}

function userOf(item) {
  return { id: item.userId.S, name: item.userName.S };
}

function parse(body) {
  try {
    return JSON.parse(body ?? "");
  } catch {
    return undefined;
  }
}
