/**
 * The evaluator's behaviour where velocityjs alone differs from API Gateway's Velocity 1.7: parsing (string
 * literals, escapes, braced directives, `.5`, `[true]`), whitespace, Java values and methods, `$input`, `$util`,
 * `$context` overrides, limits and errors with their positions.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { MAX_FOREACH_ITERATIONS, MAX_RANGE_ITEMS } from "../../compiler/vtl/evaluate.js";
import { VtlError, renderTemplate, type TemplateInput } from "../../compiler/vtl/index.js";

function render(template: string, input: Partial<TemplateInput> = {}): string {
  return renderTemplate(template, { body: null, ...input }).output;
}

function failure(template: string, input: Partial<TemplateInput> = {}): VtlError {
  try {
    render(template, input);
  } catch (error) {
    if (error instanceof VtlError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(template)} to fail`);
}

test("string literals: doubled quotes, literal backslashes, interpolation only in double quotes", () => {
  assert.is(render(`#set($a = 'it''s')$a`), "it's");
  assert.is(render(`#set($a = "say ""hi""")$a`), 'say "hi"');
  assert.is(render(`#set($a = "C:\\dir\\")$a|`), "C:\\dir\\|");
  assert.is(render(`#set($n = 1)#set($a = "n=$n")#set($b = 'n=$n')$a $b`), "n=1 n=$n");
  assert.is(render(`#set($a = "#if(true)yes#end")$a`), "yes");
  assert.is(render(`$util.escapeJavaScript("a'b").replaceAll("\\\\'", "'")`), "a'b");
});

test("escapes: half of a backslash run before a reference prints, an odd run escapes it; other backslashes stay", () => {
  assert.is(render("#set($x = 'v')\\$x|\\\\$x|\\\\\\$x|\\\\\\\\$x"), "$x|\\v|\\$x|\\\\v");
  assert.is(render("\\# \\$ a\\b \\\\"), "\\# \\$ a\\b \\\\");
  assert.is(render("\\#if(true)x\\#end"), "#if(true)x#end");
});

test("braced directives, #stop, #break and #{break}, decimals without an integer part, boolean list items", () => {
  assert.is(render("#{if}(true)a#{else}b#{end}|#{set}($x = 2)$x"), "a|2");
  assert.is(render("a#{stop}b"), "a");
  assert.is(render("#foreach($i in [1, 2, 3])$i#if($i == 2)#{break}#end#end"), "12");
  assert.is(render("#set($x = .5 + -.25)$x"), "0.25");
  assert.is(render("#set($l = [true, false, null])$l $l.size()"), "[true, false, null] 3");
  assert.is(render("#break after"), "", "#break outside a loop ends the template");
});

test("whitespace: directive lines lose their line break, #set eats the blanks before it unless a line began", () => {
  assert.is(render("a\n#set($x = 1)  \nb"), "a\nb");
  assert.is(render("#set($x = 1) #set($y = 2)\n$x$y"), "12");
  assert.is(render("\n  #set($x = 1)\n  x"), "\n    x");
  assert.is(render("  #set($x = 1)x"), "x");
  assert.is(render("#if(true)\n  a\n#else\n  b\n#end\nc"), "  a\nc");
  assert.is(render("## comment\nline ## trailing\nnext"), "line next");
  assert.is(render("#* block *#\nx"), "\nx");
  assert.is(render("#macro(m)x#end\ny"), "y");
});

test("#macro definitions are ignored and calls, #evaluate, #include and #parse print as text", () => {
  assert.is(render("#macro(greet $n)hi $n#end#greet('bob') #evaluate('$x') #include('a.vm') #parse('b.vm')"), "#greet('bob') #evaluate('$x') #include('a.vm') #parse('b.vm')");
});

test("#foreach: $foreach and $velocity* restored after the loop, nested parents, maps iterate values", () => {
  assert.is(render("#foreach($a in [1, 2])#foreach($b in ['x', 'y'])$foreach.parent.index$foreach.index#end,#end[$foreach]"), "0001,1011,[]");
  assert.is(render("#set($i = 'outer')#foreach($i in [1])$i#end $i"), "1 outer");
  assert.is(render("#set($t = 'text')#set($n = 5)#foreach($x in $nothing)never#end#foreach($x in $t)never#end#foreach($x in $n)never#end"), "");
  assert.is(render("#foreach($x in [1, 2])$velocityCount$velocityHasNext#end"), "1true2false");
});

test("#set: a null right side keeps the value; paths put into maps and lists", () => {
  assert.is(render("#set($x = 1)#set($x = null)$x"), "1");
  assert.is(render("#set($x = 1)#set($x = 1 / 0)$x"), "1");
  assert.is(render("#set($m = {})#set($m.a = 1)#set($m['b'] = 2)#set($k = 'c')#set($m[$k] = 3)$m"), "{a=1, b=2, c=3}");
  assert.is(render("#set($l = [1, 2])#set($l[1] = 'x')$l"), "[1, x]");
  assert.is(render("#set($nothing.a = 1)ok"), "ok");
});

test("operators: precedence, word forms, comparisons across types as Velocity 1.7", () => {
  assert.is(render("#set($a = 2 + 3 * 4 - 6 / 4 % 2)$a"), "13");
  assert.is(render("#set($l = [1, 2])#set($m = {'a': 1})#if(1 == 1.0)a#end#if('1' == 1)b#end#if(true == 'true')c#end#set($l2 = [1, 2])#if($l == $l2)d#end#set($m2 = {'a': 1})#if($m == $m2)e#end#if($l == '[1, 2]')f#end"), "abcdef");
  assert.is(render("#if(1 lt 2 and 2 ge 2 and not (1 eq 2) or false)yes#end"), "yes");
  assert.is(render("#if('a' < 'b')yes#else no#end"), " no", "< compares numbers only");
  assert.is(render("#set($s = 'a' + 1 + 2)$s|#set($n = 1 + 2 + 'a')$n"), "a12|3a");
  assert.is(render("#set($big = 9007199254740993 + 1)$big|#set($m = 2147483647 + 1)$m"), "9007199254740994|2147483648");
});

test("Java printing of numbers: Double.toString forms, integers from JSON as they are", () => {
  const body = JSON.stringify({}).replace("{}", '{"a": 10.00, "b": 1e21, "c": 0.0001, "d": -0.0, "e": 12345678901234567890, "f": 1.5E-3}');
  assert.is(render("$input.path('$.a') $input.path('$.b') $input.path('$.c') $input.path('$.d') $input.path('$.e') $input.path('$.f')", { body }), "10.0 1.0E21 1.0E-4 -0.0 12345678901234567890 0.0015");
});

test("Java exceptions fail the render at their statement", () => {
  const e = failure("line1\n  $l.get(0)#set($s = 'abc')\n#set($x = $s.substring(1, 9))");
  assert.is(e.kind, "runtime");
  assert.is(`${e.line}:${e.column}`, "3:1");
  assert.match(e.message, /StringIndexOutOfBoundsException/);
  assert.match(failure("#set($s = 'a')#set($x = $s.replaceAll('(', 'b'))").message, /PatternSyntaxException/);
  assert.match(failure("#set($s = 'a')#set($x = $s.replaceAll('a', '$2'))").message, /No group 2/);
  assert.match(failure("#set($x = $util.urlDecode('%zz'))").message, /URLDecoder/);
});

test("Java String methods: regex semantics of replaceAll, matches and split", () => {
  assert.is(render("#set($s = 'a.b.c')$s.replaceAll('\\.', '/') $s.replace('.', '/') $s.matches('a.*') $s.matches('b')"), "a/b/c a/b/c true false");
  assert.is(render("#set($s = 'a,b,,c,,')$s.split(',').size() $s.split(',', -1).size() $s.split(',', 2).get(1) $s.split('')[0]"), "4 6 b,,c,, a");
  assert.is(render("#set($s = 'Hello World')$s.replaceAll('(?i)o', '0') $s.replaceAll('(\\w+) (\\w+)', '$2 \\$ $1') $s.replaceAll('\\Q.\\E|l', '_')"), "Hell0 W0rld World $ Hello He__o Wor_d");
  assert.is(render("#set($s = \"line\n\")#set($r = $s.replaceAll('e$', 'E'))$r.length() $r.startsWith('linE')"), "5 true");
  assert.is(render("#set($s = ' x\u00a0 ')[$s.trim()]"), "[x\u00a0]");
  assert.is(render("#set($s = 'abc')$s.charAt(1) $s.indexOf('c') $s.lastIndexOf('a', 0) $s.compareTo('abd') $s.hashCode() $s.concat('d') $s.toUpperCase()"), "b 2 0 -1 96354 abcd ABC");
  assert.is(render("#set($s = 'abc')$s.substring('1')|$s.noSuchMethod()|$s.length"), "||", "wrong argument types and unknown members yield null");
  assert.is(render("#set($s = '')$s.empty $s.isEmpty()"), "true true");
});

test("lists and maps: Java methods, views and entries; JSON arrays print as JSON", () => {
  assert.is(render("#set($m = {'a': 1, 'b': 2})$m.keySet() $m.values() $m.entrySet() $m.containsKey('a') $m.getOrDefault('z', 0) $m.remove('a') $m"), "[a, b] [1, 2] [a=1, b=2] true 0 1 {b=2}");
  assert.is(render("#set($l = [3, 1, 2])$l.subList(1, 3)|#set($x = $l.add(0, 9))$l $l.addAll([7]) $l.remove(0) $l"), "[1, 2]|[9, 3, 1, 2] true 9 [3, 1, 2, 7]");
  assert.is(render("#set($l = $input.path('$.l'))#set($ok = $l.add('x/y'))$l $l.toJSONString() $l.size()", { body: '{"l": [1, "a"]}' }), '[1,"a","x\\/y"] [1,"a","x\\/y"] 3');
  assert.is(render("#set($m = {'a': 1})#foreach($e in $m.entrySet())#set($old = $e.setValue(5))$old#end $m"), "1 {a=5}");
  assert.match(failure("#set($m = {'a': 1})#set($x = $m.keySet().add('b'))").message, /UnsupportedOperationException/);
});

test("$input: JSONPath definite and indefinite paths, filters, bracket names; each read is fresh", () => {
  const body = JSON.stringify({ store: { book: [{ t: "a", p: 8 }, { t: "b", p: 12 }] }, "a-b": 1 });
  assert.is(render("$input.json('$.store.book[*].t')|$input.path('$..p')|$input.json(\"$.store.book[?(@.p > 10)]\")|$input.path(\"$['a-b']\")|$input.path('$.store.book[1].t')", { body }), '["a","b"]|[8,12]|[{"t":"b","p":12}]|1|b');
  assert.is(render("#set($r = $input.path('$'))#set($r.added = 1)$r.added $input.json('$.added') $input.path('$').added", { body }), '1 "" ');
  assert.match(failure("$input.path('$.a(')", { body }).message, /InvalidPathException/);
  assert.match(failure("$input.path('$[(@.length-1)]')", { body }).message, /InvalidPathException/);
});

test("$input.params: header lookup by $input.params(x) ignores case; the maps keep their names", () => {
  assert.is(render("$input.params('content-type')|$input.params().header.get('content-type')|$input.params().header.get('Content-Type')", { headers: { "Content-Type": "application/json" } }), "application/json||application/json");
});

test("$util: unknown functions and non-string arguments yield empty text; parseJson of invalid JSON is empty", () => {
  assert.is(render("[$util.toJson($x)][$util.escapeJavaScript(1)][$util.parseJson('{bad')][$util.parseJson('[1]').size()][$util.parseJson('\"s\"')]"), "[][][][1][s]");
});

test("$context: overrides collected after the render; response templates leave request overrides out", () => {
  const template = "#set($context.requestOverride.header.A = 'a')#set($context.requestOverride.querystring.q = ['1', '2'])#set($context.responseOverride.status = '404')#set($context.responseOverride.header.X = 1)";
  const request = renderTemplate(template, { body: null });
  assert.equal(request.overrides, { request: { header: { A: "a" }, path: {}, querystring: { q: ["1", "2"] } }, response: { header: { X: "1" }, status: 404 } });
  const response = renderTemplate(template, { body: null, kind: "response" });
  assert.equal(response.overrides.request, { header: {}, path: {}, querystring: {} });
  const stash = renderTemplate("$context.requestOverride.path.stash|$context.responseOverride.custom", { body: null, kind: "response", context: { requestOverride: { path: { stash: "kept" } }, responseOverride: { custom: "c" } } });
  assert.is(stash.output, "kept|c");
  assert.equal(stash.overrides.response, { header: {} });
  const twice = failure("#set($context.requestOverride.header.A = 'a')\n#foreach($i in [1])#set($context.requestOverride.header.A = 'b')#end");
  assert.match(twice.message, /requestOverride\.header\.A is set more than once/);
  assert.is(`${twice.line}:${twice.column}`, "2:20");
});

test("limits: foreach stops at 1,000 items, ranges and text have a ceiling, self-printing #define fails", () => {
  assert.is(render("#foreach($i in [1..2000])#set($last = $i)#end$last"), String(MAX_FOREACH_ITERATIONS));
  assert.match(failure(`#set($n = ${MAX_RANGE_ITEMS * 2})#set($r = [1..$n])`).message, new RegExp(`more than ${MAX_RANGE_ITEMS} items`));
  assert.match(failure("#define($d)$d#end$d").message, /nest deeper/);
  assert.match(failure("#set($s = 'xxxxxxxxxx')#foreach($i in [1..30])#set($s = \"$s$s\")#end").message, /10 MB/);
});

test("long templates are parsed in pieces: same output, positions still exact", () => {
  const lines = Array.from({ length: 3000 }, (_, i) => `  "k${i}": "$input.path('$.v')",`);
  const template = `{\n${lines.join("\n")}\n"end": 1}`;
  const output = render(template, { body: '{"v": "x"}' });
  assert.is(output, `{\n${lines.map((l) => l.replace("$input.path('$.v')", "x")).join("\n")}\n"end": 1}`);
  const runtime = failure(`${template}\n#set($l = [])\n  #set($x = $l.get(1))`);
  assert.is(`${runtime.line}:${runtime.column}`, "3004:3");
  const syntax = failure(`${template}\n#set($x = )`);
  assert.is(`${syntax.line}:${syntax.column}`, "3003:11");
});

test("Velocity 1.7 behaviours the differential test found: literals in expressions, lexer quirks, whitespace", () => {
  assert.is(render("#set($d = 1.0E3)$d|#set($e = 2e2)$e"), "1000.0|200.0");
  assert.is(render("#if([1] == [1])y#end|#set($x = [1..2] + 'a')$x"), "y|[1, 2]a");
  assert.is(render("#foreach($i in {'a': 1, 'b': 2})$i#end|#foreach($i in 'abc')$i#end|#foreach($i in 3)$i#end"), "12||");
  assert.is(render("#set($x = 'a' + (1 / 0))$x"), "a1 / 0");
  assert.is(render("#set($n = 1)#@m2()x$n#end\nz"), "#@m2()x$n#end\nz");
  assert.is(render("#foreach($i in [1])#end#* note *#\ny"), "\ny");
  assert.is(render("a$#if(true)b#end|#foreach($i in [1, 2])a$#break b#end"), "ab|a$#break ba$#break b");
  assert.is(render("a$missing(x|#set($m = {'k': 'v'})$m.k## c\nx"), "a(x|v## c\nx");
  assert.is(render("#set($l = [1, 2, 3])$l[-1]|#set($l[-1] = 9)$l"), "3|[1, 2, 9]");
  assert.is(render("#greet('x')\n  #set($b = 1)x|$ #set($b = 1)y"), "#greet('x')\nx|y");
  assert.is(render("#foreach($i in [1, 2, 3])$i#define($b)x#break y#end$b#end"), "1x2x3x");
  assert.is(render("#set($m = {'k': 'v'})$m.keySet().remove('k') $m $m.replace('z', 1)"), "true {} ");
  assert.is(render("#set($s = 'abc')$s.indexOf(-1)"), "-1");
  for (const template of ["a$", "a#", "#set($l = [1])$l[x]", "$e #set($l = 1)[x", "#if(true)#$p#end#set($s = 1)", "a$#foreach($i in [1])x#end"]) {
    assert.is(failure(template).kind, "syntax", template);
  }
  assert.match(failure("#set($l = [1, 2])#foreach($e in $l)$l.add(3)#end").message, /ConcurrentModificationException/);
  assert.is(render("#set($l = [1, 2, 3])#foreach($e in $l)$e#if($e == 2)$l.remove(0)#end#end"), "121");
});

test("payloads and JSONPath as json-smart and Jayway read them", () => {
  assert.is(render("[$input.path('$')]", { body: " a\u00a0\n" }), "[a\u00a0]");
  assert.is(render("$input.path('$')|$input.json('$')", { body: "'quoted' tail" }), 'quoted|"quoted"');
  assert.is(render("$input.path('$.l[*]')|$input.json('$.l[*]')", { body: "42" }), '|""');
  assert.is(render("$input.path('$.o.*.x')|$input.path('$.l[*].x')", { body: '{"o": {"a": {"x": 1}, "b": {}}, "l": [{"x": 1}, {}]}' }), "|[1]");
  assert.is(failure("$input.path('$.l[*][0]')", { body: '{"l": [1]}' }).kind, "runtime");
});

test("syntax errors carry the line and column inside the template", () => {
  const cases: [string, string, RegExp][] = [
    ["a\n#if($x)\nb", "2:1", /#if is not closed/],
    ["#foreach($x in [1])\n#end\n#end", "3:1", /#end closes nothing/],
    ["#else", "1:1", /#else without an open #if/],
    ["#if($a)#else#else#end", "1:13", /second #else/],
    ["#set($a = 'x)", "1:11", /string literal is not closed/],
    ["ok\n  #set($a = )", "2:13", /unexpected/],
    ["#* open", "1:1", /not closed with \*#/],
    ['#set($a = "#if(true)")', "1:12", /#if is not closed/],
  ];
  for (const [template, at, message] of cases) {
    const e = failure(template);
    assert.is(e.kind, "syntax", template);
    assert.is(`${e.line}:${e.column}`, at, template);
    assert.match(e.message, message, template);
  }
});

test.run();
