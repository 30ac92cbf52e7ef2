/**
 * The `pulumi` emitter: a Pulumi TypeScript project under `pulumi/` that deploys a REST model (./program.ts) or an
 * HTTP model (./http/program.ts): `Pulumi.yaml`, `package.json`, `tsconfig.json`, `index.ts`, `README.md`.
 *
 * The program reads `../openapi.aws.json` (written by the `openapi` emitter) and fills in its placeholders, so the
 * two always describe the same API. A WebSocket API beside the paths API is part of the same program
 * (./websocket/); the request mappings of its routes are compiled here first, so what cannot be compiled is
 * reported (`mapping-invalid`).
 */
import { createNames } from "../../model/names.js";
import { importDocument } from "../aws-openapi/document.js";
import { httpOpenApiText } from "../aws-openapi/http/document.js";
import type { Emitter } from "../emitter.js";
import { findPlaceholders } from "../placeholders.js";
import { configTable } from "./config.js";
import { httpProgramText } from "./http/program.js";
import { reportFoldedPolicies } from "./invoke-policy.js";
import { reportCacheWithoutCluster } from "./method-settings.js";
import { programText } from "./program.js";
import { packageJson, pulumiYaml, tsconfigJson } from "./project-files.js";
import { readme } from "./readme.js";
import { reportWebsocketMappings } from "./websocket/requests.js";

/** Emits the Pulumi project of a REST or HTTP model. */
export const pulumiEmitter: Emitter = {
  name: "pulumi",
  emit(model, ctx) {
    if (model.kind === "rest") reportCacheWithoutCluster(model, ctx.report);
    const names = createNames(model);
    reportFoldedPolicies(model, names, ctx.report);
    reportWebsocketMappings(model, ctx.report);
    const config = configTable(model);
    const programContext = { model, names, specDirFromPulumi: ctx.specDirFromPulumi, config };
    const program =
      model.kind === "http"
        ? httpProgramText(programContext, findPlaceholders(httpOpenApiText(model)))
        : programText(programContext, findPlaceholders(importDocument(model).text));
    const description = model.info.description ?? `${model.name} on Amazon API Gateway`;
    return [
      { path: "pulumi/Pulumi.yaml", content: pulumiYaml(names.project, description) },
      { path: "pulumi/package.json", content: packageJson(names.project) },
      { path: "pulumi/tsconfig.json", content: tsconfigJson() },
      { path: "pulumi/index.ts", content: program },
      { path: "pulumi/README.md", content: readme(model, config.uses) },
    ];
  },
};
