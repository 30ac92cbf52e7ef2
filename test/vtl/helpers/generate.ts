/**
 * Generated mapping templates for the differential test (fast-check): `#set` at the top, inside `#if` and inside
 * nested `#foreach`; `#foreach` with `#break`, `$foreach.*`, `$velocityCount` and `$velocityHasNext`; inline
 * macros, their calls and `#evaluate`; integer and decimal arithmetic; comparisons across types; Java `String`,
 * `List` and `Map` methods; maps and lists printed; `$input`, `$util`, `$context` and `$stageVariables`; line breaks
 * and indentation between directives. Each template starts by setting `$s`, `$l`, `$m`, `$n` and `$d` so that
 * methods mostly find the type they expect; later `#set`s change those types on purpose.
 */
import fc from "fast-check";
import type { OracleCase } from "./oracle.js";

type Arb = fc.Arbitrary<string>;

const join = (parts: readonly string[]) => parts.join("");

/** Integer literals, small and at the `Integer`/`Long` limits. */
const integer: Arb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -4, max: 12 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom("2147483647", "2147483648", "-2147483648", "9223372036854775807", "100000") },
);
/** Decimal literals: `5.0` prints `5.0`, `10.00` prints `10.0`, sums of doubles show their rounding. */
const decimal: Arb = fc.constantFrom("0.5", "2.0", "5.0", "1.25", "10.00", "0.1", "0.2", "3.75", "100.0", "1.1", "2.2", "-1.5", "1.0E3", "0.001", "12345678.9");
/** String literals: doubled quotes, interpolation, separators, digits, padding. */
const stringLiteral: Arb = fc.constantFrom(
  "'abc'",
  "'a,b,c'",
  "'A-b-C'",
  '"x$n"',
  '"[$s]"',
  "'it''s'",
  '"say ""hi"""',
  "''",
  "' pad '",
  "'5'",
  "'2.0'",
  "'true'",
  '"a/b"',
  "'k'",
  "'n'",
  "'\\d'",
  '"#if(true)y#end"',
);
const word = fc.constantFrom("abc", "k", "a,b", "1", "[a-c]+", "\\w", ".", "b");
const quoted: Arb = word.map((w) => `'${w}'`);
const variable = fc.constantFrom("a", "b", "c", "s", "l", "m", "n", "d", "missing");
const loopVariable = fc.constantFrom("i", "j", "e");

/** Method calls on whatever `$s`, `$l`, `$m` and the others hold. */
const methodCall: Arb = fc.oneof(
  fc.constantFrom(
    "length()",
    "toUpperCase()",
    "toLowerCase()",
    "trim()",
    "isEmpty()",
    "size()",
    "keySet()",
    "values()",
    "entrySet()",
    "toString()",
    "intValue()",
    "doubleValue()",
  ),
  fc.tuple(fc.constantFrom("substring", "charAt", "get", "remove", "indexOf", "contains", "add"), fc.integer({ min: -1, max: 4 })).map(([m, i]) => `${m}(${i})`),
  fc.tuple(fc.constantFrom("substring", "subList", "set", "put", "replace"), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).map(([m, a, b]) => `${m}(${a}, ${b})`),
  fc.tuple(fc.constantFrom("contains", "startsWith", "endsWith", "indexOf", "lastIndexOf", "split", "matches", "equals", "equalsIgnoreCase", "concat", "get", "containsKey", "remove", "add", "replaceAll", "replaceFirst"), quoted).map(([m, w]) => `${m}(${w})`),
  fc.tuple(fc.constantFrom("replaceAll", "replaceFirst", "replace", "put", "split"), quoted, quoted).map(([m, a, b]) => `${m}(${a}, ${b})`),
);

/** References: variables with properties, indexes and methods; `$input`, `$util`, `$context`, `$stageVariables`, `$foreach`. */
const reference: Arb = fc.oneof(
  { weight: 6, arbitrary: variable.map((v) => `$${v}`) },
  { weight: 5, arbitrary: fc.tuple(variable, methodCall).map(([v, m]) => `$${v}.${m}`) },
  { weight: 1, arbitrary: fc.tuple(variable, methodCall, methodCall).map(([v, m, n]) => `$${v}.${m}.${n}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom("m", "l", "s", "missing"), fc.constantFrom("k", "n", "empty", "length", "x")).map(([v, p]) => `$${v}.${p}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom("m", "l"), fc.constantFrom("0", "1", "'k'", "'n'", "$n")).map(([v, k]) => `$${v}[${k}]`) },
  { weight: 2, arbitrary: loopVariable.map((v) => `$${v}`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom("$foreach.index", "$foreach.count", "$foreach.hasNext", "$foreach.first", "$foreach.last", "$foreach.parent.index", "$velocityCount", "$velocityHasNext"),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "$input.path('$')",
      "$input.path('$.x')",
      "$input.path('$.s')",
      "$input.path('$.l')",
      "$input.path('$.o')",
      "$input.path('$.d')",
      "$input.path('$.l[0]')",
      "$input.path('$.o.p')",
      "$input.path('$.l[*]')",
      "$input.path('$..k')",
      "$input.path('$.nope')",
      "$input.path('$.l').size()",
      "$input.json('$')",
      "$input.json('$.s')",
      "$input.json('$.l')",
      "$input.json('$.o')",
      "$input.json('$.d')",
      "$input.json('$.nope')",
      "$input.body",
      "$input.params('id')",
      "$input.params('q')",
      "$input.params('X-Trace')",
      "$input.params('nope')",
      "$input.params().path",
      "$input.params().querystring.q",
      "$input.params().header",
      "$util.escapeJavaScript($s)",
      "$util.escapeJavaScript($input.body)",
      "$util.escapeJavaScript($input.json('$.s'))",
      "$util.parseJson($input.body)",
      "$util.parseJson($s)",
      "$util.parseJson('[1, 2.50, {\"a\": null}]')",
      "$util.urlEncode($s)",
      "$util.urlDecode('a%2Cb+c')",
      "$util.base64Encode($s)",
      "$util.base64Decode('aGk=')",
      "$util.toJson($s)",
      "$context.requestId",
      "$context.identity.sourceIp",
      "$context.authorizer.n",
      "$context.authorizer.claims",
      "$context.requestOverride",
      "$context.responseOverride.status",
      "$stageVariables.env",
      "$stageVariables['env']",
      "$stageVariables.nope",
    ),
  },
);

const memo = new Map<string, Arb>();
function cached(key: string, build: () => Arb): Arb {
  let arb = memo.get(key);
  if (!arb) {
    arb = build();
    memo.set(key, arb);
  }
  return arb;
}

/**
 * Parameters: what Velocity 1.7 accepts as a method argument, a list item, a map value or a `#foreach` source
 * (literals, references, lists, ranges, maps; no operators), up to `depth` collections deep.
 */
function parameter(depth: number): Arb {
  return cached(`param${depth}`, () => {
    const atoms = fc.oneof(
      { weight: 4, arbitrary: integer },
      { weight: 3, arbitrary: decimal },
      { weight: 3, arbitrary: stringLiteral },
      { weight: 1, arbitrary: fc.constantFrom("true", "false") },
      { weight: 6, arbitrary: reference },
    );
    if (depth === 0) return atoms;
    const inner = parameter(depth - 1);
    return fc.oneof(
      { weight: 6, arbitrary: atoms },
      { weight: 1, arbitrary: fc.array(inner, { maxLength: 3 }).map((items) => `[${items.join(", ")}]`) },
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: -2, max: 4 }), fc.oneof(fc.integer({ min: -2, max: 4 }).map(String), fc.constantFrom("$foreach.count", "$velocityCount"))).map(([a, b]) => `[${a}..${b}]`) },
      {
        weight: 1,
        arbitrary: fc
          .uniqueArray(fc.tuple(fc.constantFrom("k", "n", "x", "empty"), inner), { selector: ([k]) => k, maxLength: 3 })
          .map((entries) => `{${entries.map(([k, v]) => `'${k}': ${v}`).join(", ")}}`),
      },
    );
  });
}

/** Expressions (the right side of `#set`): a parameter, arithmetic or a condition. */
const expression: Arb = fc.oneof({ weight: 4, arbitrary: parameter(2) }, { weight: 3, arbitrary: arithmetic(1) }, { weight: 2, arbitrary: condition(1) });

/** Arithmetic: `+ - * / %` over integers, decimals, numeric references, strings and parenthesised arithmetic. */
function arithmetic(depth: number): Arb {
  return cached(`arith${depth}`, () => {
    const operand = fc.oneof(
      { weight: 4, arbitrary: integer },
      { weight: 3, arbitrary: decimal },
      { weight: 3, arbitrary: fc.constantFrom("$n", "$d", "$i", "$foreach.count", "$l.size()", "$s.length()", "$input.path('$.x')", "$input.path('$.d')") },
      { weight: 1, arbitrary: fc.oneof(stringLiteral, reference) },
      ...(depth > 0 ? [{ weight: 2, arbitrary: arithmetic(depth - 1).map((e) => `(${e})`) }] : []),
    );
    return fc.tuple(operand, fc.constantFrom("+", "-", "*", "/", "%", "/", "*"), operand).map(([a, op, b]) => `${a} ${op} ${b}`);
  });
}

/** Conditions: comparisons across types (numbers, strings, booleans, lists, maps, missing), `&&`, `||`, `!`, word forms. */
function condition(depth: number): Arb {
  return cached(`cond${depth}`, () => {
    const side = fc.oneof({ weight: 3, arbitrary: parameter(1) }, { weight: 1, arbitrary: arithmetic(0).map((e) => `(${e})`) });
    const comparison = fc.tuple(side, fc.constantFrom("==", "!=", "<", ">", "<=", ">=", "eq", "ne", "gt", "lt"), side).map(([a, op, b]) => `${a} ${op} ${b}`);
    const options: { weight: number; arbitrary: Arb }[] = [
      { weight: 5, arbitrary: comparison },
      { weight: 2, arbitrary: reference },
      { weight: 1, arbitrary: reference.map((r) => `!${r}`) },
    ];
    if (depth > 0) {
      const inner = condition(depth - 1);
      options.push(
        { weight: 2, arbitrary: fc.tuple(inner, fc.constantFrom("&&", "||", "and", "or"), inner).map(([a, op, b]) => `${a} ${op} ${b}`) },
        { weight: 1, arbitrary: inner.map((c) => `!(${c})`) },
      );
    }
    return fc.oneof(...options);
  });
}

/** What goes between statements: nothing, spaces, line breaks and indentation (Velocity eats some of it). */
const gap: Arb = fc.constantFrom("", "", "\n", "\n", " ", "\n  ", "\t", "\n\n", " \n");
const text: Arb = fc.constantFrom("x", " ", "\n", "-", ", ", "{", "}", ":", '"', "a b", "\n  ", "(", ")", "[", "]", "=", "|", "\\n", "'", "$", "#", "50%");

/**
 * Text inside inline macro bodies, without `#`: `#$p#end` trips a bug of Velocity 1.7's lexer that makes a later
 * `#set` fail to parse, which the evaluator reproduces only when the `#set` follows right away (see
 * `compiler/vtl/README.md`, differences left).
 */
const macroText: Arb = text.filter((t) => t !== "#");

/** `#set` targets: variables, map keys (dotted and bracketed), list elements. */
const setTarget: Arb = fc.oneof(
  { weight: 5, arbitrary: variable.map((v) => `$${v}`) },
  { weight: 2, arbitrary: fc.constantFrom("$m.k", "$m.x", "$m['n']", "$m[$s]", "$l[0]", "$l[1]", "$m.k.z") },
  { weight: 1, arbitrary: fc.constantFrom("$context.responseOverride.status", "$context.requestOverride.header.h", "$context.responseOverride.header['X-A']", "$context.requestOverride.querystring.q") },
);

/** Statements up to `depth` blocks deep; `loops` counts the `#foreach` blocks around them. */
function statement(depth: number, loops: number): Arb {
  return cached(`stmt${depth}/${loops}`, () => {
    const options: { weight: number; arbitrary: Arb }[] = [
      { weight: 4, arbitrary: text },
      { weight: 6, arbitrary: reference },
      { weight: 1, arbitrary: fc.constantFrom("$!missing", "$!{s}", "${n}x", "${missing}", "$!m.nope", "\\$n", "\\\\$n", "$l.add(9)", "$m.put('k', 'w')", "$l.set(0, 'z')") },
      { weight: 5, arbitrary: fc.tuple(setTarget, expression).map(([t, e]) => `#set(${t} = ${e})`) },
      { weight: 1, arbitrary: fc.constantFrom("## note\n", "#* note *#", "#[[$n #if]]#") },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom("greet", "tryme", "m2"), fc.array(macroText, { maxLength: 2 }), parameter(0))
          .map(([name, body, arg]) => `#macro(${name} $p)${join(body)}$p#end#${name}(${arg})`),
      },
      { weight: 1, arbitrary: fc.constantFrom("#greet('x')", "#evaluate('$n')", "#tryme()", "#@m2()x#end") },
    ];
    if (loops > 0) {
      options.push(
        { weight: 3, arbitrary: fc.constantFrom("#if($foreach.hasNext),#end", "#if($velocityHasNext);#end", "#break", "#if($foreach.count == 2)#break#end", "#if($foreach.last)!#end") },
      );
    }
    if (depth > 0) {
      const body = block(depth - 1, loops);
      const loopBody = block(depth - 1, loops + 1);
      options.push(
        {
          weight: 4,
          arbitrary: fc
            .tuple(condition(1), body, fc.option(fc.tuple(condition(1), body), { nil: null }), fc.option(body, { nil: null }), gap)
            .map(([c, b, elseif, otherwise, g]) => `#if(${c})${g}${b}${elseif ? `#elseif(${elseif[0]})${elseif[1]}` : ""}${otherwise !== null ? `#else${otherwise}` : ""}#end`),
        },
        {
          weight: 4,
          arbitrary: fc
            .tuple(
              loopVariable,
              fc.oneof(
                fc.constantFrom("$l", "$m", "$s", "$missing", "[1..3]", "[3..1]", "$m.keySet()", "$m.entrySet()", "$s.split(',')", "$input.path('$.l')", "$input.path('$.o')", "$util.parseJson('[1,[2,3]]')", "[]"),
                parameter(1),
              ),
              loopBody,
              gap,
            )
            .map(([v, iterable, b, g]) => `#foreach($${v} in ${iterable})${g}${b}#end`),
        },
        { weight: 1, arbitrary: body.map((b) => `#define($blk)${b}#end$blk|$blk`) },
      );
    }
    return fc.oneof(...options);
  });
}

/** A sequence of statements separated by gaps. */
function block(depth: number, loops: number): Arb {
  return cached(`block${depth}/${loops}`, () =>
    fc.array(fc.tuple(statement(depth, loops), gap), { minLength: 1, maxLength: 4 }).map((items) => items.map(([s, g]) => s + g).join("")),
  );
}

/** The initial values of `$s`, `$l`, `$m`, `$n`, `$d`. */
const prelude: Arb = fc
  .tuple(
    fc.constantFrom("'a,b,c'", "'Hello World'", "''", "'  x  '", "'abc'", "'it''s/\"q\"'"),
    fc.constantFrom("[1, 2, 3]", "['a', 'b']", "[]", "[1, 'two', 3.0, true, [4]]", "[1..4]", "[{'k': 1}, 'x']"),
    fc.constantFrom("{'k': 'v', 'n': 2}", "{}", "{'k': [1, 2], 'n': {'z': 1.5}}", "{'n': 0, 'k': ''}"),
    integer,
    decimal,
    fc.constantFrom("\n", "", " "),
  )
  .map(([s, l, m, n, d, sep]) => `#set($s = ${s})${sep}#set($l = ${l})${sep}#set($m = ${m})${sep}#set($n = ${n})${sep}#set($d = ${d})${sep}`);

/** Payloads: JSON objects with every JSON type, arrays, scalars, empty and non-JSON text (blanks, quotes, Unicode spaces at the ends). */
const body = fc.constantFrom<string | null>(
  '{"x": 7, "s": "a/b \\"q\\" \\u00e9", "d": 10.00, "l": [1, "two", {"k": null}, 2.5], "o": {"p": true, "k": "v"}, "n": null}',
  '{"x": -3, "d": 0.5, "l": [], "o": {}, "s": ""}',
  '{"x": "7", "l": [{"k": 1}, {"k": 2}], "o": {"p": [1, 2]}}',
  "[1, 2, 3]",
  '"just a string"',
  "42",
  "3.50",
  "true",
  "",
  null,
  "a=b",
  "a=b&c=d\n",
  "  text with spaces  ",
  "line1\nline2\n",
  "'single quoted' tail",
  '"quoted" tail',
  "\u00a0nbsp\u2028\t",
);

/** Generated cases: a template plus the request it renders against. */
export const generatedCase: fc.Arbitrary<OracleCase> = fc
  .tuple(prelude, block(3, 0), body, fc.constantFrom<"request" | "response">("request", "request", "response"))
  .map(([start, rest, payload, kind]) => ({
    template: start + rest,
    body: payload,
    path: { id: "p-1" },
    query: { q: "a b", id: "q-1" },
    headers: { "X-Trace": "t-1", Accept: "application/json" },
    context: { requestId: "r-1", identity: { sourceIp: "192.0.2.1" }, authorizer: { n: 1, claims: { sub: "u-1" } } },
    stageVariables: { env: "dev" },
    kind,
  }));
