/**
 * Method calls and property reads on Java values, the way Velocity 1.7's introspection resolves them:
 *
 * - `$x.name` on a map is `get("name")`; on anything else it is the getter `getName()` (or `getname()`), then the
 *   boolean getter `isName()`; nothing found is null.
 * - `$x.m(args)` runs the method of that name taking those argument types; none is {@link NO_METHOD}.
 * - Collections: `List` (`ArrayList`, json-smart `JSONArray`, Java arrays as Velocity wraps them), the `Set` and
 *   `Collection` views a map hands out (`keySet()`, `entrySet()`, `values()`, copies here), maps, entries; numbers,
 *   booleans and `$foreach` as well. Java's exceptions (an index out of range) are thrown as {@link JavaException}s.
 */
import { JavaException } from "./errors.js";
import { jsonSmartStringify } from "./json.js";
import { compareNumbers } from "./number.js";
import { javaEquals, javaString } from "./print.js";
import { stringMethod } from "./java-string.js";
import {
  ForeachScope,
  JavaDouble,
  JavaEntry,
  NO_METHOD,
  OverrideMap,
  integer,
  isHostObject,
  isJavaInt,
  isJavaInteger,
  isJavaNumber,
  listKind,
  markList,
  markView,
  viewOwner,
} from "./values.js";

type Args = readonly unknown[];

/** `map.put(key, value)` with the once-only rule of override maps; returns the previous value. */
export function putEntry(map: Map<unknown, unknown>, key: unknown, value: unknown): unknown {
  if (map instanceof OverrideMap && map.counts(key)) {
    if (map.assigned.has(key)) {
      throw new JavaException(`${map.label}.${javaString(key)} is set more than once; API Gateway answers such a request with a 5XX error`);
    }
    map.assigned.add(key);
  }
  const previous = map.get(key);
  map.set(key, value);
  return previous ?? null;
}

function indexError(index: number, size: number): JavaException {
  return new JavaException(`java.lang.IndexOutOfBoundsException: Index: ${index}, Size: ${size}`);
}

function unsupported(): JavaException {
  return new JavaException("java.lang.UnsupportedOperationException");
}

function isCollection(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

function listMethod(items: unknown[], name: string, args: Args): unknown {
  const kind = listKind(items);
  const isList = kind === "list" || kind === "json" || kind === "array";
  const growable = kind === "list" || kind === "json";
  const [a, b] = args;
  switch (`${name}/${args.length}`) {
    case "size/0":
      return items.length;
    case "isEmpty/0":
      return items.length === 0;
    case "toString/0":
      return javaString(items);
    case "equals/1":
      return javaEquals(items, a);
    case "contains/1":
      return items.some((x) => javaEquals(x, a));
    case "containsAll/1":
      return isCollection(a) ? a.every((y) => items.some((x) => javaEquals(x, y))) : NO_METHOD;
    case "toArray/0":
      return markList([...items], "array");
    case "toJSONString/0":
      return kind === "json" ? jsonSmartStringify(items, true, javaString) : NO_METHOD;
  }
  if (!isList) {
    const owner = viewOwner(items);
    if (owner && name === "remove" && args.length === 1) return removeFromView(items, owner, a);
    if (["add/1", "addAll/1", "remove/1", "clear/0"].includes(`${name}/${args.length}`)) throw unsupported();
    return NO_METHOD;
  }
  switch (`${name}/${args.length}`) {
    case "get/1":
      if (!isJavaInt(a)) return NO_METHOD;
      if (a < 0 || a >= items.length) throw indexError(a, items.length);
      return items[a] ?? null;
    case "indexOf/1":
      return items.findIndex((x) => javaEquals(x, a));
    case "lastIndexOf/1":
      for (let i = items.length - 1; i >= 0; i--) if (javaEquals(items[i], a)) return i;
      return -1;
    case "set/2": {
      if (!isJavaInt(a)) return NO_METHOD;
      if (a < 0 || a >= items.length) throw indexError(a, items.length);
      const previous = items[a];
      items[a] = b;
      return previous ?? null;
    }
    case "subList/2":
      if (!isJavaInt(a) || !isJavaInt(b)) return NO_METHOD;
      if (a < 0 || b > items.length || a > b) throw new JavaException(`java.lang.IndexOutOfBoundsException: fromIndex: ${a}, toIndex: ${b}`);
      return items.slice(a, b);
  }
  if (!growable) {
    if (["add/1", "add/2", "addAll/1", "addAll/2", "remove/1", "clear/0"].includes(`${name}/${args.length}`)) throw unsupported();
    return NO_METHOD;
  }
  switch (`${name}/${args.length}`) {
    case "add/1":
      items.push(a);
      return true;
    case "add/2":
      if (!isJavaInt(a)) return NO_METHOD;
      if (a < 0 || a > items.length) throw indexError(a, items.length);
      items.splice(a, 0, b);
      return null;
    case "addAll/1":
      if (!isCollection(a)) return NO_METHOD;
      items.push(...a);
      return a.length > 0;
    case "addAll/2":
      if (!isJavaInt(a) || !isCollection(b)) return NO_METHOD;
      if (a < 0 || a > items.length) throw indexError(a, items.length);
      items.splice(a, 0, ...b);
      return b.length > 0;
    case "remove/1": {
      if (isJavaInt(a)) {
        if (a < 0 || a >= items.length) throw indexError(a, items.length);
        return items.splice(a, 1)[0] ?? null;
      }
      const i = items.findIndex((x) => javaEquals(x, a));
      if (i >= 0) items.splice(i, 1);
      return i >= 0;
    }
    case "clear/0":
      items.length = 0;
      return null;
    default:
      return NO_METHOD;
  }
}

/** `view.remove(x)` on a `keySet()`, `values()` or `entrySet()` view: removes from the map behind it. */
function removeFromView(items: unknown[], owner: Map<unknown, unknown>, x: unknown): boolean {
  const i = items.findIndex((item) => javaEquals(item, x));
  if (i < 0) return false;
  const item = items[i];
  items.splice(i, 1);
  const key = item instanceof JavaEntry ? item.key : listKind(items) === "set" ? item : [...owner].find(([, v]) => javaEquals(v, item))?.[0];
  owner.delete(key);
  return true;
}

function mapMethod(map: Map<unknown, unknown>, name: string, args: Args): unknown {
  const [a, b] = args;
  switch (`${name}/${args.length}`) {
    case "get/1":
      return map.get(a) ?? null;
    case "getOrDefault/2":
      return map.has(a) ? (map.get(a) ?? null) : b;
    case "put/2":
      return putEntry(map, a, b);
    case "putIfAbsent/2": {
      const current = map.get(a);
      if (current !== undefined && current !== null) return current;
      putEntry(map, a, b);
      return null;
    }
    case "replace/2":
      return map.has(a) ? putEntry(map, a, b) : null;
    case "putAll/1":
      if (!(a instanceof Map)) return NO_METHOD;
      for (const [k, v] of a) putEntry(map, k, v);
      return null;
    case "containsKey/1":
      return map.has(a);
    case "containsValue/1":
      return [...map.values()].some((v) => javaEquals(v, a));
    case "remove/1": {
      const previous = map.get(a);
      map.delete(a);
      return previous ?? null;
    }
    case "size/0":
      return map.size;
    case "isEmpty/0":
      return map.size === 0;
    case "clear/0":
      map.clear();
      return null;
    case "keySet/0":
      return markView([...map.keys()], "set", map);
    case "values/0":
      return markView([...map.values()], "collection", map);
    case "entrySet/0":
      return markView(
        [...map].map(([k, v]) => new JavaEntry(k, v, map)),
        "set",
        map,
      );
    case "toString/0":
      return javaString(map);
    case "equals/1":
      return javaEquals(map, a);
    default:
      return NO_METHOD;
  }
}

function entryMethod(entry: JavaEntry, name: string, args: Args): unknown {
  switch (`${name}/${args.length}`) {
    case "getKey/0":
      return entry.key;
    case "getValue/0":
      return entry.value;
    case "setValue/1": {
      const previous = entry.value;
      entry.value = args[0];
      if (entry.owner) putEntry(entry.owner, entry.key, args[0]);
      return previous;
    }
    case "toString/0":
      return javaString(entry);
    case "equals/1":
      return javaEquals(entry, args[0]);
    default:
      return NO_METHOD;
  }
}

/** `(int) value` / `(long) value` as Java narrows: doubles truncate toward zero and saturate, longs wrap. */
function narrow(value: number | bigint | JavaDouble, bits: 32 | 64): number | bigint {
  const limit = 2n ** BigInt(bits - 1);
  if (value instanceof JavaDouble) {
    const v = value.value;
    if (Number.isNaN(v)) return 0;
    if (v >= Number(limit)) return integer(limit - 1n);
    if (v <= -Number(limit)) return integer(-limit);
    return integer(BigInt(Math.trunc(v)));
  }
  return integer(BigInt.asIntN(bits, BigInt(value)));
}

function numberMethod(n: number | bigint | JavaDouble, name: string, args: Args): unknown {
  const [a] = args;
  switch (`${name}/${args.length}`) {
    case "intValue/0":
      return narrow(n, 32);
    case "longValue/0":
      return narrow(n, 64);
    case "doubleValue/0":
    case "floatValue/0":
      return new JavaDouble(n instanceof JavaDouble ? n.value : Number(n));
    case "toString/0":
      return javaString(n);
    case "equals/1":
      return javaEquals(n, a);
    case "compareTo/1":
      return isJavaNumber(a) && isJavaInteger(a) === isJavaInteger(n) ? compareNumbers(n, a) : NO_METHOD;
    case "isNaN/0":
      return n instanceof JavaDouble ? Number.isNaN(n.value) : NO_METHOD;
    case "isInfinite/0":
      return n instanceof JavaDouble ? Math.abs(n.value) === Infinity : NO_METHOD;
    default:
      return NO_METHOD;
  }
}

function booleanMethod(value: boolean, name: string, args: Args): unknown {
  switch (`${name}/${args.length}`) {
    case "booleanValue/0":
      return value;
    case "toString/0":
      return String(value);
    case "equals/1":
      return args[0] === value;
    default:
      return NO_METHOD;
  }
}

function scopeMethod(scope: ForeachScope, name: string, args: Args): unknown {
  if (args.length > 0) return NO_METHOD;
  switch (name) {
    case "getIndex":
      return scope.index;
    case "getCount":
      return scope.count;
    case "hasNext":
    case "getHasNext":
      return scope.hasNext;
    case "isFirst":
    case "getFirst":
      return scope.index === 0;
    case "isLast":
    case "getLast":
      return !scope.hasNext;
    case "getParent":
      return scope.parent;
    case "getTopmost": {
      let top = scope;
      while (top.parent) top = top.parent;
      return top;
    }
    default:
      return NO_METHOD;
  }
}

/** `target.name(args)`, or {@link NO_METHOD}. */
export function invokeMethod(target: unknown, name: string, args: Args): unknown {
  if (typeof target === "string") return stringMethod(target, name, args);
  if (Array.isArray(target)) return listMethod(target, name, args);
  if (target instanceof Map) return mapMethod(target, name, args);
  if (target instanceof JavaEntry) return entryMethod(target, name, args);
  if (isJavaNumber(target)) return numberMethod(target, name, args);
  if (typeof target === "boolean") return booleanMethod(target, name, args);
  if (target instanceof ForeachScope) return scopeMethod(target, name, args);
  if (isHostObject(target)) return target.invoke(name, args);
  return NO_METHOD;
}

/** `target.name`: a map key, else a getter (see the module comment); null when there is none. */
export function readProperty(target: unknown, name: string): unknown {
  if (target instanceof Map) return target.get(name) ?? null;
  if (isHostObject(target)) return target.property(name);
  const cap = name.charAt(0).toUpperCase() + name.slice(1);
  for (const getter of [`get${name}`, `get${cap}`, `is${name}`, `is${cap}`]) {
    const value = invokeMethod(target, getter, []);
    if (value !== NO_METHOD) return value;
  }
  return null;
}
