/**
 * Request validation: every method that takes a body or has required parameters has a request validator that
 * checks them, so malformed requests are rejected at the gateway before they reach (and cost) the backend.
 * Checkov CKV2_AWS_53 (`request_validator_id` on every method).
 *
 * In the imported document a method's validator is its `x-amazon-apigateway-request-validator`, else the
 * document's; the name must be declared in the document's `x-amazon-apigateway-request-validators` with
 * `validateRequestBody` / `validateRequestParameters`
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-validation-set-up.html).
 * A method passes when its validator checks at least one part it has: a validator that checks only parameters
 * is right for an upload whose body is an image (nothing to validate), and wrong for a JSON-only method.
 * OPTIONS (CORS preflights) are exempt. Whether a method takes a body comes from the document's `requestBody`
 * or, when it has none, from the spec ({@link SecurityContext.routesWithBody}).
 */
import { restApiBodies, routeKey } from "../body.js";
import type { Finding, SecurityCheck } from "../check.js";
import { record } from "../graph.js";

/** Reports each method with a body or required parameters that no validator checks. */
export const requestValidation: SecurityCheck = {
  id: "request-validation",
  title: "Request validation on methods with a body or required parameters",
  rules: ["CKV2_AWS_53"],
  kinds: ["rest"],
  run(graph, context) {
    const findings: Finding[] = [];
    for (const { api, document, methods } of restApiBodies(graph)) {
      const validators = record(document["x-amazon-apigateway-request-validators"]) ?? {};
      for (const method of methods) {
        if (method.method === "OPTIONS") continue;
        const hasBody = method.operation["requestBody"] !== undefined || context.routesWithBody.has(routeKey(method.method, method.path));
        const required = method.parameters.filter((p) => p["required"] === true).map((p) => String(p["name"]));
        if (!hasBody && required.length === 0) continue;
        const parts = [...(hasBody ? ["a body"] : []), ...(required.length > 0 ? [`required parameters (${required.join(", ")})`] : [])].join(" and ");
        const name = method.operation["x-amazon-apigateway-request-validator"] ?? document["x-amazon-apigateway-request-validator"];
        const route = { method: method.method, path: method.path };
        const at = `${method.method} ${method.path}`;
        if (typeof name !== "string") {
          findings.push({ resource: api, route, message: `${at} has ${parts} but no request validator` });
          continue;
        }
        const validator = Object.hasOwn(validators, name) ? record(validators[name]) : undefined;
        if (!validator) {
          findings.push({ resource: api, route, message: `${at} names request validator ${JSON.stringify(name)}, which x-amazon-apigateway-request-validators does not declare` });
          continue;
        }
        const checksBody = hasBody && validator["validateRequestBody"] === true;
        const checksParameters = required.length > 0 && validator["validateRequestParameters"] === true;
        if (!checksBody && !checksParameters) {
          findings.push({ resource: api, route, message: `${at} has ${parts}, which its request validator ${JSON.stringify(name)} does not check` });
        }
      }
    }
    return findings;
  },
};
