/**
 * Small forward and backward scans over a YAML text, used to turn the positions `js-yaml` reports while parsing
 * (where a node's parsing began and where it stopped) into the ranges of the node's own text. Every scan stops
 * at the end of the text: `charCodeAt` past it is NaN, which matches no character tested here.
 */

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const BANG = 0x21;
const AMPERSAND = 0x26;
const LESS = 0x3c;
const GREATER = 0x3e;

/** Space or tab. */
export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Line feed or carriage return. */
export function isBreak(c: number): boolean {
  return c === LF || c === CR;
}

function isFlowIndicator(c: number): boolean {
  return c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
}

/** Offset just past the comment that starts at `from` (the line break that ends it is not included). */
export function commentEnd(text: string, from: number): number {
  let p = from;
  while (p < text.length && !isBreak(text.charCodeAt(p))) p++;
  return p;
}

/** Offset just past the tag (`!x`, `!!str`, `!<…>`) or anchor (`&a`) that starts at `from`. */
function propertyEnd(text: string, from: number): number {
  let p = from + 1;
  if (text.charCodeAt(from) === BANG && text.charCodeAt(p) === LESS) {
    while (p < text.length && text.charCodeAt(p) !== GREATER) p++;
    return Math.min(p + 1, text.length);
  }
  const isAnchor = text.charCodeAt(from) === AMPERSAND;
  for (; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (isBlank(c) || isBreak(c) || (isAnchor && isFlowIndicator(c))) break;
  }
  return p;
}

/**
 * Where a node's content starts when its parsing began at `from`: separation (spaces, tabs, line breaks,
 * comments) and the node's properties (tags, anchors) are skipped.
 */
export function contentStart(text: string, from: number): number {
  let p = from;
  for (;;) {
    const c = text.charCodeAt(p);
    if (isBlank(c) || isBreak(c)) p++;
    else if (c === HASH) p = commentEnd(text, p);
    else if (c === BANG || c === AMPERSAND) p = propertyEnd(text, p);
    else return p;
  }
}

/**
 * Where an empty node (no content, perhaps properties) stands when its parsing began at `from`: after the
 * spaces and properties on the same line, before any comment or line break.
 */
export function emptyNodeAt(text: string, from: number): number {
  let p = from;
  for (;;) {
    const c = text.charCodeAt(p);
    if (isBlank(c)) p++;
    else if (c === BANG || c === AMPERSAND) p = propertyEnd(text, p);
    else return p;
  }
}

/** End of a plain scalar that starts at `start` and whose parsing stopped at `stop`: trailing white space is not part of it. */
export function plainScalarEnd(text: string, start: number, stop: number): number {
  let p = Math.min(stop, text.length);
  while (p > start) {
    const c = text.charCodeAt(p - 1);
    if (!isBlank(c) && !isBreak(c)) break;
    p--;
  }
  return p;
}

/** End of the alias (`*name`) that starts at `start`. */
export function aliasEnd(text: string, start: number): number {
  let p = start + 1;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    if (isBlank(c) || isBreak(c) || isFlowIndicator(c)) break;
    p++;
  }
  return p;
}

/**
 * End of a block scalar whose header (`|`, `>-`, `|+2`…) is at `start` and which is followed by the line that
 * starts at `nextLine` (or the end of the text). With keep chomping (`+`) the trailing empty lines belong to it;
 * otherwise it ends with the line break of its last line that is not empty (made of no more spaces than its
 * first content line is indented by; the header line when it has no content).
 */
export function blockScalarEnd(text: string, start: number, nextLine: number): number {
  let p = Math.min(nextLine, text.length);
  for (let h = start + 1; h < text.length; h++) {
    const c = text.charCodeAt(h);
    if (c === 0x2b) return p;
    if (c !== 0x2d && !(c >= 0x30 && c <= 0x39)) break;
  }
  const indent = contentIndent(text, start, p);
  for (;;) {
    if (p === 0 || !isBreak(text.charCodeAt(p - 1))) return p;
    let lineEnd = p - 1;
    if (text.charCodeAt(lineEnd) === LF && lineEnd > 0 && text.charCodeAt(lineEnd - 1) === CR) lineEnd--;
    let lineStart = lineEnd;
    while (lineStart > 0 && !isBreak(text.charCodeAt(lineStart - 1))) lineStart--;
    if (lineStart <= start) return p;
    let q = lineStart;
    while (q < lineEnd && text.charCodeAt(q) === SPACE) q++;
    if (q < lineEnd || lineEnd - lineStart > indent) return p;
    p = lineStart;
  }
}

/** Indentation of the first line after the one holding `start` that has more than spaces, before `end`. */
function contentIndent(text: string, start: number, end: number): number {
  let p = start;
  while (p < end && !isBreak(text.charCodeAt(p))) p++;
  while (p < end) {
    while (p < end && isBreak(text.charCodeAt(p))) p++;
    const lineStart = p;
    while (p < end && text.charCodeAt(p) === SPACE) p++;
    if (p < end && !isBreak(text.charCodeAt(p))) return p - lineStart;
  }
  return Infinity;
}

/**
 * The first `indicator` (`:`, `?`, `-`, given as a character code) in `[from, to)`, which holds only what separates
 * two sibling nodes (white space, comments, indicators); -1 when there is none.
 */
export function indicatorIn(text: string, from: number, to: number, indicator: number): number {
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c === indicator) return p;
    if (c === HASH) p = commentEnd(text, p);
  }
  return -1;
}
