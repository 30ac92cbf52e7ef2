/**
 * The shape of a security check: a named rule over the resource graph of one stack, in the manner of the IaC
 * scanners it mirrors (Checkov, cfn-nag, Trivy, KICS; security.md §1.2), which cannot read a Pulumi TypeScript
 * program themselves.
 */
import type { ApiKind } from "../model/types.js";
import type { ResourceGraph } from "./graph.js";

/**
 * What the graph cannot know and the spec says. Routes are named by {@link routeKey} (`GET /pets/{petId}`,
 * `ANY /files/{proxy+}`), as the imported document writes them.
 */
export interface SecurityContext {
  /** Routes the spec marks `x-gateway.public: true`: deliberately open, so their authorization finding is suppressed. */
  readonly publicRoutes: ReadonlySet<string>;
  /**
   * Routes whose operation takes a JSON request body with a schema, the bodies API Gateway can validate against a
   * model. The imported document need not carry `requestBody`, so the spec says which methods a request validator
   * must cover; text, form and binary bodies are not among them.
   */
  readonly routesWithBody: ReadonlySet<string>;
  /**
   * Logical names of the Lambda permissions the build folded on purpose: a function served by so many routes that
   * one statement per route would pass Lambda's 20 KB policy limit gets patterns that admit any method below a
   * path (reported by `build` as `lambda-policy-folded`). Only these may be wider than their routes.
   */
  readonly foldedPermissions: ReadonlySet<string>;
  /** True when the spec names a WAF web ACL (`x-gateway.waf`), which every stage must then be associated with. */
  readonly webAcl: boolean;
}

/** The resource a finding is about. */
export interface FindingResource {
  readonly type: string;
  readonly name: string;
}

/** One thing a check found wrong. */
export interface Finding {
  readonly resource: FindingResource;
  /** For findings about a method of the imported document: its method (upper case, `ANY`) and path. */
  readonly route?: { readonly method: string; readonly path: string };
  /** What is wrong, in a sentence fragment that follows the resource: `has no access log destination`. */
  readonly message: string;
  /** Why the finding does not count, when the spec made the decision on purpose (e.g. `x-gateway.public: true`). */
  readonly suppressed?: string;
}

/** A named security check. */
export interface SecurityCheck {
  /** Kebab-case; the diagnostic code is `security-<id>`. */
  readonly id: SecurityCheckId;
  readonly title: string;
  /** Scanner rule ids the check enforces, e.g. `CKV_AWS_76`, `cfn-nag W69`, `Trivy AWS-0001`. */
  readonly rules: readonly string[];
  /** API kinds the check applies to. */
  readonly kinds: readonly ApiKind[];
  /** The findings over one stack's graph; an empty list when the graph passes. */
  run(graph: ResourceGraph, context: SecurityContext): readonly Finding[];
}

/** The id of every check; each has the diagnostic code `security-<id>` (diagnostics/codes.ts). */
export type SecurityCheckId =
  | "access-logging"
  | "log-retention"
  | "execution-logging"
  | "data-trace"
  | "throttling"
  | "tracing"
  | "cache-encryption"
  | "authorization"
  | "request-validation"
  | "domain-tls"
  | "lambda-permission"
  | "resource-policy"
  | "waf";
