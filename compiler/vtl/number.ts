/**
 * Java number semantics as Velocity 1.7 applies them (`MathUtils`): integer arithmetic stays integral (division
 * truncates, `7 / 2` is `3`), any `Double` operand makes the result a `Double`, a zero divisor yields null, and
 * comparisons are numeric across types (`1 == 1.0`). Doubles print like `Double.toString` (`5.0`, `1.0E10`).
 */
import { JavaDouble, integer, isJavaInteger } from "./values.js";

/** `Double.toString(value)`: `5.0`, `0.05`, `1.0E7`, `1.234E-5`, `NaN`, `Infinity`, `-0.0`. */
export function javaDoubleToString(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e7) {
    const plain = String(value);
    return plain.includes(".") ? plain : `${plain}.0`;
  }
  const [mantissa = "", exponent = ""] = value.toExponential().split("e");
  return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}E${exponent.startsWith("+") ? exponent.slice(1) : exponent}`;
}

type JavaNumber = number | bigint | JavaDouble;

function toDouble(value: JavaNumber): number {
  return value instanceof JavaDouble ? value.value : Number(value);
}

/**
 * `left op right` for `+ - * / %` on two Java numbers; null where Velocity yields null (a zero divisor).
 * Integers are computed exactly (as `bigint`) and come back as `number` while they are safe integers.
 */
export function arithmetic(op: "+" | "-" | "*" | "/" | "%", left: JavaNumber, right: JavaNumber): JavaNumber | null {
  if (left instanceof JavaDouble || right instanceof JavaDouble) {
    const a = toDouble(left);
    const b = toDouble(right);
    if ((op === "/" || op === "%") && b === 0) return null;
    return new JavaDouble(op === "+" ? a + b : op === "-" ? a - b : op === "*" ? a * b : op === "/" ? a / b : a % b);
  }
  const a = BigInt(left);
  const b = BigInt(right);
  if ((op === "/" || op === "%") && b === 0n) return null;
  return integer(op === "+" ? a + b : op === "-" ? a - b : op === "*" ? a * b : op === "/" ? a / b : a % b);
}

/** `-value`. */
export function negate(value: JavaNumber): JavaNumber {
  if (value instanceof JavaDouble) return new JavaDouble(-value.value);
  return integer(-BigInt(value));
}

/** Compares two Java numbers numerically: negative, zero or positive. */
export function compareNumbers(left: JavaNumber, right: JavaNumber): number {
  if (isJavaInteger(left) && isJavaInteger(right)) {
    const a = BigInt(left);
    const b = BigInt(right);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const a = toDouble(left);
  const b = toDouble(right);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The value of an integer literal: `Integer`, `Long` or `BigInteger` as Velocity parses it. */
export function integerLiteral(text: string | number): number | bigint {
  return integer(BigInt(text));
}
