/**
 * Applies OpenAPI Overlay 1.0 documents (https://spec.openapis.org/overlay/v1.0.0.html) to the entry document,
 * copied on write (see `overlay-draft.ts`), in order, action by action, each on the result of the previous one.
 *
 * The rules, from the Overlay Specification 1.0.0 (Action Object), with its 1.1.0 wording where 1.0.0 is
 * silent on a case:
 * - `target` is a JSONPath query; it must select objects or arrays, never primitives or null.
 * - `remove: true` deletes each selected node from the object or array holding it (`update` is then ignored).
 * - `update` on a selected object must itself be an object and is merged recursively: a property only in the
 *   update is inserted; objects merge; arrays concatenate (the update's items are appended); a primitive replaces
 *   a primitive; any other pairing (object with array, collection with primitive) is incompatible.
 * - `update` on a selected array is appended to it as one new item.
 * - A target that selects nothing changes nothing (reported as a warning).
 */
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { selectNodes, type Selected } from "./jsonpath.js";
import { DocumentDraft } from "./overlay-draft.js";
import { MAX_DEPTH } from "./limits.js";
import { readOverlay, type OverlayAction } from "./overlay-document.js";
import { OverlayOrigins } from "./overlay-origins.js";
import { childPointer, parsePointer } from "./pointer.js";
import type { LoadedFile } from "./types.js";
import { cloneValue, heightOf, isPlainObject, setOwn, type PlainObject } from "./values.js";

/** The document after overlays, where its parts came from, and what went wrong. */
export interface OverlayOutcome {
  readonly document: unknown;
  readonly origins: OverlayOrigins;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Applies `overlays` (parsed overlay files, in order) to `document` (the entry file's value, which is left as it
 * is: the nodes actions change are copies).
 * Diagnostics, all pointing into the overlay files: those of {@link readOverlay}; `overlay-target-invalid` (a
 * filter that fails, a selected primitive, removing the root); `overlay-target-unmatched` (warning);
 * `overlay-invalid` (an update that does not fit the selected node); `nesting-too-deep` (an insertion that would
 * take the document past {@link MAX_DEPTH}).
 */
export function applyOverlays(entryFile: string, document: unknown, overlays: readonly LoadedFile[]): OverlayOutcome {
  const origins = new OverlayOrigins(entryFile);
  const diagnostics: Diagnostic[] = [];
  const draft = new DocumentDraft(document);
  for (const overlay of overlays) {
    if (overlay.value === undefined) continue;
    const { actions, diagnostics: found } = readOverlay(overlay.path, overlay.value);
    diagnostics.push(...found);
    for (const action of actions) applyAction(overlay.path, action, draft, origins, diagnostics);
  }
  return { document: draft.root, origins, diagnostics };
}

function applyAction(file: string, action: OverlayAction, draft: DocumentDraft, origins: OverlayOrigins, out: Diagnostic[]): void {
  const targetOrigin = { file, pointer: `${action.pointer}/target` };
  const targetInvalid = (reason: string) =>
    out.push(createDiagnostic({ code: "overlay-target-invalid", args: { target: JSON.stringify(action.target), reason }, origin: targetOrigin }));
  const selected = selectNodes(draft.root, action.query);
  if (!selected.ok) return void targetInvalid(selected.reason);
  if (selected.value.length === 0) {
    out.push(createDiagnostic({ code: "overlay-target-unmatched", args: { target: JSON.stringify(action.target) }, origin: targetOrigin }));
    return;
  }
  const primitive = selected.value.find((n) => n.value === null || typeof n.value !== "object");
  if (primitive && (action.remove || action.hasUpdate)) {
    const what = primitive.value === null ? "null" : `a ${typeof primitive.value}`;
    targetInvalid(`it selects ${what} at ${primitive.pointer || "the root"}; select the object that holds the property instead`);
  }
  const nodes = selected.value.filter((n) => n !== primitive && n.value !== null && typeof n.value === "object");
  if (action.remove) return removeNodes(nodes, draft, origins, targetInvalid);
  if (!action.hasUpdate) return;
  const ctx: MergeContext = { file, origins, out, draft };
  for (const node of nodes) {
    if (Array.isArray(node.value)) {
      append(writable(draft, node) as unknown[], action.update, node.pointer, `${action.pointer}/update`, ctx);
    } else if (!isPlainObject(action.update)) {
      incompatible(ctx, `${action.pointer}/update`, `the update must be an object because the target selects an object (${node.pointer || "the root"})`);
      return;
    } else {
      merge(writable(draft, node) as PlainObject, action.update, node.pointer, `${action.pointer}/update`, ctx);
    }
  }
}

/** The selected container, ready to be written to (selected nodes always exist). */
function writable(draft: DocumentDraft, node: Selected): unknown {
  return draft.writable(parsePointer(node.pointer) ?? []);
}

function removeNodes(nodes: readonly Selected[], draft: DocumentDraft, origins: OverlayOrigins, targetInvalid: (r: string) => void): void {
  const paths = nodes.map((n) => ({ pointer: n.pointer, tokens: parsePointer(n.pointer) ?? [] }));
  if (paths.some((p) => p.tokens.length === 0)) targetInvalid("the document root cannot be removed");
  // Deepest and last first, so indexes of items still to remove stay valid.
  paths.sort((a, b) => compareTokens(b.tokens, a.tokens));
  for (const { pointer, tokens } of paths) {
    if (tokens.length === 0) continue;
    const parentTokens = tokens.slice(0, -1);
    const holder = draft.writable(parentTokens);
    const last = tokens[tokens.length - 1] as string;
    if (!holder) continue;
    const parentPointer = pointer.slice(0, pointer.lastIndexOf("/"));
    if (Array.isArray(holder)) {
      const index = Number(last);
      if (index >= holder.length) continue;
      origins.removeItem(parentPointer, index, holder.length);
      holder.splice(index, 1);
    } else {
      delete holder[last];
    }
  }
}

function compareTokens(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

interface MergeContext {
  readonly file: string;
  readonly origins: OverlayOrigins;
  readonly out: Diagnostic[];
  readonly draft: DocumentDraft;
}

function merge(target: PlainObject, update: PlainObject, docPointer: string, overlayPointer: string, ctx: MergeContext): void {
  for (const key of Object.keys(update)) {
    const u = update[key];
    const docChild = childPointer(docPointer, key);
    const overlayChild = childPointer(overlayPointer, key);
    if (!Object.hasOwn(target, key)) {
      insert(docChild, overlayChild, u, ctx, (copy) => setOwn(target, key, copy));
      continue;
    }
    const t = target[key];
    if (isPlainObject(t) && isPlainObject(u)) merge(ctx.draft.writableChild(target, key) as PlainObject, u, docChild, overlayChild, ctx);
    else if (Array.isArray(t) && Array.isArray(u)) {
      const items = ctx.draft.writableChild(target, key) as unknown[];
      u.forEach((item, j) => append(items, item, docChild, childPointer(overlayChild, j), ctx));
    }
    else if (!isCollection(t) && !isCollection(u)) {
      setOwn(target, key, u);
      ctx.origins.set(docChild, { file: ctx.file, pointer: overlayChild });
    } else {
      incompatible(ctx, overlayChild, `cannot merge ${kindOf(u)} into ${kindOf(t)} at ${docChild}`);
    }
  }
}

function append(target: unknown[], item: unknown, docPointer: string, overlayPointer: string, ctx: MergeContext): void {
  insert(childPointer(docPointer, target.length), overlayPointer, item, ctx, (copy) => target.push(copy));
}

function insert(docPointer: string, overlayPointer: string, value: unknown, ctx: MergeContext, put: (copy: unknown) => void): void {
  const depth = (parsePointer(docPointer) ?? []).length;
  if (depth + heightOf(value) > MAX_DEPTH) {
    ctx.out.push(createDiagnostic({ code: "nesting-too-deep", args: { limit: String(MAX_DEPTH) }, origin: { file: ctx.file, pointer: overlayPointer } }));
    return;
  }
  put(cloneValue(value));
  ctx.origins.set(docPointer, { file: ctx.file, pointer: overlayPointer });
}

function incompatible(ctx: MergeContext, pointer: string, reason: string): void {
  ctx.out.push(createDiagnostic({ code: "overlay-invalid", args: { reason }, origin: { file: ctx.file, pointer } }));
}

function isCollection(value: unknown): boolean {
  return value !== null && typeof value === "object";
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return isPlainObject(value) ? "an object" : `a ${typeof value}`;
}
