/**
 * The tasks function behind the Tasks HTTP API (Lambda integration, payload format 2.0).
 *
 * Dispatches on `event.routeKey` ("GET /tasks/{taskId}", …). The caller is the `sub` claim of the JWT authorizer,
 * or, on the device sync route, the user the device authorizer vouched for. Tasks live in memory, per warm
 * instance, in a change log per user so that devices can catch up from a cursor. No dependencies.
 */
import { randomUUID } from "node:crypto";

/** userId → { tasks: Map<taskId, Task>, log: Array<{ seq, taskId, change, task?, deviceId? }> } */
const users = new Map();

/** @param {any} event API Gateway HTTP API event, payload format 2.0 */
export async function handler(event) {
  try {
    return await route(event);
  } catch (error) {
    if (error instanceof HttpError) return json(error.status, { message: error.message });
    throw error;
  }
}

async function route(event) {
  const params = event.pathParameters ?? {};
  switch (event.routeKey) {
    case "GET /health":
      return json(200, { status: "ok" });
    case "GET /tasks":
      return json(200, { items: listTasks(userOf(event), event.queryStringParameters ?? {}) });
    case "POST /tasks": {
      const task = createTask(userOf(event), readBody(event));
      return json(201, task, { Location: `${(process.env.PUBLIC_BASE_URL ?? "").replace(/\/+$/, "")}/tasks/${task.id}` });
    }
    case "GET /tasks/{taskId}":
      return json(200, findTask(userOf(event), params.taskId));
    case "PATCH /tasks/{taskId}":
      return json(200, updateTask(userOf(event), params.taskId, readBody(event)));
    case "DELETE /tasks/{taskId}":
      findTask(userOf(event), params.taskId);
      record(store(userOf(event)), { taskId: params.taskId, change: "delete" });
      return { statusCode: 204 };
    case "POST /devices/{deviceId}/sync":
      return json(200, sync(event, params.deviceId, readBody(event)));
    default:
      throw new HttpError(404, `No route ${event.routeKey}`);
  }
}

function listTasks(userId, query) {
  const limit = query.limit === undefined ? 50 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new HttpError(400, "limit must be an integer from 1 to 200");
  if (query.status !== undefined && query.status !== "open" && query.status !== "done") throw new HttpError(400, "status must be open or done");
  return [...store(userId).tasks.values()]
    .filter((t) => query.status === undefined || t.done === (query.status === "done"))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, limit);
}

function createTask(userId, body) {
  checkFields(body, ["title", "notes", "due"], true);
  const now = new Date().toISOString();
  const task = { id: randomUUID(), title: body.title, ...optionalFields(body), done: false, createdAt: now, updatedAt: now };
  record(store(userId), { taskId: task.id, change: "upsert", task });
  return task;
}

function updateTask(userId, taskId, body) {
  const current = findTask(userId, taskId);
  checkFields(body, ["title", "notes", "due", "done"], false);
  if (Object.keys(body).length === 0) throw new HttpError(400, "Send at least one field to change");
  const task = { ...current, ...optionalFields(body), updatedAt: new Date().toISOString() };
  if (body.title !== undefined) task.title = body.title;
  if (body.due === null) delete task.due;
  if (body.done !== undefined) task.done = body.done;
  record(store(userId), { taskId, change: "upsert", task });
  return task;
}

function findTask(userId, taskId) {
  const task = store(userId).tasks.get(taskId);
  if (!task) throw new HttpError(404, `No task ${taskId}`);
  return task;
}

/** Applies a device's offline changes (last write wins) and returns what else changed since its cursor. */
function sync(event, deviceId, body) {
  const context = event.requestContext?.authorizer?.lambda ?? {};
  if (context.deviceId !== deviceId) throw new HttpError(403, "This token was issued for another device");
  const s = store(context.userId);
  const since = body.cursor === "" || body.cursor === undefined ? 0 : Number(body.cursor);
  if (!Number.isInteger(since) || since < 0) throw new HttpError(400, "cursor is not one this API handed out");
  if (!Array.isArray(body.changes) || body.changes.length > 500) throw new HttpError(400, "changes must be an array of at most 500 entries");
  const missed = s.log.filter((e) => e.seq > since && e.deviceId !== deviceId);
  for (const c of body.changes) {
    if (c?.change === "delete") record(s, { taskId: c.taskId, change: "delete", deviceId });
    else if (c?.change === "upsert" && c.task?.id === c.taskId && typeof c.task.title === "string") {
      record(s, { taskId: c.taskId, change: "upsert", task: { ...c.task, updatedAt: new Date().toISOString() }, deviceId });
    } else throw new HttpError(400, `Invalid change for task ${String(c?.taskId)}`);
  }
  const cursor = String(s.log.at(-1)?.seq ?? since);
  return { cursor, changes: missed.map(({ taskId, change, task }) => (task ? { taskId, change, task } : { taskId, change })) };
}

function record(s, entry) {
  const seq = (s.log.at(-1)?.seq ?? 0) + 1;
  s.log.push({ seq, ...entry });
  if (entry.change === "delete") s.tasks.delete(entry.taskId);
  else s.tasks.set(entry.taskId, entry.task);
}

function store(userId) {
  if (!users.has(userId)) users.set(userId, { tasks: new Map(), log: [] });
  return users.get(userId);
}

function userOf(event) {
  const sub = event.requestContext?.authorizer?.jwt?.claims?.sub;
  if (typeof sub !== "string" || sub === "") throw new HttpError(401, "No signed-in user");
  return sub;
}

function readBody(event) {
  const text = event.isBase64Encoded ? Buffer.from(event.body ?? "", "base64").toString("utf8") : event.body ?? "";
  try {
    const body = JSON.parse(text);
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw new Error("not an object");
    return body;
  } catch {
    throw new HttpError(400, "The body must be a JSON object");
  }
}

/** Rejects unknown fields and badly typed known ones (mirrors NewTask / TaskChanges). */
function checkFields(body, allowed, titleRequired) {
  const unknown = Object.keys(body).find((k) => !allowed.includes(k));
  if (unknown !== undefined) throw new HttpError(400, `Unknown field ${JSON.stringify(unknown)}`);
  if ((titleRequired || body.title !== undefined) && (typeof body.title !== "string" || body.title.length < 1 || body.title.length > 200)) {
    throw new HttpError(400, "title must be a string of 1 to 200 characters");
  }
  if (body.notes !== undefined && (typeof body.notes !== "string" || body.notes.length > 4000)) throw new HttpError(400, "notes must be a string of at most 4000 characters");
  if (body.due !== undefined && body.due !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(body.due))) throw new HttpError(400, "due must be a date (YYYY-MM-DD)");
  if (body.done !== undefined && typeof body.done !== "boolean") throw new HttpError(400, "done must be true or false");
}

function optionalFields(body) {
  return {
    ...(typeof body.notes === "string" ? { notes: body.notes } : {}),
    ...(typeof body.due === "string" ? { due: body.due } : {}),
  };
}

function json(statusCode, body, headers = {}) {
  return { statusCode, headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) };
}

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}
