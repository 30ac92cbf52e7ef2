/**
 * A file's text with offset → line/column conversion. Line starts are computed on the first query only, so a
 * file that never needs a position never pays for them.
 */
import type { SourceText } from "./types.js";

/**
 * Wraps `text` as a {@link SourceText}. Line ends are `\n`, `\r\n` (one line end) and a lone `\r`; columns count
 * UTF-16 code units. Both are 0-based; offsets outside the text are clamped.
 */
export function createSourceText(path: string, text: string): SourceText {
  let lineStarts: number[] | undefined;
  return {
    path,
    text,
    lineAndColumn(offset) {
      lineStarts ??= computeLineStarts(text);
      const at = Math.max(0, Math.min(offset, text.length));
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((lineStarts[mid] as number) <= at) low = mid;
        else high = mid - 1;
      }
      return { line: low, column: at - (lineStarts[low] as number) };
    },
  };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Replaces a leading byte-order mark by a space, so parsers never see it and offsets stay unchanged. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? " " + text.slice(1) : text;
}
