/**
 * `portico build --strict`: runs the built Pulumi program under mocks once per stage of `x-gateway.stages` (the
 * stack is the stage; one stack `dev` when the spec lists none) and the security checks over each resource graph.
 * Each finding becomes an error diagnostic with its check's code (`security-<id>`), placed in the spec
 * (origins.ts), with the scanner rule ids in its message. The same finding at the same place in several stacks is
 * reported once, naming the stacks unless it is all of them. Findings the spec decided on purpose
 * (`x-gateway.public: true`) are counted as suppressed, not reported.
 *
 * Runs on the files in memory, before anything is written. Config keys the program reads get placeholder values.
 * Without `@pulumi/pulumi` and `@pulumi/aws` the run is impossible: `strict-pulumi-missing` says how to install
 * them. A program that throws under mocks gives `strict-run-failed`.
 */
import * as path from "node:path";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { OutputFile } from "../emit/emitter.js";
import { configUses } from "../emit/pulumi/config.js";
import { createNames } from "../model/names.js";
import type { GatewayModel } from "../model/types.js";
import { securityContext } from "./context.js";
import { resourceLabel } from "./graph.js";
import type { SecurityCheckId } from "./check.js";
import { checksFor, runChecks } from "./index.js";
import { MOCK_ACCOUNT, MOCK_REGION, runUnderMocks } from "./mock-run.js";
import { createFindingPlaces, type FindingPlace } from "./origins.js";
import { INSTALL_COMMAND, loadPulumiPackages, type PulumiPackages } from "./pulumi-packages.js";

/** What `--strict` ran and found. */
export interface SecuritySummary {
  /** Checks that apply to the API's kind. */
  readonly checks: number;
  /** Stacks (stages) whose program ran under mocks. */
  readonly stages: number;
  /** Findings reported (each once, however many stages share it). */
  readonly findings: number;
  /** Findings suppressed by the spec (`x-gateway.public: true`). */
  readonly suppressed: number;
  /** How long the runs and checks took, ms. */
  readonly ms: number;
}

/** The outcome of {@link runStrictChecks}. */
export interface StrictResult {
  /** Error diagnostics: one per finding, or why the checks could not run. */
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: SecuritySummary;
}

/** The value a config key gets in a strict run: ARN-shaped, since most keys are ARNs. */
export function placeholderConfigValue(key: string): string {
  return `arn:aws:portico:${MOCK_REGION}:${MOCK_ACCOUNT}:placeholder/${key}`;
}

interface Reported {
  readonly code: `security-${SecurityCheckId}`;
  readonly place: FindingPlace;
  readonly detail: string;
  readonly rules: string;
  readonly stacks: string[];
}

/**
 * Runs the security checks over the program in `files` (as `build` returns them) of `model`, to be written to
 * `outDir` (absolute). `loadPackages` finds the Pulumi packages (tests replace it).
 * @throws Error (a caller bug) when `files` hold no `pulumi/index.ts`.
 */
export async function runStrictChecks(
  model: GatewayModel,
  files: readonly OutputFile[],
  outDir: string,
  loadPackages: (programDir: string) => PulumiPackages | undefined = loadPulumiPackages,
): Promise<StrictResult> {
  const started = performance.now();
  const checks = checksFor(model.kind);
  const programDir = path.join(outDir, "pulumi");
  const programPath = path.join(programDir, "index.ts");
  const inMemory = new Map(files.map((f) => [path.join(outDir, ...f.path.split("/")), f.content]));
  if (!inMemory.has(programPath)) throw new Error("--strict checks the Pulumi program, and the build has none.");
  const none = { checks: checks.length, stages: 0, findings: 0, suppressed: 0, ms: 0 };
  const packages = loadPackages(programDir);
  if (packages === undefined) {
    const diagnostic = createDiagnostic({ code: "strict-pulumi-missing", args: { dir: programDir, command: INSTALL_COMMAND }, origin: model.origin, part: "key" });
    return { diagnostics: [diagnostic], summary: none };
  }

  const uses = configUses(model);
  const config = Object.fromEntries(uses.map((u) => [u.key, placeholderConfigValue(u.key)]));
  const secrets = uses.filter((u) => u.secret).map((u) => u.key);
  const project = createNames(model).project;
  const context = securityContext(model);
  const stacks = model.stages.length > 0 ? model.stages.map((s) => s.name) : ["dev"];
  const failures: Diagnostic[] = [];
  const reported = new Map<string, Reported>();
  const suppressed = new Set<string>();
  let ran = 0;
  for (const stack of stacks) {
    let graph;
    try {
      graph = await runUnderMocks(programPath, packages, { project, stack, config, secrets, files: inMemory });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failures.push(createDiagnostic({ code: "strict-run-failed", args: { stack, reason }, origin: model.origin, part: "key" }));
      continue;
    }
    ran++;
    const placeOf = createFindingPlaces(model, stack);
    for (const { check, finding } of runChecks(checks, graph, context)) {
      const detail = `${resourceLabel(finding.resource)}: ${finding.message}`;
      const place = placeOf(check.id, finding);
      const key = [check.id, place.origin.file, place.origin.pointer, detail].join("\u0000");
      if (finding.suppressed !== undefined) {
        suppressed.add(key);
        continue;
      }
      const entry = reported.get(key) ?? { code: `security-${check.id}` as const, place, detail, rules: check.rules.join(", "), stacks: [] };
      entry.stacks.push(stack);
      reported.set(key, entry);
    }
  }
  const diagnostics = [...reported.values()].map((r) =>
    createDiagnostic({
      code: r.code,
      args: { detail: r.stacks.length < ran ? `${r.detail} (${r.stacks.length === 1 ? "stack" : "stacks"} ${r.stacks.join(", ")})` : r.detail, rules: r.rules },
      origin: r.place.origin,
      part: r.place.part,
    }),
  );
  return {
    diagnostics: [...failures, ...diagnostics],
    summary: { checks: checks.length, stages: ran, findings: diagnostics.length, suppressed: suppressed.size, ms: performance.now() - started },
  };
}
