/**
 * Where `yaml` ends a block mapping or sequence, so that ranges from the `js-yaml` pass match the ones `yaml`
 * gives. A block collection's range runs to the end of its last entry's node *with the trailing text `yaml`
 * attaches to that node*: the rest of the node's line (spaces, a comment, the line break) and the comment lines
 * after it indented deeper than the collection; all the comment lines after an empty node that has a comment;
 * for a nested block collection, the comment lines at its end that it keeps. Comment lines at the end of a
 * collection stay with it when one of them is indented at least as deep as the collection (and the collection
 * is indented), and so do all the empty and comment lines after them up to the next content; otherwise they
 * move out to the enclosing collection, where the same rule applies.
 */
import { commentEnd, isBlank, isBreak } from "./yaml-text-scan.js";

const HASH = 0x23;
const LF = 0x0a;
const CR = 0x0d;

/** A node's range, and for a block collection `t`, the end of the comment lines it keeps. */
interface Ranged {
  readonly s: number;
  readonly e: number;
  readonly t?: number;
}

/** End `e` and kept-comments end `t` of a block collection. */
export interface BlockEnds {
  readonly e: number;
  readonly t: number;
}

/**
 * Ends of the block collection that starts at `start` (its first entry) and whose parsing stopped at `stop`
 * (the next content, after its indentation), given its last entry's node.
 */
export function blockCollectionEnds(text: string, start: number, last: Ranged, stop: number): BlockEnds {
  const indent = start - lineStartOf(text, start);
  const e = tailEnd(text, last, indent, stop);
  return { e, t: keptComments(text, e, indent, stop) };
}

function tailEnd(text: string, last: Ranged, indent: number, stop: number): number {
  const end = last.e;
  if (last.t !== undefined) return last.t;
  if (last.s === end) return text.charCodeAt(end) === HASH ? Math.max(end, Math.min(stop, text.length)) : end;
  const first = text.charCodeAt(last.s);
  if (first === 0x7c || first === 0x3e) return end;
  let p = end;
  if (!lineStartsAt(text, end)) {
    p = lineRestEnd(text, end);
    if (p === end) return end;
  }
  for (let q = p; q < text.length; ) {
    let r = q;
    while (isBlank(text.charCodeAt(r))) r++;
    const c = text.charCodeAt(r);
    if (c === HASH && r - q > indent) q = p = lineRestEnd(text, r);
    else if (isBreak(c)) q = lineRestEnd(text, r);
    else break;
  }
  return p;
}

/**
 * Where the comment lines after `from` (a line start, or a line's end) that stay with a collection indented by
 * `indent` end: `stop` (the next content) when they stay, `from` when they move out or there are none.
 */
function keptComments(text: string, from: number, indent: number, stop: number): number {
  if (indent === 0) return from;
  for (let q = lineStartsAt(text, from) ? from : lineRestEnd(text, from); q < stop; ) {
    let r = q;
    while (isBlank(text.charCodeAt(r))) r++;
    const c = text.charCodeAt(r);
    if (c === HASH && r - q >= indent) return Math.max(from, Math.min(stop, text.length));
    if (c !== HASH && !isBreak(c)) break;
    q = lineRestEnd(text, r);
  }
  return from;
}

function lineStartOf(text: string, offset: number): number {
  let p = offset;
  while (p > 0 && !isBreak(text.charCodeAt(p - 1))) p--;
  return p;
}

function lineStartsAt(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  return offset === 0 || before === LF || (before === CR && text.charCodeAt(offset) !== LF);
}

/** After the spaces, comment and line break that end the line at `from`; `from` itself when something else follows. */
function lineRestEnd(text: string, from: number): number {
  let p = from;
  while (isBlank(text.charCodeAt(p))) p++;
  if (text.charCodeAt(p) === HASH) p = commentEnd(text, p);
  if (text.charCodeAt(p) === CR) p++;
  if (text.charCodeAt(p) === LF) p++;
  return p === text.length || isBreak(text.charCodeAt(p - 1)) ? p : from;
}
