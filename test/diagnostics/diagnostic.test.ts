import { test } from "uvu";
import * as assert from "uvu/assert";
import { createDiagnostic, DiagnosticCollector } from "../../compiler/diagnostics/diagnostic.js";

test("createDiagnostic fills the message template and keeps the table's severity", () => {
  const d = createDiagnostic({
    code: "function-unknown",
    args: { name: "pets", hint: " Did you mean 'pet'?" },
    origin: { file: "api.yaml", pointer: "/paths/~1pets/get/x-gateway/lambda" },
  });
  assert.is(d.message, "Function pets is not defined in x-gateway.functions. Did you mean 'pet'?");
  assert.is(d.severity, "error");
  assert.is(d.part, "value");
});

test("the collector counts errors but not warnings", () => {
  const c = new DiagnosticCollector();
  c.report({ code: "operation-unauthenticated", args: { operation: "listPets" }, origin: { file: "a", pointer: "" } });
  assert.is(c.hasErrors, false);
  c.report({ code: "cors-wildcard-credentials", origin: { file: "a", pointer: "/x-gateway/cors" } });
  assert.is(c.errorCount, 1);
  assert.is(c.diagnostics.length, 2);
});

test.run();
