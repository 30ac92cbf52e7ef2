/**
 * Helpers for the plain values parsers produce (objects, arrays, scalars), written so that spec-controlled keys
 * such as `__proto__` always stay own data properties and never touch a prototype.
 */

/** A JSON-like object: not null, not an array. */
export type PlainObject = Record<string, unknown>;

/** True for a non-null, non-array object. */
export function isPlainObject(value: unknown): value is PlainObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Sets an own data property; `__proto__` is defined, not assigned, so the prototype never changes. */
export function setOwn(target: PlainObject, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/**
 * A deep copy of a tree of plain values, built iteratively (no recursion limit). Shared sub-objects are copied
 * once per occurrence; the input must not contain cycles.
 */
export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  const rootCopy: unknown = Array.isArray(value) ? new Array(value.length) : {};
  const stack: [source: unknown, copy: unknown][] = [[value, rootCopy]];
  while (stack.length > 0) {
    const [source, copy] = stack.pop() as [unknown, unknown];
    if (Array.isArray(source)) {
      const out = copy as unknown[];
      for (let i = 0; i < source.length; i++) out[i] = copyChild(source[i], stack);
    } else {
      const out = copy as PlainObject;
      for (const key of Object.keys(source as PlainObject)) setOwn(out, key, copyChild((source as PlainObject)[key], stack));
    }
  }
  return rootCopy as T;
}

function copyChild(child: unknown, stack: [unknown, unknown][]): unknown {
  if (child === null || typeof child !== "object") return child;
  const copy: unknown = Array.isArray(child) ? new Array(child.length) : {};
  stack.push([child, copy]);
  return copy;
}

/** Pointer tokens from `value` to its deepest descendant: 0 for a scalar or an empty collection. */
export function heightOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (depth > max) max = depth;
    if (node === null || typeof node !== "object") continue;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return max;
}
