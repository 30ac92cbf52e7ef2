/**
 * Errors of the evaluator. A {@link VtlError} is what callers see: a template that does not parse (`syntax`, API
 * Gateway fails such a request with 500) or one that fails while rendering (`runtime`: a Java method threw, an
 * override was set twice, the body is not JSON), each with the 1-based line and column inside the template.
 */

/** Where an error or finding sits in a template: 1-based line and column (UTF-16 code units). */
export interface TemplatePosition {
  readonly line: number;
  readonly column: number;
}

/** A template that does not parse or fails while rendering. */
export class VtlError extends Error {
  constructor(
    readonly kind: "syntax" | "runtime",
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = "VtlError";
  }
}

/** A Java exception thrown by a method the template called (Velocity's `MethodInvocationException`). */
export class JavaException extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JavaException";
  }
}

/** Line starts of a text, to turn offsets into positions. */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }
  /** The 1-based position of a 0-based offset. */
  position(offset: number): TemplatePosition {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1 };
  }
  /** The 0-based offset of a 1-based line and a 0-based column. */
  offset(line: number, column0: number): number {
    return (this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1] as number) + column0;
  }
}
