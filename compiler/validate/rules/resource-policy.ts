/**
 * The resource policy of a REST API (`x-gateway.policy`, or a native `x-amazon-apigateway-policy`).
 *
 * - A private API needs one: API Gateway refuses to deploy a private API without a resource policy. VPC endpoint
 *   ids without a policy are enough (the build generates a policy that admits only those endpoints); neither is
 *   an error.
 * - A statement that allows `execute-api:Invoke` to everyone (`Principal: "*"`) with no `Condition` opens the API
 *   to any caller (for a private API: through any VPC endpoint of any account), unless a `Deny` with a `Condition`
 *   narrows it, the documented pattern for source VPC and IP allow lists: a warning (checkov CKV2_AWS_70).
 * Source: API Gateway Developer Guide, "Control access to a REST API with API Gateway resource policies"
 * (apigateway-resource-policies.html), "Private REST APIs" (apigateway-private-apis.html); IAM JSON policy
 * reference (reference_policies_elements.html): action names are case-insensitive and may hold `*` and `?`.
 */
import { asArray, isObj, type Obj } from "../../model/lower/read.js";
import type { Origin } from "../../model/types.js";
import { child } from "../origins.js";
import type { Rule } from "../rule.js";

const INVOKE = "execute-api:Invoke";
const NATIVE = "x-amazon-apigateway-policy";

/** True when the IAM action pattern `pattern` (with `*` and `?`) names `action`, ignoring case. */
function actionMatches(pattern: unknown, action: string): boolean {
  if (typeof pattern !== "string") return false;
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`, "i").test(action);
}

/** True when the statement's Action (or NotAction) covers `execute-api:Invoke`. */
function coversInvoke(statement: Obj): boolean {
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
  if (Object.hasOwn(statement, "NotAction")) return !list(statement["NotAction"]).some((p) => actionMatches(p, INVOKE));
  return list(statement["Action"]).some((p) => actionMatches(p, INVOKE));
}

/** `"*"`, `{ AWS: "*" }` or `{ AWS: [..., "*"] }`. */
function isEveryone(principal: unknown): boolean {
  if (principal === "*") return true;
  if (!isObj(principal)) return false;
  const aws = principal["AWS"];
  return aws === "*" || (Array.isArray(aws) && aws.includes("*"));
}

function hasCondition(statement: Obj): boolean {
  const condition = statement["Condition"];
  return isObj(condition) && Object.keys(condition).length > 0;
}

/** The statements of a policy document with their origins (`Statement` may be one object or a list). */
function statements(policy: unknown, origin: Origin): { statement: Obj; origin: Origin }[] {
  if (!isObj(policy)) return [];
  const raw = policy["Statement"];
  if (isObj(raw)) return [{ statement: raw, origin: child(origin, "Statement") }];
  return asArray(raw).flatMap((s, i) => (isObj(s) ? [{ statement: s, origin: child(origin, "Statement", i) }] : []));
}

/** Reports a private API with no way to get a policy, and each unconditional allow-everyone statement. */
export const resourcePolicy: Rule = {
  name: "resource-policy",
  codes: ["private-api-no-policy", "policy-allows-everyone"],
  check(model, report) {
    if (model.kind !== "rest") return;
    const policies = [
      ...(model.settings.policy === undefined ? [] : [{ policy: model.settings.policy, origin: child(model.origin, "policy") }]),
      ...(Object.hasOwn(model.nativeExtensions, NATIVE)
        ? [{ policy: model.nativeExtensions[NATIVE], origin: { file: model.entry, pointer: `/${NATIVE}` } }]
        : []),
    ];
    const endpoint = model.endpoint;
    if (endpoint.type === "private" && endpoint.vpcEndpointIds.length === 0 && policies.length === 0) {
      report({ code: "private-api-no-policy", origin: endpoint.origin });
    }
    for (const { policy, origin } of policies) {
      const all = statements(policy, origin);
      const narrowed = all.some(({ statement: s }) => s["Effect"] === "Deny" && hasCondition(s) && coversInvoke(s));
      if (narrowed) continue;
      for (const { statement: s, origin: at } of all) {
        if (s["Effect"] === "Allow" && isEveryone(s["Principal"]) && !hasCondition(s) && coversInvoke(s)) {
          report({ code: "policy-allows-everyone", origin: at });
        }
      }
    }
  },
};
