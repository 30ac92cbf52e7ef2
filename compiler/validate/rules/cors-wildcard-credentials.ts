/**
 * No wildcard origin with credentials.
 *
 * Browsers refuse a credentialed response whose `Access-Control-Allow-Origin` is `*`, so CORS with
 * `credentials: true` must list its origins.
 * Source: Fetch Standard §3.2.5 "CORS protocol and credentials"; API Gateway Developer Guide, "Configuring CORS
 * for an HTTP API" (http-api-cors.html).
 */
import { child } from "../origins.js";
import type { Rule } from "../rule.js";

/** Reports at the `*` entry of `origins`, with `credentials` as related. */
export const corsWildcardCredentials: Rule = {
  name: "cors-wildcard-credentials",
  codes: ["cors-wildcard-credentials"],
  check(model, report) {
    const cors = model.cors;
    if (!cors?.credentials) return;
    const index = cors.origins.indexOf("*");
    if (index < 0) return;
    report({
      code: "cors-wildcard-credentials",
      origin: child(cors.origin, "origins", index),
      related: [child(cors.origin, "credentials")],
    });
  },
};
