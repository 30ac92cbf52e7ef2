/**
 * VTL that converts between the JSON of the API and DynamoDB's attribute values (DynamoDB developer guide,
 * "Data type descriptors": `S`, `N`, `BOOL`, `NULL`, `M`, `L`), guided by the shape of the schema
 * (./json-shape.ts):
 *
 * - {@link marshal}: a value of the request payload → an attribute value. Strings, numbers and booleans by their
 *   declared type, objects as `M` of their declared properties, arrays as `L`; a value the schema leaves open
 *   (`any`) by its JSON type at request time (objects and arrays as their JSON text in an `S`).
 * - {@link unmarshal}: an attribute value of the service response → JSON. A missing or differently typed attribute
 *   becomes `null`; `any` takes `S`, `N`, `BOOL` and `NULL` as such and prints anything else as DynamoDB sent it.
 *
 * Every value is read with `$input.json` (JSON text, valid whatever the payload holds) or, for a number of the
 * response, `$input.path` on the `N` string; object members are written only when present ({@link present}), with a
 * `$sep` variable between them. Arrays use `#foreach` with one index variable per nesting level (`$i0`, `$i1`, …).
 * Property names reach the template only escaped: JSON keys through ../vtl.ts, JSONPaths through ../sources.ts
 * or, under an array, as a double-quoted VTL string of names that hold nothing Velocity reads (a name a path cannot
 * address turns its object into `any`, see {@link addressable}).
 */
import { jsonPathLiteral } from "../sources.js";
import { jsonEscaped, jsonStringContent, vtl, vtlString, type Vtl } from "../vtl.js";
import type { JsonShape } from "./json-shape.js";

/** One step of a JSONPath: a property name, or an array index held by a VTL variable. */
export type PathPart = string | { readonly index: string };

/** Names a JSONPath can address in quotes: no `'`, `\`, `]` or control character. */
const QUOTABLE = /^[^'\\\]\u0000-\u001f]+$/;
/** Names that may also stand in a double-quoted VTL string (a path with an index variable): no `"`, `$` or `#` either. */
const INTERPOLATABLE = /^[^'"\\$#\]\u0000-\u001f]+$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `shape` with every object whose property names a path cannot address turned into `any`. Under an array
 * (`indexed`), paths hold an index variable and are double-quoted VTL strings, which take fewer names; so an array
 * below a name they cannot take (`prefixed`) is `any` too.
 */
export function addressable(shape: JsonShape, indexed = false, prefixed = false): JsonShape {
  if (shape.kind === "array") return prefixed ? { kind: "any" } : { kind: "array", items: addressable(shape.items, true) };
  if (shape.kind !== "object") return shape;
  const names = indexed ? INTERPOLATABLE : QUOTABLE;
  if (!shape.properties.every(([name]) => names.test(name))) return { kind: "any" };
  return {
    kind: "object",
    properties: shape.properties.map(([name, property]) => [name, addressable(property, indexed, prefixed || !INTERPOLATABLE.test(name))] as const),
  };
}

/** A VTL string expression of the JSONPath `path` (a double-quoted string when it holds an index variable). */
function pathLiteral(path: readonly PathPart[]): Vtl {
  if (path.every((part): part is string => typeof part === "string")) return jsonPathLiteral(path);
  const steps = path.map((part) =>
    typeof part !== "string" ? `[${part.index}]` : IDENTIFIER.test(part) ? `.${part}` : `['${part}']`,
  );
  return vtl(`"$${steps.join("")}"`);
}

/** `$input.json(path)` */
export function json(path: readonly PathPart[]): Vtl {
  return vtl(`$input.json(${pathLiteral(path)})`);
}

/** `$input.path(path)` */
function native(path: readonly PathPart[]): Vtl {
  return vtl(`$input.path(${pathLiteral(path)})`);
}

/**
 * True when the object at `path` holds the key `key`: `$input.path(path).containsKey('key') == true`. Compared with
 * `true` because API Gateway's `#if` takes null as true, and the call gives null where the value is no object.
 */
export function present(path: readonly PathPart[], key: string): Vtl {
  return vtl(`${native(path)}.containsKey(${vtlString(key)}) == true`);
}

/**
 * Object members, each written when its condition holds, separated through `$sep`:
 * `#set($sep = '')#if(…)${sep}"name": value#set($sep = ',')#end…`. `afterMembers`: members were written before
 * these, so the first one needs a comma too.
 */
function members(entries: readonly (readonly [string, Vtl, Vtl])[], afterMembers = false): Vtl {
  const written = entries.map(([name, present, value]) => `#if(${present})\${sep}"${jsonStringContent(name)}": ${value}#set($sep = ',')#end`);
  return vtl(`#set($sep = '${afterMembers ? "," : ""}')${written.join("")}`);
}

/** The attribute value of the JSON value at `path` of the request payload. `depth` names the index variables. */
export function marshal(shape: JsonShape, path: readonly PathPart[], depth = 0): Vtl {
  switch (shape.kind) {
    case "string":
      return vtl(`{"S": ${json(path)}}`);
    case "number":
      return vtl(`{"N": "${jsonEscaped(json(path))}"}`);
    case "boolean":
      return vtl(`{"BOOL": ${json(path)}}`);
    case "object":
      return vtl(`{"M": {${marshalMembers(shape, path, depth)}}}`);
    case "array": {
      const index = `$i${depth}`;
      const item = marshal(shape.items, [...path, { index }], depth + 1);
      return vtl(`{"L": [${loop(native(path), index, depth, item)}]}`);
    }
    case "any":
      return marshalAny(path);
  }
}

/**
 * The members of an `M` (or of an `Item`): each declared property of `shape` that the payload holds, but those
 * named in `skip`; `afterMembers` as in {@link members}.
 */
export function marshalMembers(
  shape: Extract<JsonShape, { kind: "object" }>,
  path: readonly PathPart[],
  depth: number,
  skip: readonly string[] = [],
  afterMembers = false,
): Vtl {
  const entries = shape.properties
    .filter(([name]) => !skip.includes(name))
    .map(([name, property]) => [name, present(path, name), marshal(property, [...path, name], depth)] as const);
  return members(entries, afterMembers);
}

/** `#foreach` over the list `list`, its index in `index`, `item` between commas. */
function loop(list: Vtl, index: string, depth: number, item: Vtl): Vtl {
  return vtl(`#foreach($e${depth} in ${list})#set(${index} = $foreach.index)#if(${index} > 0),#end${item}#end`);
}

/** An attribute value chosen by the JSON type of the value at request time. */
function marshalAny(path: readonly PathPart[]): Vtl {
  return vtl(
    [
      `#set($j = ${json(path)})`,
      `#if($j.startsWith('"')){"S": $j}`,
      `#elseif($j == 'true' || $j == 'false'){"BOOL": $j}`,
      `#elseif($j == 'null'){"NULL": true}`,
      `#elseif($j.startsWith('{') || $j.startsWith('[')){"S": "${jsonEscaped(vtl("$j"))}"}`,
      `#{else}{"N": "$j"}#end`,
    ].join(""),
  );
}

/** The JSON value of the attribute value at `path` of the service response. */
export function unmarshal(shape: JsonShape, path: readonly PathPart[], depth = 0): Vtl {
  const typed = (descriptor: string, value: Vtl): Vtl => vtl(`#if(${present(path, descriptor)})${value}#{else}null#end`);
  switch (shape.kind) {
    case "string":
      return typed("S", json([...path, "S"]));
    case "number":
      return typed("N", native([...path, "N"]));
    case "boolean":
      return typed("BOOL", json([...path, "BOOL"]));
    case "object":
      return typed("M", vtl(`{${unmarshalMembers(shape, [...path, "M"], depth)}}`));
    case "array": {
      const index = `$i${depth}`;
      const list = [...path, "L"];
      const item = unmarshal(shape.items, [...list, { index }], depth + 1);
      return typed("L", vtl(`[${loop(native(list), index, depth, item)}]`));
    }
    case "any":
      return vtl(
        [
          `#if(${present(path, "S")})${json([...path, "S"])}`,
          `#elseif(${present(path, "N")})${native([...path, "N"])}`,
          `#elseif(${present(path, "BOOL")})${json([...path, "BOOL"])}`,
          `#elseif(${present(path, "NULL")})null`,
          `#{else}${json(path)}#end`,
        ].join(""),
      );
  }
}

/** The members of a JSON object from a map of attribute values at `path` (an `Item`, or the `M` of one). */
export function unmarshalMembers(shape: Extract<JsonShape, { kind: "object" }>, path: readonly PathPart[], depth: number): Vtl {
  return members(shape.properties.map(([name, property]) => [name, present(path, name), unmarshal(property, [...path, name], depth)] as const));
}
