/**
 * Stage names API Gateway accepts.
 *
 * A stage name is 1–128 letters, digits, `-` or `_`; HTTP APIs also accept `$default` (served at the API's root),
 * which a WebSocket API deployed beside them does not.
 * Source: API Gateway REST API Reference, CreateStage (`stageName`); Developer Guide, "Working with stages for
 * HTTP APIs" (http-api-stages.html).
 */
import type { Rule } from "../rule.js";

const NAME = /^[a-zA-Z0-9_-]{1,128}$/;

/** Reports at the stage's key. */
export const stageNameInvalid: Rule = {
  name: "stage-name-invalid",
  codes: ["stage-name-invalid"],
  check(model, report) {
    const defaultAllowed = model.kind === "http" && !model.websocket;
    for (const stage of model.stages) {
      if (NAME.test(stage.name) || (defaultAllowed && stage.name === "$default")) continue;
      const hint =
        stage.name === "$default"
          ? model.kind === "http"
            ? " $default is an HTTP API stage, and this spec also deploys a WebSocket API, which cannot use it."
            : " $default exists only on HTTP APIs (x-gateway.api: http)."
          : "";
      report({ code: "stage-name-invalid", args: { name: JSON.stringify(stage.name), hint }, origin: stage.origin, part: "key" });
    }
  },
};
