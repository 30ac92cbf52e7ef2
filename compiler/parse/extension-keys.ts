/**
 * Checks the extension keys of the objects where API Gateway and Portico read them (root, servers, tags, path items,
 * operations, components, security schemes):
 * - each known `x-amazon-apigateway-*` extension is validated against its definition in
 *   `schemas/x-amazon-apigateway.schema.json`, where API Gateway reads it;
 * - unknown native names (any letter case, and near misses of the prefix such as `x-amazon-apigatway-policy`) and
 *   known ones in the wrong place are `unknown-property` on the key;
 * - near misses of `x-gateway` (`x-gatway`, `X-Gateway`) where x-gateway belongs are `unknown-property` too: OpenAPI
 *   accepts any `x-` key, so the typo would otherwise silently drop the configuration.
 */
import type { SchemaProblem } from "./ajv-errors.js";
import { closestName } from "./did-you-mean.js";
import { nativeValidator } from "./extension-validators.js";
import { isNativeExtensionKey, NATIVE_PREFIX, nativeExtensions, placementNames, type NativePlacement } from "./native-extensions.js";
import { childPointer } from "./pointer.js";
import type { SchemaValidator } from "./openapi-validators.js";

type Obj = Readonly<Record<string, unknown>>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

function asObj(value: unknown): Obj | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : undefined;
}

function own(obj: Obj | undefined, key: string): unknown {
  return obj !== undefined && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Every object where API Gateway looks for its extensions, with its placement and pointer. */
function* placements(document: Obj): Generator<{ readonly node: Obj; readonly placement: NativePlacement; readonly pointer: string }> {
  yield { node: document, placement: "root", pointer: "" };
  const listed = (key: string, placement: NativePlacement) => {
    const list = own(document, key);
    return (Array.isArray(list) ? list : []).flatMap((item, i) => {
      const node = asObj(item);
      return node ? [{ node, placement, pointer: childPointer(`/${key}`, i) }] : [];
    });
  };
  yield* listed("servers", "server");
  yield* listed("tags", "tag");
  const paths = asObj(own(document, "paths"));
  for (const path of paths ? Object.keys(paths) : []) {
    const item = asObj(own(paths, path));
    if (!item) continue;
    const itemPointer = childPointer("/paths", path);
    yield { node: item, placement: "pathItem", pointer: itemPointer };
    for (const method of METHODS) {
      const op = asObj(own(item, method));
      if (op) yield { node: op, placement: "operation", pointer: childPointer(itemPointer, method) };
    }
  }
  const components = asObj(own(document, "components"));
  if (!components) return;
  yield { node: components, placement: "components", pointer: "/components" };
  const schemes = asObj(own(components, "securitySchemes"));
  for (const name of schemes ? Object.keys(schemes) : []) {
    const scheme = asObj(own(schemes, name));
    if (scheme) yield { node: scheme, placement: "securityScheme", pointer: childPointer("/components/securitySchemes", name) };
  }
}

/** The known extension closest to `key` (compared after the shared `x-amazon-apigateway-` prefix). */
function suggestNative(key: string): string | undefined {
  const suffix = key.slice(NATIVE_PREFIX.length);
  const match = closestName(suffix, [...nativeExtensions.keys()].map((k) => k.slice(NATIVE_PREFIX.length)));
  return match === undefined ? undefined : NATIVE_PREFIX + match;
}

/** A node to validate against a native extension's definition. */
export interface NativeTarget {
  readonly validator: SchemaValidator;
  readonly value: unknown;
  readonly pointer: string;
}

/** Where `x-gateway` is read. */
const GATEWAY_PLACEMENTS: ReadonlySet<NativePlacement> = new Set(["root", "pathItem", "operation", "securityScheme"]);

/**
 * The extension keys of `document`: the native extensions to validate, and the problems with the keys themselves
 * (`unknown-property`: unknown native names, native extensions where API Gateway does not read them, near misses of
 * `x-gateway`).
 */
export function checkExtensionKeys(document: Obj): { readonly targets: NativeTarget[]; readonly problems: SchemaProblem[] } {
  const targets: NativeTarget[] = [];
  const problems: SchemaProblem[] = [];
  const known = [...nativeExtensions.keys()];
  for (const { node, placement, pointer } of placements(document)) {
    for (const key of Object.keys(node)) {
      const at = childPointer(pointer, key);
      const unknown = (hint: string): void => {
        problems.push({ code: "unknown-property", pointer: at, part: "key", name: key, allowed: known, patterns: [], hint });
      };
      if (GATEWAY_PLACEMENTS.has(placement) && key !== "x-gateway" && closestName(key, ["x-gateway"]) !== undefined) {
        unknown(" Did you mean 'x-gateway'?");
        continue;
      }
      const extension = nativeExtensions.get(key);
      if (extension === undefined) {
        const native = isNativeExtensionKey(key);
        const match = native ? suggestNative(key) : key.toLowerCase().startsWith("x-amazon") ? closestName(key, known) : undefined;
        if (match !== undefined) unknown(` Did you mean '${match}'?`);
        else if (native) unknown(" API Gateway defines no such extension.");
        continue;
      }
      if (!extension.placements.includes(placement)) {
        unknown(` API Gateway reads ${key} only in ${extension.placements.map((p) => placementNames[p]).join(" or ")}.`);
        continue;
      }
      const validator = nativeValidator(key);
      if (validator) targets.push({ validator, value: node[key], pointer: at });
    }
  }
  return { targets, problems };
}
