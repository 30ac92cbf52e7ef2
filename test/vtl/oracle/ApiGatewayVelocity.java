import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JsonSmartJsonProvider;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import net.minidev.json.JSONStyle;
import net.minidev.json.JSONValue;
import net.minidev.json.parser.JSONParser;
import org.apache.commons.lang.StringEscapeUtils;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.InvalidReferenceEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.util.introspection.Info;

/**
 * The reference engine of the differential test: API Gateway mapping templates rendered by Apache Velocity 1.7
 * configured the way API Gateway runs it (vtl-and-emulators.md §1.1-1.11):
 *
 * <ul>
 *   <li>An undefined or null reference evaluates to the empty string: an {@link InvalidReferenceEventHandler}
 *       answers "" for every missing variable, property and method result. Velocity 1.7 uses that answer as the
 *       reference's value, so the reference prints nothing, is true in #if, equals "" (and $null), and
 *       #set($x = $missing) stores "" - what API Gateway was recorded doing.</li>
 *   <li>Inline #macro definitions are not registered (velocimacro.permissions.allow.inline = false): a definition
 *       prints nothing and a call prints as its own text. #evaluate is removed, so it prints as text (both
 *       recorded). #include and #parse are removed as well: a mapping template has no resources to load.</li>
 *   <li>#foreach stops after 1,000 items (API Gateway's limit).</li>
 *   <li>$input reads the payload with Jayway JsonPath over json-smart (JsonSmartJsonProvider's defaults: the most
 *       permissive mode, objects as LinkedHashMap, arrays as JSONArray); $input.json writes json-smart's
 *       LT_COMPRESS style; $util is commons-lang 2 escapeJavaScript, java.net URL coding and Base64 over UTF-8;
 *       $context holds what the case gives plus requestOverride/responseOverride maps where setting an override
 *       twice fails; $stageVariables is a map.</li>
 * </ul>
 *
 * <p>Protocol: one JSON object per line on stdin, {"template", "body", "headers", "query", "path", "context",
 * "stageVariables", "kind"} (the `portico template render --input` format plus the template); one JSON object per
 * line on stdout, {"output", "overrides"} or {"error"}, in the same order. Output is ASCII: every other character
 * is written as a \\u escape, so no text is lost between the processes.
 */
public final class ApiGatewayVelocity {
  private ApiGatewayVelocity() {}

  /** The JSON provider Jayway JsonPath uses by default, and with it the parser of $input and $util.parseJson. */
  static final JsonSmartJsonProvider JSON = new JsonSmartJsonProvider();

  /** $util. */
  public static final class Util {
    public String escapeJavaScript(String s) {
      return s == null ? "" : StringEscapeUtils.escapeJavaScript(s);
    }

    public Object parseJson(String s) {
      try {
        return JSON.parse(s);
      } catch (RuntimeException e) {
        return "";
      }
    }

    public String urlEncode(String s) throws UnsupportedEncodingException {
      return s == null ? "" : URLEncoder.encode(s, "UTF-8");
    }

    public String urlDecode(String s) throws UnsupportedEncodingException {
      return s == null ? "" : URLDecoder.decode(s, "UTF-8");
    }

    public String base64Encode(String s) {
      return s == null ? "" : Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    public String base64Decode(String s) {
      return s == null ? "" : new String(Base64.getMimeDecoder().decode(s), StandardCharsets.UTF_8);
    }
  }

  /** $input: the payload ("{}" when empty) and the request parameters. */
  public static final class Input {
    private final String body;
    private final Map<String, Object> params;

    Input(String body, Map<String, Object> params) {
      this.body = body == null || body.isEmpty() ? "{}" : body;
      this.params = params;
    }

    public String getBody() {
      return body;
    }

    /** Each read parses the payload again, so a template changing what it read does not change the payload. */
    private Object read(String path) {
      return JsonPath.read(JSON.parse(body), path);
    }

    public Object path(String path) {
      try {
        return read(path);
      } catch (PathNotFoundException e) {
        return null;
      }
    }

    public String json(String path) {
      try {
        return JSONValue.toJSONString(read(path), JSONStyle.LT_COMPRESS);
      } catch (PathNotFoundException e) {
        return "\"\"";
      }
    }

    public Map<String, Object> params() {
      return params;
    }

    @SuppressWarnings("unchecked")
    public Object params(String name) {
      for (String part : new String[] {"path", "querystring", "header"}) {
        Map<String, Object> values = (Map<String, Object>) params.get(part);
        if (values.containsKey(name)) return values.get(name);
      }
      Map<String, Object> headers = (Map<String, Object>) params.get("header");
      for (Map.Entry<String, Object> e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
      return "";
    }
  }

  /** A map under requestOverride/responseOverride: assigning one of its counted keys twice fails (API Gateway: 5XX). */
  static final class OverrideMap extends LinkedHashMap<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final String label;
    private final Predicate<Object> counts;
    private final Set<Object> assigned = new HashSet<>();

    OverrideMap(String label, Predicate<Object> counts, Object initial) {
      this.label = label;
      this.counts = counts;
      if (initial instanceof Map) for (Map.Entry<?, ?> e : ((Map<?, ?>) initial).entrySet()) super.put(e.getKey(), e.getValue());
    }

    @Override
    public Object put(Object key, Object value) {
      if (counts.test(key) && !assigned.add(key)) throw new IllegalStateException(label + "." + key + " is set more than once");
      return super.put(key, value);
    }

    @Override
    public void putAll(Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) put(e.getKey(), e.getValue());
    }

    @Override
    public Object putIfAbsent(Object key, Object value) {
      Object current = get(key);
      if (current == null) put(key, value);
      return current;
    }
  }

  /** Missing references evaluate to "" (see the class comment). */
  static final class EmptyInvalidReferences implements InvalidReferenceEventHandler {
    public Object invalidGetMethod(Context context, String reference, Object object, String property, Info info) {
      return "";
    }

    public boolean invalidSetMethod(Context context, String leftreference, String rightreference, Info info) {
      return false;
    }

    public Object invalidMethod(Context context, String reference, Object object, String method, Info info) {
      return "";
    }
  }

  /** Plain JSON from the case as Java values: LinkedHashMap, ArrayList, numbers as json-smart reads them. */
  static Object plain(Object value) {
    if (value instanceof Map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) out.put(e.getKey(), plain(e.getValue()));
      return out;
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object item : (List<?>) value) out.add(plain(item));
      return out;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  static Map<Object, Object> map(Object value) {
    return value instanceof Map ? (Map<Object, Object>) value : new LinkedHashMap<>();
  }

  /** Lambda authorizer context values arrive as strings; claims is a map of strings. */
  static Object stringified(Object value) {
    if (value instanceof Map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) out.put(e.getKey(), stringified(e.getValue()));
      return out;
    }
    return value == null ? null : String.valueOf(value);
  }

  static Map<Object, Object> buildContext(Object given) {
    Map<Object, Object> context = map(plain(given));
    Object authorizer = context.get("authorizer");
    if (authorizer instanceof Map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) authorizer).entrySet()) {
        out.put(e.getKey(), "claims".equals(e.getKey()) ? stringified(map(e.getValue())) : stringified(e.getValue()));
      }
      context.put("authorizer", out);
    }
    Map<Object, Object> request = map(context.get("requestOverride"));
    OverrideMap requestOverride = new OverrideMap("$context.requestOverride", k -> false, request);
    for (String part : new String[] {"header", "path", "querystring"}) {
      requestOverride.put(part, new OverrideMap("$context.requestOverride." + part, k -> true, request.get(part)));
    }
    context.put("requestOverride", requestOverride);
    Map<Object, Object> response = map(context.get("responseOverride"));
    OverrideMap responseOverride = new OverrideMap("$context.responseOverride", k -> "status".equals(k), response);
    responseOverride.put("header", new OverrideMap("$context.responseOverride.header", k -> true, response.get("header")));
    context.put("responseOverride", responseOverride);
    return context;
  }

  /** Overrides as the evaluator reports them: sorted keys, null values left out, lists as arrays of strings. */
  static Map<String, Object> entries(Object value, boolean lists) {
    Map<String, Object> out = new TreeMap<>();
    for (Map.Entry<?, ?> e : map(value).entrySet()) {
      Object v = e.getValue();
      if (v == null) continue;
      if (lists && v instanceof List) {
        List<String> items = new ArrayList<>();
        for (Object item : (List<?>) v) items.add(String.valueOf(item));
        out.put(String.valueOf(e.getKey()), items);
      } else out.put(String.valueOf(e.getKey()), String.valueOf(v));
    }
    return out;
  }

  static Map<String, Object> overrides(Map<Object, Object> context, boolean request) {
    Map<Object, Object> req = map(context.get("requestOverride"));
    Map<Object, Object> res = map(context.get("responseOverride"));
    Map<String, Object> requestOut = new LinkedHashMap<>();
    requestOut.put("header", request ? entries(req.get("header"), true) : new TreeMap<>());
    requestOut.put("path", request ? entries(req.get("path"), false) : new TreeMap<>());
    requestOut.put("querystring", request ? entries(req.get("querystring"), true) : new TreeMap<>());
    Map<String, Object> responseOut = new LinkedHashMap<>();
    responseOut.put("header", entries(res.get("header"), true));
    Object status = res.get("status");
    if (status != null) {
      String text = String.valueOf(status);
      responseOut.put("status", text.matches("\\d+") ? (Object) Long.valueOf(text) : text);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("request", requestOut);
    out.put("response", responseOut);
    return out;
  }

  /** JSON text with every character outside printable ASCII as a \\u escape. */
  static void writeJson(StringBuilder out, Object value) {
    if (value == null) out.append("null");
    else if (value instanceof String) {
      String s = (String) value;
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\\') out.append('\\').append(c);
        else if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
        else out.append(c);
      }
      out.append('"');
    } else if (value instanceof Map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        if (!first) out.append(',');
        first = false;
        writeJson(out, String.valueOf(e.getKey()));
        out.append(':');
        writeJson(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof List) {
      out.append('[');
      boolean first = true;
      for (Object item : (List<?>) value) {
        if (!first) out.append(',');
        first = false;
        writeJson(out, item);
      }
      out.append(']');
    } else out.append(value);
  }

  static RuntimeInstance engine() throws Exception {
    RuntimeInstance velocity = new RuntimeInstance();
    velocity.setProperty("runtime.log.logsystem.class", "org.apache.velocity.runtime.log.NullLogChute");
    velocity.setProperty("velocimacro.permissions.allow.inline", "false");
    velocity.setProperty("velocimacro.library", "");
    velocity.setProperty("directive.foreach.maxloops", "1000");
    velocity.init();
    for (String name : new String[] {"evaluate", "include", "parse"}) velocity.removeDirective(name);
    return velocity;
  }

  /** Renders one case. */
  static Map<String, Object> render(RuntimeInstance velocity, Map<Object, Object> c) {
    Map<String, Object> result = new LinkedHashMap<>();
    try {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("path", map(plain(c.get("path"))));
      params.put("querystring", map(plain(c.get("query"))));
      params.put("header", map(plain(c.get("headers"))));
      Map<Object, Object> context = buildContext(c.get("context"));
      VelocityContext variables = new VelocityContext();
      variables.put("input", new Input((String) c.get("body"), params));
      variables.put("util", new Util());
      variables.put("context", context);
      variables.put("stageVariables", map(plain(c.get("stageVariables"))));
      EventCartridge events = new EventCartridge();
      events.addEventHandler(new EmptyInvalidReferences());
      events.attachToContext(variables);
      StringWriter output = new StringWriter();
      velocity.evaluate(variables, output, "template", (String) c.get("template"));
      result.put("output", output.toString());
      result.put("overrides", overrides(context, !"response".equals(c.get("kind"))));
    } catch (Throwable e) {
      result.clear();
      result.put("error", String.valueOf(e));
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    RuntimeInstance velocity = engine();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, false, "US-ASCII");
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) continue;
      Map<Object, Object> c = (Map<Object, Object>) new JSONParser(JSONParser.MODE_RFC4627).parse(line, JSONValue.defaultReader.DEFAULT_ORDERED);
      StringBuilder text = new StringBuilder();
      writeJson(text, render(velocity, c));
      out.println(text);
      out.flush();
    }
    out.flush();
  }
}
