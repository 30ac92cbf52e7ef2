/**
 * Lowers the integration keys of an operation's or a WebSocket route's `x-gateway` (docs/x-gateway.md
 * "Integrations"): `lambda`, `http`, `mock`, `stepfunctions` and the AWS-service shorthands, which all become the
 * generic `aws` integration with the service, action and resource API Gateway needs
 * (api-gateway-api-integration-types.html).
 */
import type { ErrorMapping, HttpMethod, Integration, Mapping, Origin, ResponseMapping } from "../types.js";
import { asArray, asObj, bool, child, isObj, num, prop, sortedKeys, str, type Obj } from "./read.js";
import { lowerValue } from "./value.js";

/** Every integration key, in the order messages list them. */
export const INTEGRATION_KEYS = [
  "lambda",
  "http",
  "mock",
  "stepfunctions",
  "dynamodb",
  "sqs",
  "sns",
  "eventbridge",
  "kinesis",
  "s3",
  "aws",
] as const;

/** The AWS-service shorthands: API Gateway service name, default action and the key naming the resource. */
const SERVICES: Readonly<Record<string, { service: string; action: string; resourceKey: string }>> = {
  dynamodb: { service: "dynamodb", action: "GetItem", resourceKey: "table" },
  sqs: { service: "sqs", action: "SendMessage", resourceKey: "queue" },
  sns: { service: "sns", action: "Publish", resourceKey: "topic" },
  eventbridge: { service: "events", action: "PutEvents", resourceKey: "bus" },
  kinesis: { service: "kinesis", action: "PutRecord", resourceKey: "stream" },
  s3: { service: "s3", action: "GetObject", resourceKey: "bucket" },
};

const METHODS = new Set(["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "ANY"]);

/** The integration keys written in `gateway`, in {@link INTEGRATION_KEYS} order. */
export function integrationKeysOf(gateway: Obj | undefined): string[] {
  return INTEGRATION_KEYS.filter((k) => prop(gateway, k) !== undefined);
}

/**
 * Lowers the first integration written in `gateway` (at `origin`). `path` is the operation's path, which an
 * `http.baseUrl` (only meaningful in `defaults.integration`) is joined with.
 */
export function lowerIntegration(gateway: Obj | undefined, origin: Origin, path?: string): Integration | undefined {
  const key = integrationKeysOf(gateway)[0];
  if (key === undefined) return undefined;
  const raw = prop(gateway, key);
  const at = child(origin, key);
  const obj = asObj(raw);
  const base = {
    ...(num(obj, "timeout") !== undefined ? { timeout: num(obj, "timeout") } : {}),
    ...optional("request", lowerMapping(prop(obj, "request"), child(at, "request"))),
    ...optional("response", lowerResponseMapping(prop(obj, "response"), child(at, "response"))),
    origin: at,
  };
  switch (key) {
    case "lambda": {
      const fn = typeof raw === "string" ? raw : (str(obj, "function") ?? "");
      const payload = str(obj, "payloadFormat");
      return {
        kind: "lambda",
        function: fn,
        functionOrigin: typeof raw === "string" ? at : child(at, "function"),
        proxy: bool(obj, "proxy") ?? true,
        ...(payload === "1.0" || payload === "2.0" ? { payloadFormat: payload } : {}),
        ...base,
      };
    }
    case "http": {
      const baseUrl = str(obj, "baseUrl");
      const url =
        typeof raw === "string"
          ? raw
          : (str(obj, "url") ?? (baseUrl !== undefined ? baseUrl.replace(/\/+$/, "") + (path ?? "") : ""));
      const method = str(obj, "method")?.toUpperCase();
      const vpcLink = asObj(prop(obj, "vpcLink"));
      const vpcLinkId = lowerValue(prop(vpcLink, "id"), child(at, "vpcLink", "id"));
      const tls = asObj(prop(obj, "tls"));
      return {
        kind: "http",
        url,
        ...(method && METHODS.has(method) ? { method: method as HttpMethod } : {}),
        proxy: bool(obj, "proxy") ?? true,
        ...(vpcLinkId ? { vpcLink: { id: vpcLinkId, origin: child(at, "vpcLink") } } : {}),
        ...(tls
          ? {
              tls: {
                ...optional("insecureSkipVerification", bool(tls, "insecureSkipVerification")),
                ...optional("serverName", str(tls, "serverName")),
              },
            }
          : {}),
        ...base,
      };
    }
    case "mock":
      return {
        kind: "mock",
        status: num(obj, "status") ?? 200,
        ...optional("body", prop(obj, "body")),
        headers: stringRecord(prop(obj, "headers")),
        ...base,
      };
    case "stepfunctions": {
      const machine = lowerValue(prop(obj, "stateMachine"), child(at, "stateMachine")) ?? {
        kind: "literal",
        value: "",
        origin: at,
      };
      return { kind: "stepfunctions", stateMachine: machine, mode: str(obj, "mode") === "sync" ? "sync" : "async", ...base };
    }
    default:
      return lowerAwsService(key, obj, at, base);
  }
}

function lowerAwsService(
  key: string,
  obj: Obj | undefined,
  at: Origin,
  base: Omit<Extract<Integration, { kind: "aws" }>, "kind" | "service" | "action" | "httpMethod" | "shorthand" | "settings">,
): Integration {
  const known = SERVICES[key];
  const resourceKey = known?.resourceKey ?? "resource";
  const resource = lowerValue(prop(obj, resourceKey), child(at, resourceKey));
  const role = lowerValue(prop(obj, "role"), child(at, "role"));
  const method = str(obj, "method")?.toUpperCase();
  // Object.fromEntries defines own properties, so a key named __proto__ stays data, never a prototype.
  const settings = Object.fromEntries(
    sortedKeys(obj)
      .filter((k) => k !== "request" && k !== "response")
      .map((k) => [k, obj?.[k]]),
  );
  return {
    kind: "aws",
    service: known?.service ?? str(obj, "service") ?? "",
    action: str(obj, "action") ?? known?.action ?? "",
    ...(resource ? { resource } : {}),
    ...(role ? { role } : {}),
    httpMethod: method && METHODS.has(method) ? (method as HttpMethod) : "POST",
    shorthand: key,
    settings,
    ...base,
  };
}

/** Lowers a `request` mapping (or a response `body`): a declarative shape, `{ template }` or `{ templateFile }`. */
export function lowerMapping(raw: unknown, origin: Origin): Mapping | undefined {
  if (raw === undefined) return undefined;
  const obj = asObj(raw);
  const keys = obj ? Object.keys(obj) : [];
  if (keys.length === 1 && typeof obj?.["template"] === "string") {
    return { kind: "template", template: obj["template"], origin: child(origin, "template") };
  }
  if (keys.length === 1 && typeof obj?.["templateFile"] === "string") {
    return { kind: "templateFile", file: obj["templateFile"], origin: child(origin, "templateFile") };
  }
  return { kind: "shape", shape: raw, origin };
}

function lowerResponseMapping(raw: unknown, origin: Origin): ResponseMapping | undefined {
  const obj = asObj(raw);
  if (!obj) return undefined;
  const errors: ErrorMapping[] = [];
  asArray(prop(obj, "errors")).forEach((e, i) => {
    const eo = asObj(e);
    const when = str(eo, "when");
    const status = num(eo, "status");
    if (when !== undefined && status !== undefined) {
      const at = child(origin, "errors", i);
      errors.push({ when, status, ...optional("body", lowerMapping(prop(eo, "body"), child(at, "body"))), headers: stringRecord(prop(eo, "headers")), origin: at });
    }
  });
  return {
    ...optional("status", num(obj, "status")),
    ...optional("body", lowerMapping(prop(obj, "body"), child(origin, "body"))),
    headers: stringRecord(prop(obj, "headers")),
    errors,
    origin,
  };
}

/** A record of the string-valued own entries of `raw`, with sorted keys. */
export function stringRecord(raw: unknown): Record<string, string> {
  if (!isObj(raw)) return {};
  const entries: [string, string][] = [];
  for (const k of sortedKeys(raw)) {
    const v = raw[k];
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") entries.push([k, String(v)]);
  }
  return Object.fromEntries(entries);
}

/** `{ [key]: value }` when value is defined, else `{}`: keeps absent fields absent in the IR. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
