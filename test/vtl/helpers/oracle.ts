/**
 * The reference engine of the differential test: `test/vtl/oracle/ApiGatewayVelocity.java` (Apache Velocity 1.7
 * configured like API Gateway) compiled with `javac` into a temporary folder and run once for a whole batch of
 * cases, one JSON line per case in and out. Needs a JDK (`java`, `javac`) and Debian's jars in `/usr/share/java`
 * (packages `velocity` and `libjsonpath-java`, which bring commons-lang 2, commons-collections 3, json-smart,
 * accessors-smart, asm and slf4j); `.ci/run` installs them.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { TemplateInput } from "../../../compiler/vtl/index.js";

const SOURCE = path.join("test", "vtl", "oracle", "ApiGatewayVelocity.java");
const JAR_DIR = "/usr/share/java";
/** The jars the harness needs, each by the names Debian gives it (the first one present is used). */
const JARS: readonly (readonly string[])[] = [
  ["velocity-1.7.jar", "velocity.jar"],
  ["commons-collections3.jar"],
  ["commons-lang.jar"],
  ["json-path.jar"],
  ["json-smart.jar"],
  ["accessors-smart.jar"],
  ["asm.jar"],
  ["slf4j-api.jar"],
];
/** Optional: silences slf4j's "no binding" warning. */
const OPTIONAL_JARS = ["slf4j-nop.jar"];

/** One case for the oracle: a template and what it renders against. */
export interface OracleCase extends TemplateInput {
  readonly template: string;
}

/** What Velocity 1.7 produced: the text and overrides, or the error it threw. */
export type OracleResult =
  | { readonly output: string; readonly overrides: unknown; readonly error?: undefined }
  | { readonly error: string; readonly output?: undefined };

/** A ready oracle, or why it cannot run on this machine. */
export type Oracle = { readonly ok: true; run(cases: readonly OracleCase[]): OracleResult[] } | { readonly ok: false; readonly reason: string };

function hasCommand(command: string): boolean {
  return spawnSync(command, ["-version"], { stdio: "ignore" }).status === 0;
}

/** Compiles the harness; `ok: false` with the reason when java, javac or a jar is missing. */
export function startOracle(): Oracle {
  for (const command of ["java", "javac"]) if (!hasCommand(command)) return { ok: false, reason: `\`${command}\` is not on the PATH` };
  const classpath: string[] = [];
  for (const names of JARS) {
    const found = names.map((n) => path.join(JAR_DIR, n)).find((p) => fs.existsSync(p));
    if (!found) return { ok: false, reason: `${path.join(JAR_DIR, names[0] as string)} is missing (apt-get install velocity libjsonpath-java)` };
    classpath.push(found);
  }
  for (const name of OPTIONAL_JARS) if (fs.existsSync(path.join(JAR_DIR, name))) classpath.push(path.join(JAR_DIR, name));
  const classes = fs.mkdtempSync(path.join(os.tmpdir(), "portico-vtl-oracle-"));
  const compiled = spawnSync("javac", ["-nowarn", "-encoding", "UTF-8", "-d", classes, "-cp", classpath.join(":"), SOURCE], { encoding: "utf8" });
  if (compiled.status !== 0) throw new Error(`javac failed on ${SOURCE}:\n${compiled.stderr}`);
  const cp = [classes, ...classpath].join(":");
  return {
    ok: true,
    run(cases) {
      const lines = cases.map((c) =>
        JSON.stringify({
          template: c.template,
          body: c.body,
          headers: c.headers ?? {},
          query: c.query ?? {},
          path: c.path ?? {},
          context: c.context ?? {},
          stageVariables: c.stageVariables ?? {},
          kind: c.kind ?? "request",
        }),
      );
      const ran = spawnSync("java", ["-Xss8m", "-cp", cp, "ApiGatewayVelocity"], { input: `${lines.join("\n")}\n`, encoding: "utf8", maxBuffer: 1 << 30 });
      if (ran.status !== 0) throw new Error(`the Velocity harness failed (status ${ran.status}):\n${ran.stderr}`);
      const results = ran.stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as OracleResult);
      if (results.length !== cases.length) throw new Error(`the Velocity harness answered ${results.length} of ${cases.length} cases:\n${ran.stderr}`);
      return results;
    },
  };
}
