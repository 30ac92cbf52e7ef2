/**
 * Security requirements name defined schemes.
 *
 * Each name in a Security Requirement Object, and each WebSocket route's `auth`, must be a key of
 * `components.securitySchemes`.
 * Source: OpenAPI 3.1 §4.8.30 Security Requirement Object ("Each name MUST correspond to a security scheme which
 * is declared in the Security Schemes under the Components Object").
 */
import { child } from "../origins.js";
import { reportOnce, type Rule } from "../rule.js";
import { didYouMean } from "../../parse/did-you-mean.js";

/** Reports at the requirement's key (once for a document-level requirement that many operations inherit). */
export const securitySchemeUnknown: Rule = {
  name: "security-scheme-unknown",
  codes: ["security-scheme-unknown"],
  check(model, report) {
    const once = reportOnce(report);
    const names = model.securitySchemes.map((s) => s.name);
    const known = new Set(names);
    for (const op of model.operations) {
      for (const alternative of op.security) {
        for (const { name } of alternative.schemes) {
          if (known.has(name)) continue;
          once({
            code: "security-scheme-unknown",
            args: { name, hint: didYouMean(name, names) },
            origin: child(alternative.origin, name),
            part: "key",
          });
        }
      }
    }
    for (const route of model.websocket?.routes ?? []) {
      if (!route.auth || known.has(route.auth.scheme)) continue;
      const name = route.auth.scheme;
      once({ code: "security-scheme-unknown", args: { name, hint: didYouMean(name, names) }, origin: route.auth.origin });
    }
  },
};
