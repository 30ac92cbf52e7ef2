/**
 * `$util`: exactly the six functions API Gateway has (`api-gateway-mapping-template-reference.html`); anything else
 * (`$util.toJson`, `$util.qr` are AWS AppSync's) yields null, which renders as empty text, as on API Gateway.
 * Each takes a string: another argument type matches no method and yields null too (`parseJson` of a number
 * returned empty text on API Gateway, `vtl-and-emulators.md` §1.8). `parseJson` of text that is not JSON also
 * gives `""` (same source).
 */
import { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from "./escape.js";
import { parsePayload } from "./json.js";
import { NO_METHOD, type HostObject } from "./values.js";

/** The names of the `$util` functions. */
export const UTIL_FUNCTIONS = ["escapeJavaScript", "parseJson", "urlEncode", "urlDecode", "base64Encode", "base64Decode"] as const;

const functions: Record<(typeof UTIL_FUNCTIONS)[number], (s: string) => unknown> = {
  escapeJavaScript,
  parseJson: (s) => {
    const result = parsePayload(s);
    return result.ok ? result.value : "";
  },
  urlEncode,
  urlDecode,
  base64Encode,
  base64Decode,
};

/** `$util`. */
export class UtilObject implements HostObject {
  readonly printed = "$util";

  property(): unknown {
    return null;
  }

  invoke(name: string, args: readonly unknown[]): unknown {
    if (!Object.hasOwn(functions, name) || args.length !== 1) return NO_METHOD;
    const [arg] = args;
    if (arg === null) return name === "parseJson" ? NO_METHOD : "";
    if (typeof arg !== "string") return NO_METHOD;
    return functions[name as keyof typeof functions](arg);
  }
}
