/**
 * WebSocket message and reply models fit API Gateway's model size.
 *
 * Each message and reply schema is deployed as an `apigatewayv2` Model (a self-contained JSON Schema draft 4
 * document, ../../emit/pulumi/websocket/models.ts), whose schema holds at most 32,768 characters (hard; Pulumi
 * `apigatewayv2/model.d.ts`, apigw-features.md §2.1). The size measured is that of the deployed document.
 */
import { MODEL_SCHEMA_LIMIT, planMessageModels } from "../../emit/pulumi/websocket/models.js";
import { child } from "../origins.js";
import type { Rule } from "../rule.js";
import { formatCount } from "../text.js";

/** Reports at the route's `message` or `reply` value. */
export const websocketModelSize: Rule = {
  name: "websocket-model-size",
  codes: ["websocket-model-too-large"],
  check(model, report) {
    const ws = model.websocket;
    if (ws === undefined) return;
    const plan = planMessageModels(model);
    const sizes = new Map(plan.models.map((m) => [m.name, m.schema.length]));
    for (const route of ws.routes) {
      for (const role of ["message", "reply"] as const) {
        const name = role === "message" ? plan.message(route) : plan.reply(route);
        const size = name === undefined ? undefined : sizes.get(name);
        if (size === undefined || size <= MODEL_SCHEMA_LIMIT) continue;
        report({
          code: "websocket-model-too-large",
          args: { what: role, route: route.key, size: formatCount(size), limit: formatCount(MODEL_SCHEMA_LIMIT) },
          origin: child(route.origin, role),
        });
      }
    }
  },
};
