/**
 * Header names are HTTP tokens.
 *
 * A header name is a `token` (letters, digits and ``!#$%&'*+-.^_`|~``); anything else, CR and LF above all, would
 * break the generated CORS configuration, mapping templates and SDK requests or inject extra headers.
 * Source: RFC 9110 §5.1 Field Names and §5.6.2 Tokens.
 */
import type { Integration, Origin } from "../../model/types.js";
import { child } from "../origins.js";
import { reportOnce, type Rule } from "../rule.js";

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Checks header parameters (at `name`), CORS `headers` and `exposeHeaders` (at the entry), and at the key:
 * response headers, mock and response-mapping headers of operations and WebSocket routes, and gateway-response
 * headers. A node shared by many operations is reported once.
 */
export const invalidHeaderName: Rule = {
  name: "invalid-header-name",
  codes: ["invalid-header-name"],
  check(model, report) {
    const once = reportOnce(report);
    const checkName = (name: string, origin: Origin, part: "key" | "value"): void => {
      if (!TOKEN.test(name)) once({ code: "invalid-header-name", args: { name: JSON.stringify(name) }, origin, part });
    };
    const checkRecord = (headers: Readonly<Record<string, string>>, origin: Origin): void => {
      for (const name of Object.keys(headers)) checkName(name, child(origin, "headers", name), "key");
    };
    const checkIntegration = (i: Integration | undefined): void => {
      if (i?.kind === "mock") checkRecord(i.headers, i.origin);
      if (i?.response) checkRecord(i.response.headers, i.response.origin);
    };
    for (const op of model.operations) {
      for (const p of op.parameters) if (p.in === "header") checkName(p.name, child(p.origin, "name"), "value");
      for (const response of op.responses) for (const h of response.headers) checkName(h.name, h.origin, "key");
      checkIntegration(op.integration);
    }
    for (const route of model.websocket?.routes ?? []) checkIntegration(route.integration);
    const cors = model.cors;
    if (cors) {
      cors.headers.forEach((name, index) => checkName(name, child(cors.origin, "headers", index), "value"));
      cors.exposeHeaders.forEach((name, index) => checkName(name, child(cors.origin, "exposeHeaders", index), "value"));
    }
    for (const response of model.settings.gatewayResponses) checkRecord(response.headers, response.origin);
  },
};
