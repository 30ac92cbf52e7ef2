/**
 * Names a place in an OpenAPI document the way its author thinks of it, for the `where` of structural diagnostics:
 * `/paths/~1pets/get/x-gateway/cache/ttl` → "x-gateway.cache.ttl of operation GET /pets",
 * `/x-gateway/stages/dev/logging` → "logging of stage dev", `/components/schemas/Pet/properties/id` →
 * "properties.id of schema Pet", `/info/title` → "info.title".
 */
import { getAtPointer, parsePointer } from "./pointer.js";

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

const COMPONENT_KINDS: Readonly<Record<string, string>> = {
  schemas: "schema",
  responses: "response",
  parameters: "parameter",
  examples: "example",
  requestBodies: "request body",
  headers: "header",
  securitySchemes: "security scheme",
  links: "link",
  callbacks: "callback",
  pathItems: "path item",
};

const GATEWAY_MAPS: Readonly<Record<string, string>> = {
  stages: "stage",
  functions: "function",
  usagePlans: "usage plan",
};

/** The named object a pointer lies in, and how many of its tokens that object consumes. */
interface Anchor {
  readonly name: string;
  readonly length: number;
}

function anchorOf(t: readonly string[]): Anchor | undefined {
  const [a, b, c, d] = t;
  if (a === "paths" && b !== undefined) {
    if (c !== undefined && METHODS.has(c)) return { name: `operation ${c.toUpperCase()} ${b}`, length: 3 };
    if (c === "x-gateway" && d === "any") return { name: `operation ANY ${b}`, length: 4 };
    return { name: `path ${b}`, length: 2 };
  }
  if (a === "webhooks" && b !== undefined) {
    if (c !== undefined && METHODS.has(c)) return { name: `webhook ${b} ${c.toUpperCase()}`, length: 3 };
    return { name: `webhook ${b}`, length: 2 };
  }
  if (a === "components" && b !== undefined && c !== undefined && Object.hasOwn(COMPONENT_KINDS, b)) {
    return { name: `${COMPONENT_KINDS[b]} ${c}`, length: 3 };
  }
  if (a === "x-gateway" && b !== undefined && c !== undefined && Object.hasOwn(GATEWAY_MAPS, b)) {
    return { name: `${GATEWAY_MAPS[b]} ${c}`, length: 3 };
  }
  if (a === "x-gateway" && b === "websocket" && c === "routes" && d !== undefined) {
    return { name: `WebSocket route ${d}`, length: 4 };
  }
  return undefined;
}

/** A dotted path of keys below an anchor; array indexes as `[i]`, unusual keys as `["…"]`. */
function dottedPath(document: unknown, tokens: readonly string[], from: number): string {
  let out = "";
  let node = getAtPointer(document, tokens.slice(0, from));
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const parent = node.found ? node.value : undefined;
    if (Array.isArray(parent)) out += `[${token}]`;
    else if (/^[A-Za-z0-9_$-]+$/.test(token)) out += (out === "" ? "" : ".") + token;
    else out += `[${JSON.stringify(token)}]`;
    node = node.found ? getAtPointer(node.value, [token]) : node;
  }
  return out;
}

/**
 * How a diagnostic names the node at `pointer` of `document`: the dotted path from the nearest named object
 * (operation, path, stage, function, usage plan, WebSocket route, component, webhook) followed by "of" that object,
 * or the dotted path from the root, or "the document" for the root itself.
 */
export function describeLocation(document: unknown, pointer: string): string {
  const tokens = parsePointer(pointer);
  if (!tokens) return pointer;
  if (tokens.length === 0) return "the document";
  const anchor = anchorOf(tokens);
  if (!anchor) return dottedPath(document, tokens, 0);
  const rest = dottedPath(document, tokens, anchor.length);
  return rest === "" ? anchor.name : `${rest} of ${anchor.name}`;
}
