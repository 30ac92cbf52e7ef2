/**
 * The names the SDK gives beside its types: one function per operation (camelCase of the operation id), the
 * types of each operation's parameters, result and errors, the client class, and the package's npm name and
 * version. Every exported name is claimed from the allocator that named the types (./types/names.ts), so no two
 * exports of the package collide, whatever the spec calls its schemas and operations.
 */
import { isReservedWord, slug, toIdentifier } from "../../model/names.js";
import type { GatewayModel, Operation } from "../../model/types.js";
import { typeName, type NameAllocator } from "./types/names.js";

/**
 * Names that a function must not take even though they are identifiers: the object internals the
 * `reserved-name` rule warns about (a client method `constructor` would be the class's constructor), and `then`,
 * which would make the module namespace (`await import(…)`) and the client look like promises.
 */
const HAZARDS = new Set(["__proto__", "constructor", "prototype", "then"]);

/**
 * camelCase of an operation id, through the identifier every emitter derives (`toIdentifier`, model/names.ts):
 * `listPets` stays, `GetAccounts` → `getAccounts`, `URLShortener` → `urlShortener`, `repos/get-content` →
 * `reposGetContent`, `delete` → `delete_`.
 */
export function functionName(operationId: string): string {
  const id = toIdentifier(operationId);
  const caps = /^[A-Z]+/.exec(id)?.[0] ?? "";
  const rest = id.slice(caps.length);
  // In `URLShortener` the last capital of the run starts the next word.
  const lower = caps.length > 1 && /^[a-z]/.test(rest) ? caps.length - 1 : caps.length;
  const name = caps.slice(0, lower).toLowerCase() + caps.slice(lower) + rest;
  return isReservedWord(name) || HAZARDS.has(name) ? `${name}_` : name;
}

/** The names of one operation's function and types. */
export interface OperationNames {
  /** `getPet` */
  readonly fn: string;
  /** `GetPetParams`: the parameters, grouped by location, and the body. */
  readonly params: string;
  /** `GetPetResult`: the 2xx results. */
  readonly result: string;
  /** `GetPetError`: the errors it rejects with. */
  readonly error: string;
  /** `listPetsPages`: its pages, for an operation that pages (../pagination.ts). */
  readonly pages?: string;
}

/** Names shared by the whole package. */
export interface PackageNames {
  /** `Credentials`: the credentials of the security schemes, by name. */
  readonly credentials: string;
  /** `Options`: the options of a client and of a call. */
  readonly options: string;
  /** `configure`: sets the options of calls made without a client. */
  readonly configure: string;
  /** `PetsClient` */
  readonly client: string;
  /** Module-local names of `operations.ts` and `client.ts`. */
  readonly runtime: string;
  readonly api: string;
  readonly operations: string;
}

/**
 * Claims the names of `operations` (in model order), then the package's own, then the page iterators of the
 * operations that page (`paged`, by index), last so that no other name depends on them; see the module comment.
 */
export function sdkNames(
  model: GatewayModel,
  operations: readonly Operation[],
  names: NameAllocator,
  paged: (index: number) => boolean = () => false,
): { operations: OperationNames[]; package: PackageNames } {
  // Module-local names first: an operation may be called anything, and must not shadow them.
  const runtime = names.claim("$runtime");
  const api = names.claim("$api");
  const ops = names.claim("$operations");
  const named = operations.map((op) => {
    const wanted = functionName(op.id);
    const base = names.reserved.has(wanted) ? `${wanted}_` : wanted;
    const fn = names.claim(base);
    // A clashing id (`duplicate-operation-id`, a warning in an SDK-only build) gets `getPet2`, and its types `GetPet2Params`.
    const stem = typeName(op.id, "Operation") + fn.slice(base.length);
    return { fn, params: names.claim(`${stem}Params`), result: names.claim(`${stem}Result`), error: names.claim(`${stem}Error`) };
  });
  const pkg: PackageNames = {
    credentials: names.claim("Credentials"),
    options: names.claim("Options"),
    configure: names.claim("configure"),
    client: names.claim(`${typeName(model.info.title, "Api")}Client`),
    runtime,
    api,
    operations: ops,
  };
  return { operations: named.map((n, i) => (paged(i) ? { ...n, pages: names.claim(`${n.fn.replace(/_$/, "")}Pages`) } : n)), package: pkg };
}

const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** The npm package name: `x-gateway.sdk.packageName`, else the slug of the API's title and `-client`. */
export function packageName(model: GatewayModel): string {
  return model.sdk.packageName ?? `${slug(model.info.title)}-client`;
}

/**
 * The package version: `x-gateway.sdk.version`, else `info.version` when it is semver (`1.2` → `1.2.0`), else
 * `0.0.0` (Stripe's `2023-08-16` is no semver; the README says which API version the package was built from).
 */
export function packageVersion(model: GatewayModel): string {
  if (model.sdk.version !== undefined) return model.sdk.version;
  const v = model.info.version.trim().replace(/^v/, "");
  if (SEMVER.test(v)) return v;
  if (/^\d+(\.\d+)?$/.test(v)) return `${v}${v.includes(".") ? "" : ".0"}.0`;
  return "0.0.0";
}
