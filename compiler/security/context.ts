/**
 * What the checks need from the spec besides the graph ({@link SecurityContext}), derived from the model the
 * program was built from. Routes are those of the imported document: operations served one by one, and for each
 * proxy resource its prefix and `{prefix}/{proxy+}` (ANY), which take their security from the operation the plan
 * copies (../emit/aws-openapi/proxy-resources.ts). Folded permissions are those ../emit/pulumi/invoke-policy.ts
 * plans for the model.
 */
import { directOperations } from "../emit/aws-openapi/document.js";
import { isJsonMediaType, mediaTypeKey } from "../emit/aws-openapi/media-types.js";
import { planProxyResources } from "../emit/aws-openapi/proxy-resources.js";
import { planFunctionPolicies } from "../emit/pulumi/invoke-policy.js";
import { createNames } from "../model/names.js";
import type { GatewayModel, Operation } from "../model/types.js";
import { routeKey } from "./body.js";
import type { SecurityContext } from "./check.js";

/**
 * True when `op` takes a body API Gateway can validate: a JSON media type with a schema. Request validation checks
 * a body only against a model, and models are JSON Schema (api-gateway-request-validation.html); a text, form or
 * binary body has nothing a validator could check.
 */
function hasModelledBody(op: Operation): boolean {
  return op.requestBody?.content.some((m) => m.schema !== undefined && isJsonMediaType(mediaTypeKey(m.mediaType))) ?? false;
}

/** The context of `model`'s program; the same for every stack. */
export function securityContext(model: GatewayModel): SecurityContext {
  const publicRoutes = new Set<string>();
  const routesWithBody = new Set<string>();
  for (const op of directOperations(model)) {
    if (op.public) publicRoutes.add(routeKey(op.method, op.path));
    if (hasModelledBody(op)) routesWithBody.add(routeKey(op.method, op.path));
  }
  for (const plan of planProxyResources(model)) {
    if (!plan.model.public) continue;
    publicRoutes.add(routeKey("ANY", plan.prefixPath));
    publicRoutes.add(routeKey("ANY", plan.greedyPath));
  }
  const foldedPermissions = new Set(
    planFunctionPolicies(model, createNames(model)).flatMap((policy) =>
      policy.statements.flatMap((s) => (s.kind === "route" && s.folded ? [s.name] : [])),
    ),
  );
  return { publicRoutes, routesWithBody, foldedPermissions, webAcl: model.waf !== undefined };
}
