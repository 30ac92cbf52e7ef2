/**
 * Names of the SDK's types: TypeScript identifiers made from whatever a spec calls its schemas and operations, and
 * the allocator that keeps them unique.
 *
 * - A type name is the PascalCase of the text's words (`simple-user` → `SimpleUser`, `account_business_profile` →
 *   `AccountBusinessProfile`); characters that cannot be part of an identifier (under every `target`, ES5 and
 *   later) separate words. A name that would start with a digit starts with `_` (`2fa` → `_2fa`).
 * - A name that is a global the SDK or its users rely on (`Blob`, `Error`, `Response`, `Record`, …: see
 *   {@link GLOBAL_TYPE_NAMES}) gets the suffix `Model` (`Error` → `ErrorModel`), so no declaration shadows it.
 * - A name the SDK's runtime exports (`ApiError`, `ApiResponse`, …: the allocator's `reserved` set) gets the same
 *   suffix when claimed.
 * - When names still collide, the first claim keeps the name and later ones get `2`, `3`, …; callers claim in a
 *   fixed order (spec names that already are the identifier first), so a name changes only when a schema whose
 *   name collides with it is added, never when an unrelated one is.
 */
import { ts } from "ts-morph";

/**
 * Global values and types a declaration in the SDK must not shadow: the ECMAScript globals, TypeScript's utility
 * types, the fetch / streams / encoding / crypto APIs the client runtime uses (Web and Node), and Node's `Buffer`.
 * DOM-only globals (`Node`, `Document`, …) are not listed: the SDK never uses them, and schemas are often named so.
 */
export const GLOBAL_TYPE_NAMES: ReadonlySet<string> = new Set([
  // ECMAScript
  "AggregateError", "Array", "ArrayBuffer", "ArrayBufferLike", "ArrayBufferView", "ArrayLike", "AsyncGenerator",
  "AsyncGeneratorFunction", "AsyncIterable", "AsyncIterableIterator", "AsyncIterator", "Atomics", "BigInt",
  "BigInt64Array", "BigUint64Array", "Boolean", "DataView", "Date", "Error", "EvalError", "FinalizationRegistry",
  "Float32Array", "Float64Array", "Function", "Generator", "GeneratorFunction", "Infinity", "Int16Array", "Int32Array",
  "Int8Array", "Intl", "Iterable", "IterableIterator", "Iterator", "JSON", "Map", "Math", "NaN", "Number", "Object",
  "Promise", "PromiseLike", "PropertyDescriptor", "PropertyKey", "Proxy", "RangeError", "ReadonlyArray", "ReadonlyMap",
  "ReadonlySet", "ReferenceError", "Reflect", "RegExp", "Set", "SharedArrayBuffer", "String", "Symbol", "SyntaxError",
  "TemplateStringsArray", "TypeError", "URIError", "Uint16Array", "Uint32Array", "Uint8Array", "Uint8ClampedArray",
  "WeakMap", "WeakRef", "WeakSet", "WebAssembly",
  // TypeScript utility types
  "Awaited", "Capitalize", "ConstructorParameters", "Exclude", "Extract", "InstanceType", "Lowercase", "NoInfer",
  "NonNullable", "Omit", "OmitThisParameter", "Parameters", "Partial", "Pick", "Readonly", "Record", "Required",
  "ReturnType", "ThisParameterType", "ThisType", "Uncapitalize", "Uppercase",
  // fetch, streams, encoding, events, crypto, timers (Web platform and Node)
  "AbortController", "AbortSignal", "Blob", "BlobPart", "BodyInit", "Buffer", "CloseEvent", "Crypto", "CryptoKey",
  "CustomEvent", "DOMException", "Event", "EventTarget", "File", "FormData", "Headers", "HeadersInit", "MessageEvent",
  "NodeJS", "ReadableStream", "Request", "RequestInfo", "RequestInit", "Response", "ResponseInit", "SubtleCrypto",
  "TextDecoder", "TextEncoder", "URL", "URLSearchParams", "WebSocket", "WritableStream",
]);

/** The suffix added to a name that is in {@link GLOBAL_TYPE_NAMES}. */
const GLOBAL_SUFFIX = "Model";

/** True when `codePoint` may appear in an identifier under both the ES5 and the ESNext tables of TypeScript. */
function isPart(codePoint: number): boolean {
  return ts.isIdentifierPart(codePoint, ts.ScriptTarget.ES5) && ts.isIdentifierPart(codePoint, ts.ScriptTarget.ESNext);
}

function isStart(codePoint: number): boolean {
  return ts.isIdentifierStart(codePoint, ts.ScriptTarget.ES5) && ts.isIdentifierStart(codePoint, ts.ScriptTarget.ESNext);
}

/** The words of `text`: runs of identifier characters other than `_` and `$`. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  let word = "";
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    if (char !== "_" && char !== "$" && isPart(cp)) {
      word += char;
    } else if (word !== "") {
      words.push(word);
      word = "";
    }
  }
  if (word !== "") words.push(word);
  return words;
}

/** The words of `text` joined in PascalCase (`list-pets` → `ListPets`); the rest of each word keeps its case. */
function pascalCase(text: string): string {
  return wordsOf(text)
    .map((w) => {
      const first = String.fromCodePoint(w.codePointAt(0) as number);
      return first.toUpperCase() + w.slice(first.length);
    })
    .join("");
}

/**
 * The type name for `text` before collisions are resolved: its PascalCase, `_` before a leading digit, `fallback`
 * when nothing usable is left, and the `Model` suffix for a global name.
 */
export function typeName(text: string, fallback: string): string {
  let name = pascalCase(text);
  if (name === "") name = fallback;
  if (!isStart(name.codePointAt(0) as number)) name = `_${name}`;
  return GLOBAL_TYPE_NAMES.has(name) ? name + GLOBAL_SUFFIX : name;
}

/**
 * Hands out unique identifiers: the first claim of a name gets it, later ones get `2`, `3`, … appended (after a
 * `_` when the name ends with a digit: `ListPetsResponse200_2`). A `reserved` name (one the SDK declares itself)
 * is never handed out: a claim of it is a claim of the name with the `Model` suffix.
 */
export class NameAllocator {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();

  constructor(readonly reserved: ReadonlySet<string> = new Set()) {}

  /** `candidate` (with the `Model` suffix when reserved), or the first free one of those + n (n ≥ 2). */
  claim(wanted: string): string {
    const candidate = this.reserved.has(wanted) ? wanted + GLOBAL_SUFFIX : wanted;
    if (!this.taken.has(candidate)) {
      this.taken.add(candidate);
      return candidate;
    }
    const stem = /[0-9]$/.test(candidate) ? `${candidate}_` : candidate;
    let n = this.next.get(candidate) ?? 2;
    while (this.taken.has(`${stem}${n}`)) n++;
    this.next.set(candidate, n + 1);
    const name = `${stem}${n}`;
    this.taken.add(name);
    return name;
  }
}

const ASCII_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A property name as written in a type: the name itself when it is a plain ASCII identifier, else a string literal
 * made by `JSON.stringify` (with U+2028 and U+2029 escaped too, which TypeScript's scanner takes for line breaks).
 */
export function propertyName(name: string): ts.PropertyName {
  return ts.factory.createIdentifier(ASCII_IDENTIFIER.test(name) ? name : quote(name));
}

/** `text` as a string literal: `JSON.stringify`, plus escapes for the two Unicode line terminators. */
export function quote(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
