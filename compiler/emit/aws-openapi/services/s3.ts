/**
 * S3 GetObject, PutObject and DeleteObject as an AWS integration (developer guide, "Tutorial: Create a REST API as
 * an Amazon S3 proxy"): `s3:path/{bucket}/{key}` called with GET, PUT or DELETE. The bucket is written into the URI
 * (a literal, or a config placeholder the program fills in); the key is a literal written into the URI too, or a
 * source mapped onto the `{key}` path variable through `requestParameters`
 * (`integration.request.path.key: method.request.path.petId`). No template: bodies pass through untouched, binary
 * ones as binary (the API's binary media types). PutObject passes the request's `Content-Type` on, and GetObject
 * answers with the object's.
 */
import { parameterMappingSource } from "../sources.js";
import { settingText, type ServiceContext } from "./context.js";
import { s3Errors } from "./errors.js";
import { successStatus, type ServicePlan } from "./plan.js";
import { bucketSegment } from "./targets.js";

/** The S3 actions Portico calls, with the HTTP method of each and the status it answers by default. */
const ACTIONS = {
  GetObject: { method: "GET", status: 200 },
  PutObject: { method: "PUT", status: 200 },
  DeleteObject: { method: "DELETE", status: 204 },
} as const;

/** The S3 actions Portico has a plan for. */
export type S3Action = keyof typeof ACTIONS;

/** The object key as the URI's last part: literal keys percent-encoded segment by segment, `{key}` for a source. */
function keyPart(ctx: ServiceContext): { uri: string; parameters: Record<string, string> } {
  const key = settingText(ctx, "key") ?? { kind: "literal", text: "" };
  if (key.kind === "literal") return { uri: key.text.split("/").map(encodeURIComponent).join("/"), parameters: {} };
  return { uri: "{key}", parameters: { "integration.request.path.key": parameterMappingSource(key.source) } };
}

/** The plan of the S3 action `action`. */
export function s3Plan(action: S3Action, ctx: ServiceContext): ServicePlan {
  const { method, status } = ACTIONS[action];
  const key = keyPart(ctx);
  const put = action === "PutObject";
  return {
    service: "s3",
    target: `path/${bucketSegment(ctx.resource)}/${key.uri}`,
    httpMethod: method,
    requestParameters: {
      ...key.parameters,
      ...(put ? { "integration.request.header.Content-Type": "method.request.header.Content-Type" } : {}),
    },
    requestHeaders: put ? ["Content-Type"] : [],
    success: {
      status: successStatus(ctx.op, ctx.integration, status),
      ...(action === "GetObject" ? { headers: { "method.response.header.Content-Type": "integration.response.header.Content-Type" } } : {}),
    },
    errors: s3Errors(action === "GetObject"),
    overrideStatuses: [],
  };
}
