/**
 * The `openapi` emitter: `openapi.aws.json`, the document API Gateway imports, for REST models (./document.ts) and
 * HTTP models (./http/document.ts).
 *
 * Reports `body-too-large` (error) when a REST document exceeds API Gateway's hard import limit of 6 MB
 * (6,291,456 bytes, "Amazon API Gateway quotas", PutRestApi/ImportRestApi body size), and what building the
 * document reports: `cors-value-invalid`, `cache-key-unknown`, `mapping-invalid` (errors), `request-schema-unresolved` (warning).
 */
import type { Emitter } from "../emitter.js";
import { importDocument } from "./document.js";
import { httpOpenApiText } from "./http/document.js";

/** API Gateway's import limit for the OpenAPI body, bytes. */
export const MAX_BODY_BYTES = 6_291_456;

/** Path of the import document in the output folder. */
export const OPENAPI_FILE = "openapi.aws.json";

/** Emits `openapi.aws.json` for REST and HTTP models. */
export const awsOpenApiEmitter: Emitter = {
  name: "openapi",
  emit(model, ctx) {
    if (model.kind === "http") return [{ path: OPENAPI_FILE, content: httpOpenApiText(model, ctx.report) }];
    const { text: content, diagnostics } = importDocument(model);
    ctx.report.add(...diagnostics);
    const size = Buffer.byteLength(content, "utf8");
    if (size > MAX_BODY_BYTES) {
      ctx.report.report({
        code: "body-too-large",
        args: { size: String(size), limit: String(MAX_BODY_BYTES) },
        origin: model.origin,
      });
    }
    return [{ path: OPENAPI_FILE, content }];
  },
};
