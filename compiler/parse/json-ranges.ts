/**
 * The pointer → range map of a JSON text, built in one `jsonc-parser` scan. Only built for a file that has a
 * diagnostic to place, and only after the text passed the depth check (so the scan's recursion is bounded).
 */
import { visit } from "jsonc-parser";
import { childPointer } from "./pointer.js";
import type { NodeRange } from "./types.js";

interface Frame {
  readonly pointer: string;
  readonly key: readonly [number, number] | undefined;
  readonly start: number;
  /** Next index for an array, -1 for an object. */
  index: number;
}

/**
 * Maps every node's pointer to its key range (members only) and value range. With duplicate keys the first
 * occurrence keeps the pointer.
 */
export function buildJsonRanges(text: string): Map<string, NodeRange> {
  const ranges = new Map<string, NodeRange>();
  const frames: Frame[] = [];
  let pendingName = "";
  let pendingKey: readonly [number, number] | undefined;

  const nextPointer = (): { pointer: string; key: readonly [number, number] | undefined } => {
    const parent = frames[frames.length - 1];
    if (!parent) return { pointer: "", key: undefined };
    if (parent.index >= 0) return { pointer: childPointer(parent.pointer, parent.index++), key: undefined };
    return { pointer: childPointer(parent.pointer, pendingName), key: pendingKey };
  };
  const record = (pointer: string, key: readonly [number, number] | undefined, start: number, end: number) => {
    if (!ranges.has(pointer)) ranges.set(pointer, key ? { key, value: [start, end] } : { value: [start, end] });
  };
  const open = (offset: number, isArray: boolean) => {
    const { pointer, key } = nextPointer();
    frames.push({ pointer, key, start: offset, index: isArray ? 0 : -1 });
  };
  const close = (offset: number, length: number) => {
    const frame = frames.pop();
    if (frame) record(frame.pointer, frame.key, frame.start, offset + length);
  };
  visit(text, {
    onObjectBegin: (offset) => open(offset, false),
    onArrayBegin: (offset) => open(offset, true),
    onObjectEnd: close,
    onArrayEnd: close,
    onObjectProperty(name, offset, length) {
      pendingName = name;
      pendingKey = [offset, offset + length];
    },
    onLiteralValue(_value, offset, length) {
      const { pointer, key } = nextPointer();
      record(pointer, key, offset, offset + length);
    },
  });
  return ranges;
}
