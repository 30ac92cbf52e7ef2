/**
 * The Pulumi config keys a REST or HTTP program reads (`{ config: key }` values of the spec), what each one is for, and the
 * code that reads it.
 *
 * A key used only by some stages' variables is read only when the stack deploys one of those stages; every other
 * key is read once at the top of the program, so `pulumi up` stops at once with Pulumi's "missing required
 * configuration" message when one is not set. A key used anywhere as a secret is read with `requireSecret`.
 */
import { splitConfigKey, uniqueSlugs, variableName } from "../../model/names.js";
import type { GatewayModel, Value } from "../../model/types.js";
import { directOperations } from "../aws-openapi/document.js";
import { planProxyResources } from "../aws-openapi/proxy-resources.js";
import { isPlannedService } from "../aws-openapi/services/index.js";
import { call, raw, type Raw } from "./ts.js";
import { websocketValueUses } from "./websocket/config-uses.js";
import { byKey } from "../../order.js";

/** One config key and everything that reads it. */
export interface ConfigUse {
  readonly key: string;
  readonly secret: boolean;
  /** What the value is, in words, e.g. `environment variable TABLE of function pets`. */
  readonly uses: readonly string[];
  /** Stages whose variables alone read the key; empty when every stack needs it. */
  readonly stages: readonly string[];
}

interface Use {
  readonly value: Value;
  readonly what: string;
  readonly stage?: string;
}

function valueUses(model: GatewayModel): Use[] {
  const uses: Use[] = [];
  for (const fn of model.functions) {
    if (fn.kind === "arn") uses.push({ value: fn.arn, what: `ARN of Lambda function ${fn.name}` });
    else {
      for (const [name, value] of Object.entries(fn.environment).sort(byKey)) {
        uses.push({ value, what: `environment variable ${name} of function ${fn.name}` });
      }
    }
  }
  const operations = [...directOperations(model), ...planProxyResources(model).map((plan) => plan.model)];
  for (const op of operations) {
    const integration = op.integration;
    if (integration?.kind === "stepfunctions") {
      uses.push({ value: integration.stateMachine, what: `state machine ARN of operation ${op.id}` });
    } else if (integration?.kind === "aws") {
      // The resource scopes the generated role, and names the target of the service requests Portico builds; an
      // integration with its own role and a request of its own needs it for neither.
      if (integration.role) uses.push({ value: integration.role, what: `IAM role API Gateway assumes for operation ${op.id}` });
      if (integration.resource && (!integration.role || isPlannedService(integration))) {
        uses.push({ value: integration.resource, what: `${integration.service} resource of operation ${op.id}` });
      }
    } else if (integration?.kind === "http" && integration.vpcLink) {
      uses.push({ value: integration.vpcLink.id, what: `VPC link id of operation ${op.id}` });
    }
  }
  for (const scheme of model.securitySchemes) {
    if (scheme.authorizer?.kind === "cognito") {
      for (const pool of scheme.authorizer.userPools) {
        uses.push({ value: pool, what: `Cognito user pool ARN of security scheme ${scheme.name}` });
      }
    } else if (scheme.authorizer?.kind === "jwt") {
      uses.push({ value: scheme.authorizer.issuer, what: `JWT issuer URL of security scheme ${scheme.name}` });
      for (const audience of scheme.authorizer.audiences) {
        uses.push({ value: audience, what: `JWT audience of security scheme ${scheme.name}` });
      }
    }
  }
  for (const id of model.endpoint.type === "private" ? model.endpoint.vpcEndpointIds : []) {
    uses.push({ value: id, what: "VPC endpoint id of the private API" });
  }
  uses.push(...domainUses(model), ...websocketValueUses(model));
  if (model.waf) uses.push({ value: model.waf.webAcl, what: "ARN of the AWS WAF web ACL (REGIONAL scope) of the stage" });
  for (const stage of model.stages) {
    for (const [name, value] of Object.entries(stage.variables)) {
      uses.push({ value, what: `stage variable ${name}`, stage: stage.name });
    }
  }
  return uses;
}

/** The values of the custom domain. */
function domainUses(model: GatewayModel): Use[] {
  const domain = model.domain;
  if (domain === undefined) return [];
  const region = domain.endpoint === "edge" ? "us-east-1, for an edge-optimized domain" : "the API's Region";
  const uses: Use[] = [
    { value: domain.name, what: "custom domain name" },
    { value: domain.certificate, what: `ACM certificate ARN of the custom domain (in ${region})` },
  ];
  if (domain.mutualTls) {
    uses.push({ value: domain.mutualTls.truststoreUri, what: "S3 URI of the mutual TLS truststore" });
    if (domain.mutualTls.truststoreVersion) {
      uses.push({ value: domain.mutualTls.truststoreVersion, what: "S3 object version of the mutual TLS truststore" });
    }
  }
  if (domain.hostedZoneId) uses.push({ value: domain.hostedZoneId, what: "Route 53 hosted zone of the custom domain" });
  return uses;
}

/** Every config key of a REST or HTTP program, sorted by key. */
export function configUses(model: GatewayModel): readonly ConfigUse[] {
  const usesByKey = new Map<string, { secret: boolean; uses: string[]; stages: Set<string>; everyStack: boolean }>();
  for (const use of valueUses(model)) {
    if (use.value.kind !== "config") continue;
    const entry = usesByKey.get(use.value.key) ?? { secret: false, uses: [], stages: new Set<string>(), everyStack: false };
    entry.secret ||= use.value.secret;
    if (!entry.uses.includes(use.what)) entry.uses.push(use.what);
    if (use.stage === undefined) entry.everyStack = true;
    else entry.stages.add(use.stage);
    usesByKey.set(use.value.key, entry);
  }
  return [...usesByKey]
    .sort(byKey)
    .map(([key, e]) => ({ key, secret: e.secret, uses: e.uses, stages: e.everyStack ? [] : [...e.stages].sort() }));
}

/** The call that reads `key`: `config.require("k")`, or `new pulumi.Config("ns").require("k")` for `ns:k`. */
export function readConfig(key: string, secret: boolean): Raw {
  const { namespace, name } = splitConfigKey(key);
  const source = namespace === undefined ? "config" : `new pulumi.Config(${JSON.stringify(namespace)})`;
  return call(`${source}.${secret ? "requireSecret" : "require"}`, name);
}

/** The config keys a program reads at its top, each with the variable that holds it. */
export interface ConfigTable {
  readonly uses: readonly ConfigUse[];
  /** Variable of a key read at the top; undefined for stage-only keys. */
  variable(key: string): Raw | undefined;
}

/** Derives one variable per key that every stack reads (`config_petsTable`). */
export function configTable(model: GatewayModel): ConfigTable {
  const uses = configUses(model);
  const slugs = uniqueSlugs(uses.filter((u) => u.stages.length === 0).map((u) => u.key));
  return {
    uses,
    variable(key) {
      const slugText = slugs.get(key);
      return slugText === undefined ? undefined : raw(variableName("config", slugText));
    },
  };
}
