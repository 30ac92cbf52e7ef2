/**
 * The opt-in SigV4 signer of IAM-authorized APIs (`src/sigv4.ts`, over `aws4fetch`): written only for such APIs,
 * declared as an optional peer dependency, and at run time the request that reaches a `node:http` server on
 * localhost carries a valid AWS Signature Version 4 `Authorization`. The signature is recomputed here from the
 * request as received, with node:crypto and the algorithm of the AWS documentation (not with the same library):
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
import { createHash, createHmac } from "node:crypto";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { startEchoServer, type Received } from "./helpers/echo-server.js";
import { SHELTER } from "./helpers/shelter.js";
import { loadSdk, sdkFilesOf, writeSdk } from "./helpers/sdk.js";

type Json = Record<string, unknown>;

const IAM: Json = {
  openapi: "3.0.3",
  info: { title: "Orders", version: "1.0.0" },
  paths: {
    "/orders/{id}": {
      put: {
        operationId: "putOrder",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "tag", in: "query", schema: { type: "array", items: { type: "string" } } },
        ],
        requestBody: { content: { "application/json": { schema: { type: "object" } } } },
        responses: { "200": { description: "ok" } },
      },
      get: { operationId: "getOrder", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: { "200": { description: "ok" } } },
    },
    "/slow": { get: { operationId: "slow", parameters: [{ name: "ms", in: "query", required: true, schema: { type: "integer" } }], responses: { "200": { description: "ok" } } } },
  },
  security: [{ sigv4: [] }],
  components: { securitySchemes: { sigv4: { type: "apiKey", in: "header", name: "Authorization", "x-gateway": { iam: true } } } },
};

const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

type Signer = (request: Request) => Promise<Request>;
type Fn = (params?: unknown, options?: unknown) => Promise<{ status: number }>;
type Sdk = { OrdersClient: new (options?: unknown) => Record<string, Fn> };

const files = sdkFilesOf(IAM);
const dir = writeSdk("sigv4", files);
const sdk = await loadSdk<Sdk>(dir);
const { sigv4Signer } = (await import(new URL(`file://${dir}/js/sigv4.js`).href)) as { sigv4Signer: (options: unknown) => Signer };
const server = await startEchoServer();

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
/** RFC 3986 encoding, as SigV4 wants it (`encodeURIComponent` leaves `!'()*`). */
const uriEncode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The parts of a SigV4 `Authorization` header. */
function parseAuthorization(value: string): { credential: string; signedHeaders: string[]; signature: string } {
  const m = /^AWS4-HMAC-SHA256 Credential=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(value);
  if (!m) throw new Error(`not a SigV4 Authorization: ${value}`);
  return { credential: m[1] as string, signedHeaders: (m[2] as string).split(";"), signature: m[3] as string };
}

/** The signature of `r` (as received) under `secret`, recomputed from its canonical request. */
function expectedSignature(r: Received, secret: string, scope: string, signedHeaders: readonly string[]): string {
  const url = new URL(r.url, "http://localhost");
  // Services other than S3 sign each path segment encoded twice.
  const path = url.pathname.split("/").map((s) => uriEncode(uriEncode(decodeURIComponent(s)))).join("/");
  const query = [...url.searchParams].map(([k, v]) => [uriEncode(k), uriEncode(v)]).sort(([a = "", x = ""], [b = "", y = ""]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const headers = signedHeaders.map((h) => `${h}:${String(r.headers[h]).trim().replace(/\s+/g, " ")}\n`).join("");
  const canonical = [r.method, path, query.map(([k, v]) => `${k}=${v}`).join("&"), headers, signedHeaders.join(";"), sha256(r.body)].join("\n");
  const date = String(r.headers["x-amz-date"]);
  const toSign = ["AWS4-HMAC-SHA256", date, scope, sha256(canonical)].join("\n");
  const [day = "", region = "", service = ""] = scope.split("/");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), "aws4_request");
  return hmac(key, toSign).toString("hex");
}

test("the signer is written only for IAM-authorized APIs, as the ./sigv4 entry over an optional peer dependency", () => {
  const pkg = JSON.parse(files.get("package.json") as string) as Json;
  assert.equal(pkg["peerDependencies"], { aws4fetch: "^1.0.20" });
  assert.equal(pkg["peerDependenciesMeta"], { aws4fetch: { optional: true } });
  assert.equal((pkg["exports"] as Json)["./sigv4"], { types: "./dist/sigv4.d.ts", import: "./dist/sigv4.js" });
  assert.equal((pkg["devDependencies"] as Json)["aws4fetch"], "^1.0.20");
  assert.not.match(files.get("src/index.ts") as string, /sigv4/, "the main entry does not import the signer");
  const readme = files.get("README.md") as string;
  assert.match(readme, /import \{ sigv4Signer \} from "orders-client\/sigv4";/);
  assert.match(readme, /optional peer dependency/);
  const plain = sdkFilesOf(SHELTER);
  assert.not.ok(plain.has("src/sigv4.ts"));
  const plainPkg = JSON.parse(plain.get("package.json") as string) as Json;
  assert.equal([plainPkg["peerDependencies"], plainPkg["dependencies"], Object.keys(plainPkg["exports"] as Json)], [undefined, undefined, ["."]]);
});

test("a signed request reaches the server with a valid SigV4 Authorization (credential scope, signed headers, x-amz-date)", async () => {
  const from = server.received.length;
  const api = new sdk.OrdersClient({ baseUrl: server.url, auth: { sigv4: sigv4Signer({ region: "eu-west-1", credentials: CREDENTIALS }) } });
  const r = await api["putOrder"]!({ path: { id: "o 1" }, query: { tag: ["b", "a"] }, body: { qty: 2 } });
  assert.is(r.status, 200);
  const got = server.received[from] as Received;
  assert.is(got.body.toString(), '{"qty":2}', "the body is still sent after signing");
  const date = String(got.headers["x-amz-date"]);
  assert.match(date, /^\d{8}T\d{6}Z$/);
  const auth = parseAuthorization(String(got.headers["authorization"]));
  const scope = `${date.slice(0, 8)}/eu-west-1/execute-api/aws4_request`;
  assert.is(auth.credential, `AKIDEXAMPLE/${scope}`);
  for (const h of ["host", "x-amz-date"]) assert.ok(auth.signedHeaders.includes(h), `${h} is signed`);
  assert.is(auth.signature, expectedSignature(got, CREDENTIALS.secretAccessKey, scope, auth.signedHeaders));
  assert.is.not(auth.signature, expectedSignature(got, "another secret", scope, auth.signedHeaders), "the check can fail");
});

test("a credentials provider is called for each request; its session token is sent and signed", async () => {
  let calls = 0;
  const provider = async () => ({ ...CREDENTIALS, accessKeyId: `AKID${++calls}`, sessionToken: "session-token" });
  const api = new sdk.OrdersClient({ baseUrl: server.url, auth: { sigv4: sigv4Signer({ region: "us-east-1", credentials: provider }) } });
  const from = server.received.length;
  await api["getOrder"]!({ path: { id: "a" } });
  await api["getOrder"]!({ path: { id: "b" } });
  const [first, second] = server.received.slice(from) as [Received, Received];
  assert.is(first.headers["x-amz-security-token"], "session-token");
  const auth = parseAuthorization(String(second.headers["authorization"]));
  assert.match(auth.credential, /^AKID2\/\d{8}\/us-east-1\/execute-api\/aws4_request$/);
  assert.ok(auth.signedHeaders.includes("x-amz-security-token"));
  const scope = auth.credential.slice("AKID2/".length);
  assert.is(auth.signature, expectedSignature(second, CREDENTIALS.secretAccessKey, scope, auth.signedHeaders));
});

test("a signed request keeps the call's timeout and signal", async () => {
  const api = new sdk.OrdersClient({ baseUrl: server.url, auth: { sigv4: sigv4Signer({ region: "us-east-1", credentials: CREDENTIALS }) } });
  const started = performance.now();
  const error = await api["slow"]!({ query: { ms: 2000 } }, { timeout: 50 }).catch((e: unknown) => e);
  assert.is((error as Error).name, "TimeoutError");
  assert.ok(performance.now() - started < 1500);
});

test.after(() => server.close());

test.run();
