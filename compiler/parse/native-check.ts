/**
 * Checks the `x-amazon-apigateway-*` keys of a document where API Gateway reads them (root, servers, path items,
 * operations, components, security schemes, tags): each known extension against its definition in
 * `schemas/x-amazon-apigateway.schema.json`; unknown names (any letter case, and near misses of the prefix such as
 * `x-amazon-apigatway-policy`) and extensions in the wrong place as `unknown-property` on the key.
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

/**
 * The native extensions of `document`: those to validate, and the problems with the keys themselves
 * (unknown-property for unknown names and for known extensions where API Gateway does not read them).
 */
export function nativeExtensionTargets(document: Obj): { readonly targets: NativeTarget[]; readonly problems: SchemaProblem[] } {
  const targets: NativeTarget[] = [];
  const problems: SchemaProblem[] = [];
  const known = [...nativeExtensions.keys()];
  for (const { node, placement, pointer } of placements(document)) {
    for (const key of Object.keys(node)) {
      const native = isNativeExtensionKey(key);
      const extension = nativeExtensions.get(key);
      const validator = extension ? nativeValidator(key) : undefined;
      const at = childPointer(pointer, key);
      if (!extension || !validator) {
        const match = native ? suggestNative(key) : key.toLowerCase().startsWith("x-amazon") ? closestName(key, known) : undefined;
        if (!native && match === undefined) continue;
        const hint = match ? ` Did you mean '${match}'?` : " API Gateway defines no such extension.";
        problems.push({ code: "unknown-property", pointer: at, part: "key", name: key, allowed: known, patterns: [], hint });
      } else if (!extension.placements.includes(placement)) {
        const where = extension.placements.map((p) => placementNames[p]).join(" or ");
        const hint = ` API Gateway reads ${key} only in ${where}.`;
        problems.push({ code: "unknown-property", pointer: at, part: "key", name: key, allowed: known, patterns: [], hint });
      } else {
        targets.push({ validator, value: node[key], pointer: at });
      }
    }
  }
  return { targets, problems };
}
