/**
 * The resource graph a generated Pulumi program registers, as Pulumi's mocks see it: one entry per resource, in
 * registration order, with its type token (`aws:apigateway/stage:Stage`), its logical name and its resolved
 * inputs. The security checks read only this, so they judge what would be deployed, not how the emitters meant
 * it; `mock-run.ts` records it by running the program.
 *
 * Type tokens are those of `@pulumi/aws`, which is bridged from the Terraform AWS provider: an input is the
 * camelCase of the Terraform attribute (`access_log_settings.destination_arn` → `accessLogSettings.destinationArn`),
 * so Terraform rules translate one to one (security.md §1.1).
 */

/** One registered resource. */
export interface GraphResource {
  /** Pulumi type token, e.g. `aws:apigateway/stage:Stage`. */
  readonly type: string;
  /** Logical name given to the constructor, e.g. `api`. */
  readonly name: string;
  /** Inputs after every Output resolved (secrets stay wrapped as Pulumi's mocks receive them). */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Physical id the mocks gave it (`<name>-id`). */
  readonly id?: string;
  /** Outputs the provider computes (`executionArn`, `arn`, …), as the mocks computed them. */
  readonly outputs?: Readonly<Record<string, unknown>>;
}

/** Every resource a program registered, in registration order. */
export type ResourceGraph = readonly GraphResource[];

/** Type tokens the checks read. */
export const RESOURCE_TYPES = {
  restApi: "aws:apigateway/restApi:RestApi",
  restApiPolicy: "aws:apigateway/restApiPolicy:RestApiPolicy",
  stage: "aws:apigateway/stage:Stage",
  methodSettings: "aws:apigateway/methodSettings:MethodSettings",
  domainName: "aws:apigateway/domainName:DomainName",
  httpApi: "aws:apigatewayv2/api:Api",
  httpStage: "aws:apigatewayv2/stage:Stage",
  httpDomainName: "aws:apigatewayv2/domainName:DomainName",
  route: "aws:apigatewayv2/route:Route",
  authorizer: "aws:apigatewayv2/authorizer:Authorizer",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  permission: "aws:lambda/permission:Permission",
  webAclAssociation: "aws:wafv2/webAclAssociation:WebAclAssociation",
} as const;

/** The resources of `graph` with type token `type`. */
export function resourcesOf(graph: ResourceGraph, type: string): readonly GraphResource[] {
  return graph.filter((r) => r.type === type);
}

/** `Stage api`: the last part of the type token and the logical name, for messages. */
export function resourceLabel(resource: Pick<GraphResource, "type" | "name">): string {
  return `${resource.type.slice(resource.type.lastIndexOf(":") + 1)} ${resource.name}`;
}

/** `value` as a plain object, or undefined. */
export function record(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A non-empty string `value`, or undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * The MethodSettings of `stage`, matched by stage name and, when both carry it, REST API id: the stage-wide one
 * (`methodPath` `*\/*`) and the overrides of single methods. An override is a whole method setting, not a patch
 * of `*\/*` (../emit/pulumi/method-settings.ts), so each must log, publish metrics and throttle on its own.
 */
export function stageMethodSettings(graph: ResourceGraph, stage: GraphResource): readonly GraphResource[] {
  return resourcesOf(graph, RESOURCE_TYPES.methodSettings).filter(
    (m) =>
      m.inputs["stageName"] === stage.inputs["stageName"] &&
      (m.inputs["restApi"] === undefined || stage.inputs["restApi"] === undefined || m.inputs["restApi"] === stage.inputs["restApi"]),
  );
}
