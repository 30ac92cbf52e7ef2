/**
 * The pets function behind the Pets API (API Gateway REST, Lambda proxy integration, payload format 1.0).
 *
 * Routes, chosen by the API Gateway resource that matched:
 *   GET  /pets            list, paged (`limit`, `cursor`) and filtered (`species`)
 *   GET  /partner/pets    the same list, for partner systems
 *   POST /pets            register a pet (201 + Location)
 *   GET  /pets/{petId}    one pet (404 when unknown)
 *
 * Pets live in memory: each warm function instance has its own list, seeded with a few animals. No dependencies.
 */
import { randomUUID } from "node:crypto";

const SPECIES = new Set(["dog", "cat", "rabbit", "bird", "other"]);
const NEW_PET_FIELDS = new Set(["name", "species", "category", "birthDate", "shelterId", "tags"]);
const MAX_PAGE = 100;
const DEFAULT_PAGE = 20;

/** @type {Array<Record<string, unknown>>} */
const pets = [
  { id: "b5f2c1d0-0001", name: "Biscuit", species: "dog", status: "available", shelterId: "north-harbour", tags: ["calm"], createdAt: "2025-01-04T09:12:00Z" },
  { id: "b5f2c1d0-0002", name: "Miso", species: "cat", status: "reserved", shelterId: "north-harbour", tags: [], createdAt: "2025-01-09T14:40:00Z" },
  { id: "b5f2c1d0-0003", name: "Clover", species: "rabbit", status: "available", shelterId: "old-mill", tags: ["indoor"], createdAt: "2025-02-01T11:05:00Z" },
];

/**
 * Lambda entry point.
 * @param {{ httpMethod: string, resource?: string, path: string, headers?: Record<string, string> | null,
 *           queryStringParameters?: Record<string, string> | null, pathParameters?: Record<string, string> | null,
 *           body?: string | null, isBase64Encoded?: boolean, requestContext?: { requestId?: string, extendedRequestId?: string } }} event
 */
export async function handler(event) {
  const reply = responder(event);
  try {
    return route(event, reply);
  } catch (error) {
    if (error instanceof BadRequest) return reply(400, { message: error.message });
    throw error;
  }
}

/** Dispatches on the matched resource and method. */
function route(event, reply) {
  switch (event.resource ?? event.path) {
    case "/pets":
      if (event.httpMethod === "GET") return reply(200, listPets(event.queryStringParameters ?? {}));
      if (event.httpMethod === "POST") return createPet(event, reply);
      return reply(405, { message: `${event.httpMethod} is not allowed on /pets` }, { Allow: "GET, POST" });
    case "/partner/pets":
      if (event.httpMethod === "GET") return reply(200, listPets(event.queryStringParameters ?? {}));
      return reply(405, { message: `${event.httpMethod} is not allowed on /partner/pets` }, { Allow: "GET" });
    case "/pets/{petId}": {
      if (event.httpMethod !== "GET") return reply(405, { message: `${event.httpMethod} is not allowed on this pet` }, { Allow: "GET" });
      const id = event.pathParameters?.petId ?? "";
      const pet = pets.find((p) => p.id === id);
      return pet ? reply(200, pet) : reply(404, { message: `No pet with id ${JSON.stringify(id)}` });
    }
    default:
      return reply(404, { message: `No route for ${event.httpMethod} ${event.path}` });
  }
}

/** One page of pets: `{ items, next }`; `cursor` is the offset of the page, as the previous page's `next` gave it. */
function listPets(query) {
  const limit = query.limit === undefined ? DEFAULT_PAGE : Number(query.limit);
  const offset = query.cursor === undefined ? 0 : Number(query.cursor);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new BadRequest(`limit must be an integer from 1 to ${MAX_PAGE}`);
  if (!/^\d{1,9}$/.test(query.cursor ?? "0")) throw new BadRequest("cursor is not one this API handed out");
  if (query.species !== undefined && !SPECIES.has(query.species)) throw new BadRequest(`species must be one of ${[...SPECIES].join(", ")}`);
  const matching = query.species === undefined ? pets : pets.filter((p) => p.species === query.species);
  const items = matching.slice(offset, offset + limit);
  const next = offset + limit < matching.length ? String(offset + limit) : null;
  return { items, next };
}

/** Validates a NewPet body and stores the pet. */
function createPet(event, reply) {
  let input;
  try {
    const text = event.isBase64Encoded ? Buffer.from(event.body ?? "", "base64").toString("utf8") : event.body ?? "";
    input = JSON.parse(text);
  } catch {
    return reply(400, { message: "The body is not valid JSON" });
  }
  const problem = newPetProblem(input);
  if (problem) return reply(400, { message: problem });
  const pet = { ...input, id: randomUUID(), status: "available", createdAt: new Date().toISOString() };
  pets.push(pet);
  const base = (process.env.PUBLIC_BASE_URL ?? "").replace(/\/+$/, "");
  return reply(201, pet, { Location: `${base}/pets/${pet.id}` });
}

/** The first reason `input` is not a NewPet, or undefined. Mirrors the NewPet schema of the API. */
function newPetProblem(input) {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return "The body must be a JSON object";
  const unknown = Object.keys(input).find((k) => !NEW_PET_FIELDS.has(k));
  if (unknown !== undefined) return `Unknown field ${JSON.stringify(unknown)}`;
  if (typeof input.name !== "string" || input.name.length < 1 || input.name.length > 80) return "name must be a string of 1 to 80 characters";
  if (!SPECIES.has(input.species)) return `species must be one of ${[...SPECIES].join(", ")}`;
  if (input.birthDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(input.birthDate))) return "birthDate must be a date (YYYY-MM-DD)";
  if (input.shelterId !== undefined && (typeof input.shelterId !== "string" || input.shelterId.length > 40)) return "shelterId must be a string of at most 40 characters";
  if (input.tags !== undefined && (!Array.isArray(input.tags) || input.tags.length > 10 || input.tags.some((t) => typeof t !== "string" || t.length > 30))) {
    return "tags must be at most 10 strings of at most 30 characters";
  }
  return undefined;
}

/** Thrown by request parsing; answered with 400. */
class BadRequest extends Error {}

/**
 * Builds proxy responses: JSON body, the caller's correlation id echoed, CORS headers for allowed origins (a REST
 * API answers preflights itself, but the function must add them to its own responses).
 */
function responder(event) {
  const headers = lowerCaseKeys(event.headers ?? {});
  const allowed = (process.env.ALLOWED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean);
  const correlation = headers["x-correlation-id"] ? { "X-Correlation-Id": headers["x-correlation-id"] } : {};
  const cors =
    headers.origin && allowed.includes(headers.origin)
      ? {
          "Access-Control-Allow-Origin": headers.origin,
          "Access-Control-Allow-Credentials": "true",
          "Access-Control-Expose-Headers": "Location, X-Correlation-Id",
          Vary: "Origin",
        }
      : {};
  const common = { "Content-Type": "application/json", ...correlation, ...cors };
  const requestId = event.requestContext?.extendedRequestId ?? event.requestContext?.requestId;
  return (status, body, extra = {}) => {
    const payload = status >= 400 && requestId ? { ...body, requestId } : body;
    return { statusCode: status, headers: { ...common, ...extra }, body: JSON.stringify(payload) };
  };
}

function lowerCaseKeys(record) {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
}
