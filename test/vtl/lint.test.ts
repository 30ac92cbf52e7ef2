/**
 * `lintTemplate`: each finding's kind, severity and 1-based line and column inside the template, for syntax errors,
 * unknown `$util` functions and `$input` members, unknown or log-only `$context` variables, and directives API
 * Gateway does not run; and no finding on the conformance templates that API Gateway runs as written.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { lintTemplate, type LintFinding } from "../../compiler/vtl/index.js";
import { readCases } from "./helpers/cases.js";

const brief = (findings: LintFinding[]) => findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.kind}`);

test("unknown $util functions are errors at the function name, in text, directive arguments and string literals", () => {
  const findings = lintTemplate('{\n  "a": "$util.escapeJavascript($x)",\n  #set($b = $util.toJson($m))\n  #set($c = "x $util.base64encode($y)")\n}');
  assert.equal(brief(findings), ["2:15 error unknown-util", "3:19 error unknown-util", "4:22 error unknown-util"]);
  assert.match(findings[0]?.message ?? "", /Did you mean 'escapeJavaScript'\?/);
  assert.match(findings[1]?.message ?? "", /AWS AppSync/);
  assert.is(findings[0]?.length, "escapeJavascript".length);
});

test("unknown $input members are errors", () => {
  const findings = lintTemplate("$input.bdy $input.body $input.json('$') $input.params().header");
  assert.equal(brief(findings), ["1:8 error unknown-input"]);
  assert.match(findings[0]?.message ?? "", /Did you mean 'body'\?/);
});

test("$context: documented variables pass, unknown ones and log-only ones are warnings at the unknown name", () => {
  const template = [
    "$context.identity.sourceIp $context.authorizer.claims.sub $context.authorizer.anything",
    "$context.requestOverride.header.X $context.responseOverride.status $context.requestTimeEpoch",
    "$context.identity.sourceIP $context.stgae $context.integrationLatency $context.error.message",
    "$context.get('x') $context.identity.keySet() $context.connectionId",
  ].join("\n");
  const findings = lintTemplate(template);
  assert.equal(brief(findings), ["3:19 warning unknown-context", "3:37 warning unknown-context", "3:52 warning log-only-context", "3:80 warning log-only-context"]);
  assert.match(findings[1]?.message ?? "", /\$context\.stgae .*Did you mean 'stage'\?/);
});

test("#macro, #evaluate, #include and #parse are errors; other #name(…) calls are warnings; #define runs", () => {
  const findings = lintTemplate("#macro(m)x#end\n#evaluate($s) #include('a') #parse('b')\n#m() #define($d)ok#end$d #foreach($i in [1])#end");
  assert.equal(brief(findings), ["1:1 error unsupported-directive", "2:1 error unsupported-directive", "2:15 error unsupported-directive", "2:29 error unsupported-directive", "3:1 warning macro-call"]);
  assert.is(findings[0]?.length, "#macro".length);
});

test("syntax errors: structure from the first pass, then velocityjs's parser, both at their positions", () => {
  assert.equal(brief(lintTemplate("a\n  #if($x)\n#foreach($i in $l)\n#end")), ["2:3 error syntax"]);
  assert.equal(brief(lintTemplate("#end\n#else")), ["1:1 error syntax", "2:1 error syntax"]);
  const parse = lintTemplate("ok\n#set($a = = 1)");
  assert.equal(brief(parse), ["2:11 error syntax"]);
  assert.match(parse[0]?.message ?? "", /unexpected "="/);
});

test("no finding on the conformance templates API Gateway runs as written", () => {
  const quiet = readCases().filter((c) => !c.error && !/#(macro|evaluate)\b|#\w+\(/.test(c.template.replace(/#(set|if|elseif|foreach|define)\s*\(/g, "")));
  assert.ok(quiet.length > 100);
  for (const c of quiet) assert.equal(lintTemplate(c.template), [], c.name);
});

test.run();
