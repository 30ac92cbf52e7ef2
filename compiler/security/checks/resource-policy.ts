/**
 * Resource policy: the API's resource policy never lets anyone (`Principal: "*"`) invoke it without a condition.
 * Checkov CKV2_AWS_70 (it flags an unconditional `execute-api:Invoke` Allow to `*`, which also leaves
 * unauthenticated CORS preflights open to everyone)
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html).
 *
 * An Allow statement is unconditional when it has no `Condition`. It is still restricted when a Deny statement,
 * also to `*`, on the same action and covering its resources, has a condition: AWS's own pattern for private APIs
 * ("allow `*`, deny unless `aws:SourceVpce`/`aws:SourceVpc`") passes, because the deny makes the allow conditional.
 * Unlike Checkov, a PRIVATE endpoint alone does not pass: any VPC endpoint, in any account, reaches a private API
 * whose policy does not name its own. Policies are read from the RestApi's `policy`, any RestApiPolicy and the
 * document's `x-amazon-apigateway-policy`.
 */
import { compactJson } from "../../emit/json.js";
import { restApiBodies } from "../body.js";
import type { Finding, FindingResource, SecurityCheck } from "../check.js";
import { RESOURCE_TYPES, record, resourcesOf } from "../graph.js";

type Statement = Readonly<Record<string, unknown>>;

function list(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** IAM wildcard match: `*` any run of characters, `?` one character; case-insensitive (actions are). */
function globMatch(textValue: string, pattern: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`, "is").test(textValue);
}

function toEveryone(statement: Statement): boolean {
  const principal = statement["Principal"];
  return principal === "*" || list(record(principal)?.["AWS"]).includes("*");
}

/** True when the statement's actions include `execute-api:Invoke`. */
function coversInvoke(statement: Statement): boolean {
  const invoke = "execute-api:Invoke";
  if (statement["Action"] !== undefined) return list(statement["Action"]).some((a) => globMatch(invoke, a));
  return statement["NotAction"] !== undefined && !list(statement["NotAction"]).some((a) => globMatch(invoke, a));
}

function conditional(statement: Statement): boolean {
  return Object.keys(record(statement["Condition"]) ?? {}).length > 0;
}

function statementsOf(policy: unknown): Statement[] {
  let document = policy;
  if (typeof policy === "string") {
    try {
      document = JSON.parse(policy);
    } catch {
      return [];
    }
  }
  const statement = record(document)?.["Statement"];
  const all = Array.isArray(statement) ? statement : [statement];
  return all.flatMap((s) => (record(s) ? [record(s) as Statement] : []));
}

/** The unconditional Allow-to-everyone statements of a policy that no conditional Deny narrows. */
function openStatements(policy: unknown): Statement[] {
  const statements = statementsOf(policy);
  const guards = statements.filter((s) => s["Effect"] === "Deny" && toEveryone(s) && coversInvoke(s) && conditional(s));
  return statements.filter((s) => {
    if (s["Effect"] !== "Allow" || !toEveryone(s) || !coversInvoke(s) || conditional(s)) return false;
    const resources = list(s["Resource"]);
    const guarded = guards.some((g) => resources.length > 0 && resources.every((r) => list(g["Resource"]).some((p) => globMatch(r, p))));
    return !guarded;
  });
}

/** Reports each unconditional Allow-to-everyone statement of the API's policies, once. */
export const resourcePolicy: SecurityCheck = {
  id: "resource-policy",
  title: "No unconditional invoke for everyone in the resource policy",
  rules: ["CKV2_AWS_70"],
  kinds: ["rest"],
  run(graph) {
    // The RestApi's policy and its document's are usually the same document: one finding per statement.
    const policies: { resource: FindingResource; policy: unknown }[] = [
      ...resourcesOf(graph, RESOURCE_TYPES.restApi).map((api) => ({ resource: api, policy: api.inputs["policy"] })),
      ...resourcesOf(graph, RESOURCE_TYPES.restApiPolicy).map((p) => ({ resource: p, policy: p.inputs["policy"] })),
      ...restApiBodies(graph).map((b) => ({ resource: b.api, policy: b.document["x-amazon-apigateway-policy"] })),
    ];
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const { resource, policy } of policies) {
      for (const statement of openStatements(policy)) {
        const key = `${resource.type}\u0000${resource.name}\u0000${compactJson(statement)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const id = typeof statement["Sid"] === "string" ? ` ${JSON.stringify(statement["Sid"])}` : "";
        findings.push({
          resource,
          message: `statement${id} allows execute-api:Invoke to Principal "*" on ${list(statement["Resource"]).join(", ") || "every resource"} without a Condition, and no conditional Deny narrows it`,
        });
      }
    }
    return findings;
  },
};
