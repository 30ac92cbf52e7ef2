/**
 * Every name Portico derives from the spec comes from here, so the OpenAPI body, the Pulumi program and its README
 * always agree.
 *
 * - **Slugs** (`[a-z0-9-]`, at most {@link MAX_SLUG_LENGTH} characters) name Pulumi resources (`fn-pets`,
 *   `perm-pets-get-pets-id`) and placeholder tokens (`${portico:role:create-pet}`). A Pulumi logical name is part
 *   of the resource's identity: renaming it replaces the real resource. So a slug depends only on the text it is
 *   made from, never on the position of that text in the spec; when two different texts give the same slug
 *   (`/a-b` and `/a_b`), each of them gets a suffix hashed from its own text. Adding an operation therefore never
 *   renames an unrelated one.
 * - **Identifiers** name variables of generated TypeScript: valid identifiers, reserved words renamed.
 */
import { createHash } from "node:crypto";
import type { GatewayModel, HttpMethod, Operation } from "./types.js";
import { byKey } from "../order.js";

/** The longest slug {@link slug} returns. IAM role and Lambda function names allow 64 characters, and Pulumi
 * appends an 8-character random suffix to a logical name when it names the cloud resource. */
export const MAX_SLUG_LENGTH = 40;

const HASH_LENGTH = 6;

/** First hex digits of the SHA-256 of `text`: a short, stable fingerprint. */
function fingerprint(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, HASH_LENGTH);
}

/**
 * Turns any text into `[a-z0-9-]`: camel case is split (`createPet` → `create-pet`), letters are lower-cased,
 * every other run of characters becomes one `-`. Text with nothing usable gives `x`. Longer results are cut and
 * end with a fingerprint of the whole text, so they stay distinct.
 */
export function slug(text: string): string {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return limit(words === "" ? "x" : words, text);
}

/** `base` if short enough, else its head and a fingerprint of `source`, `max` characters at most. */
function limit(base: string, source: string, max = MAX_SLUG_LENGTH): string {
  if (base.length <= max) return base;
  return `${base.slice(0, max - HASH_LENGTH - 1).replace(/-+$/, "")}-${fingerprint(source)}`;
}

/**
 * Longest permission name: Pulumi derives the Lambda policy statement id from it plus 8 random characters, and a
 * statement id holds at most 100 (Lambda AddPermission `StatementId`).
 */
const MAX_PERMISSION_NAME_LENGTH = 80;

/** The slug of a path template: `/pets/{id}` → `pets-id`, `/` → `root`. */
export function pathSlug(path: string): string {
  return path.replace(/[{}+]/g, "").replace(/^\/+|\/+$/g, "") === "" ? "root" : slug(path);
}

/**
 * Slugs for a set of texts that must not collide: each text gets `make(text)`, except texts whose slug another
 * text shares, which get `make(text)` plus `-` and a fingerprint of their own text.
 * @throws Error (a compiler bug) if suffixed slugs still collide.
 */
export function uniqueSlugs(texts: Iterable<string>, make: (text: string) => string = slug): ReadonlyMap<string, string> {
  const byBase = new Map<string, string[]>();
  for (const text of new Set(texts)) {
    const base = make(text);
    byBase.set(base, [...(byBase.get(base) ?? []), text]);
  }
  const result = new Map<string, string>();
  const taken = new Set<string>();
  for (const [base, group] of [...byBase].sort(byKey)) {
    for (const text of group) {
      const name = group.length === 1 ? base : `${base.slice(0, MAX_SLUG_LENGTH - HASH_LENGTH - 1).replace(/-+$/, "")}-${fingerprint(text)}`;
      if (taken.has(name)) throw new Error(`Derived name ${name} is not unique (from ${JSON.stringify(text)}).`);
      taken.add(name);
      result.set(text, name);
    }
  }
  return result;
}

/** JavaScript and TypeScript words that cannot name a variable, or that would shadow a global. */
const RESERVED = new Set([
  "arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
  "do", "else", "enum", "eval", "export", "extends", "false", "finally", "for", "function", "if", "implements",
  "import", "in", "Infinity", "instanceof", "interface", "let", "NaN", "new", "null", "package", "private",
  "protected", "public", "return", "static", "super", "switch", "this", "throw", "true", "try", "typeof",
  "undefined", "var", "void", "while", "with", "yield",
]);

/** True when `name` is a reserved word that {@link toIdentifier} renames. */
export function isReservedWord(name: string): boolean {
  return RESERVED.has(name);
}

/**
 * A valid TypeScript identifier for `text`, in camel case: `pets-table` → `petsTable`, `2fa` → `_2fa`,
 * `class` → `class_`. Words are split at characters an identifier cannot hold; a word that starts with a digit
 * is joined with `_`, so slugs map to distinct identifiers (`a-b2` → `aB2`, `a-b-2` → `aB_2`).
 */
export function toIdentifier(text: string): string {
  const words = text.split(/[^A-Za-z0-9_$]+/).filter((w) => w !== "");
  if (words.length === 0) return "_";
  let id = words[0] as string;
  for (const word of words.slice(1)) {
    id += /^[0-9]/.test(word) ? `_${word}` : word.charAt(0).toUpperCase() + word.slice(1);
  }
  if (/^[0-9]/.test(id)) id = `_${id}`;
  return RESERVED.has(id) ? `${id}_` : id;
}

/** A Pulumi config key split into its namespace (`aws` in `aws:region`) and name; no namespace = the project's. */
export interface ConfigKey {
  readonly namespace?: string;
  readonly name: string;
}

/** Splits a config key written in the spec (`petsTable`, `aws:region`). */
export function splitConfigKey(key: string): ConfigKey {
  const colon = key.indexOf(":");
  return colon > 0 ? { namespace: key.slice(0, colon), name: key.slice(colon + 1) } : { name: key };
}

/**
 * Names derived for one model: Pulumi logical names (unique per resource type, `[a-z0-9-]`) and the slugs that
 * variables and placeholder tokens are made from. Every method throws (a compiler bug) for a name the model does
 * not have.
 */
export interface ModelNames {
  /** Pulumi project name: `[a-z0-9-]` from the API name. */
  readonly project: string;
  /** Slug of a function of `x-gateway.functions`, unique among functions (`pets`). */
  functionSlug(name: string): string;
  /** Logical name of the function and of its role, policy attachment and log group: `fn-pets`. */
  functionResource(name: string): string;
  /** Slug of an operation (from its id), unique among operations (`create-pet`); names its role token. */
  operationSlug(op: Operation): string;
  /** Logical name of the role (and its policy) of an operation's AWS-service integration: `integration-create-pet`. */
  integrationRoleResource(op: Operation): string;
  /** Logical name of the permission for `fn` to be invoked on a route: `perm-pets-get-pets-id`. */
  permissionResource(fn: string, method: HttpMethod, path: string): string;
  /** Logical name of the permission for `fn` to be invoked as a Lambda authorizer: `perm-authorize-authorizers`. */
  authorizerPermissionResource(fn: string): string;
  usagePlanSlug(name: string): string;
  /** `plan-free`. */
  usagePlanResource(name: string): string;
  apiKeySlug(name: string): string;
  /** `key-partner-a`. */
  apiKeyResource(name: string): string;
  /** Logical name of the attachment of an API key to a usage plan: `plan-free--key-partner-a`. */
  usagePlanKeyResource(plan: string, key: string): string;
}

/**
 * The TypeScript variable for a slug: `prefix` (a fixed identifier such as `fn`), `_`, and the camel-cased slug.
 * Distinct slugs give distinct variables, and no variable is a reserved word.
 */
export function variableName(prefix: string, slugText: string): string {
  return `${prefix}_${toIdentifier(slugText)}`;
}

function lookup(table: ReadonlyMap<string, string>, what: string, key: string): string {
  const name = table.get(key);
  if (name === undefined) throw new Error(`No derived name for ${what} ${JSON.stringify(key)}.`);
  return name;
}

/** Separates the parts of a composite key (a character no spec name holds). */
const SEP = "\u0000";

/** Builds the names of `model`. Linear in the size of the model. */
export function createNames(model: GatewayModel): ModelNames {
  const functions = uniqueSlugs(model.functions.map((f) => f.name));
  const operations = uniqueSlugs(model.operations.map((op) => op.id));
  const plans = uniqueSlugs(model.usagePlans.map((p) => p.name));
  const keys = uniqueSlugs(model.usagePlans.flatMap((p) => p.apiKeys));
  const routeKey = (fn: string, method: HttpMethod, path: string): string => `${fn}${SEP}${method}${SEP}${path}`;
  const authorizerKey = (fn: string): string => `${fn}${SEP}authorizers`;
  const permissionKeys = [
    ...model.operations.flatMap((op) =>
      op.integration?.kind === "lambda" ? [routeKey(op.integration.function, op.method, op.path)] : [],
    ),
    ...model.securitySchemes.flatMap((s) => (s.authorizer?.kind === "lambda" ? [authorizerKey(s.authorizer.function)] : [])),
  ];
  const permissions = uniqueSlugs(permissionKeys, (key) => {
    const [fn = "", method = "", path] = key.split(SEP);
    const fnSlug = functions.get(fn) ?? slug(fn);
    const name = path === undefined ? `perm-${fnSlug}-authorizers` : `perm-${fnSlug}-${method.toLowerCase()}-${pathSlug(path)}`;
    return limit(name, key, MAX_PERMISSION_NAME_LENGTH);
  });
  return {
    project: slug(model.name),
    functionSlug: (name) => lookup(functions, "function", name),
    functionResource: (name) => `fn-${lookup(functions, "function", name)}`,
    operationSlug: (op) => lookup(operations, "operation", op.id),
    integrationRoleResource: (op) => `integration-${lookup(operations, "operation", op.id)}`,
    permissionResource: (fn, method, path) => lookup(permissions, "route permission", routeKey(fn, method, path)),
    authorizerPermissionResource: (fn) => lookup(permissions, "authorizer permission", authorizerKey(fn)),
    usagePlanSlug: (name) => lookup(plans, "usage plan", name),
    usagePlanResource: (name) => `plan-${lookup(plans, "usage plan", name)}`,
    apiKeySlug: (name) => lookup(keys, "API key", name),
    apiKeyResource: (name) => `key-${lookup(keys, "API key", name)}`,
    usagePlanKeyResource: (plan, key) => `plan-${lookup(plans, "usage plan", plan)}--key-${lookup(keys, "API key", key)}`,
  };
}
