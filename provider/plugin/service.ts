/**
 * The provider plugin's ResourceProvider service: every kind as `acquia:index:<Type>` and every lookup
 * as an invoke, on the same lifecycle and handlers the dynamic provider uses. This layer only speaks
 * the protocol: provider configuration, secrets, detailed diffs, and partial failures.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as emptyproto from "google-protobuf/google/protobuf/empty_pb";
import type * as Grpc from "@grpc/grpc-js";
import * as enginerpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineproto from "@pulumi/pulumi/proto/engine_pb";
import * as pluginproto from "@pulumi/pulumi/proto/plugin_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { AcquiaCloudClient } from "../../sdk";
import { FUNCTIONS } from "../functions";
import type { AnyKind } from "../kinds/kind";
import { ProviderError, ResourceInitError } from "../runtime/errors";
import * as lifecycle from "../runtime/lifecycle";
import { setLogSink } from "../runtime/log";
import { handlerFor } from "../runtime/registry";
import { setStackConfig, stackConfig } from "../runtime/stack-config";
import {
  CONNECTION_SOURCES,
  MISSING_CREDENTIALS_HINT,
  ambientSettings,
  type PartialSettings,
  OPTION_SOURCES,
  resolveSettings,
  withDefaults,
} from "../settings";
import { PACKAGE, packageSchema, token } from "./schema";
import { conceal, grpc, initFailed, reveal, type Props } from "./wire";

const PROVIDER_KEY = "__provider";
const Changes = provproto.DiffResponse.DiffChanges;
const Kind = provproto.PropertyDiff.Kind;

/** The resource of the call being served, so log lines land on its row in the engine's display. */
const current = new AsyncLocalStorage<string>();
let engine: enginerpc.EngineClient | undefined;

function attachEngine(address: string): void {
  if (address) engine = new enginerpc.EngineClient(address, grpc.credentials.createInsecure());
}

/** What a dynamic provider wrote to stderr goes to the engine's log, against the resource. */
setLogSink((line) => {
  if (!engine) return;
  const request = new engineproto.LogRequest();
  request.setSeverity(engineproto.LogSeverity.INFO);
  request.setMessage(line);
  request.setUrn(current.getStore() ?? "");
  engine.log(request, () => undefined);
});

/** The kind a URN names (`urn:pulumi:stack::project::[parent$]acquia:index:CronJob::name`). */
function kindOf(urn: string) {
  const type = urn.split("::")[2]?.split("$").pop() ?? "";
  const prefix = `${PACKAGE}:index:`;
  if (!type.startsWith(prefix))
    throw new ProviderError("UNKNOWN_KIND", `the acquia provider does not serve ${type}`);
  return handlerFor(type.slice(prefix.length));
}

const withoutProvider = ({ [PROVIDER_KEY]: _, ...props }: Props) => props;

/** The keys to return as secrets: the kind's own, what arrived secret, and the connection. */
function secretsOf(kind: AnyKind, ...arrived: ReadonlySet<string>[]): Set<string> {
  return new Set<string>([
    ...(kind.secrets as readonly string[]),
    ...arrived.flatMap((s) => [...s]),
    "connection",
    "settings",
  ]);
}

/** The Connection's settings, as dependents take them (plugin mode has no program-side class to make them). */
function withSettings(kind: AnyKind, outs: Props): Props {
  if (kind.name !== "Connection") return outs;
  const { clientId, clientSecret, organizationUuid, apiUrl, tokenUrl } = outs as Record<
    string,
    string | undefined
  >;
  return { ...outs, settings: withDefaults({ clientId, clientSecret, organizationUuid, apiUrl, tokenUrl }) };
}

/** A Connection's fields not given, from the provider's configuration, then ACLI_*. */
function withAmbient(kind: AnyKind, news: Props): Props {
  if (kind.name !== "Connection") return news;
  const found = Object.entries(ambientSettings(stackConfig, news as PartialSettings));
  return { ...news, ...Object.fromEntries(found.filter(([, value]) => value !== undefined)) };
}

function failures(list: { property: string; reason: string }[]): provproto.CheckFailure[] {
  return list.map((f) => {
    const failure = new provproto.CheckFailure();
    failure.setProperty(f.property);
    failure.setReason(f.reason);
    return failure;
  });
}

type Unary<Req, Res> = (call: Grpc.ServerUnaryCall<Req, Res>, callback: Grpc.sendUnaryData<Res>) => void;

/** Runs an RPC, with its resource as the log context, and turns errors into gRPC statuses. */
function unary<Req, Res>(fn: (request: Req) => Promise<Res>): Unary<Req, Res> {
  return (call, callback) => {
    const urn = (call.request as { getUrn?: () => string }).getUrn?.() ?? "";
    current.run(urn, async () => {
      try {
        callback(null, await fn(call.request));
      } catch (error) {
        if (error instanceof ResourceInitError) {
          const kind = kindOf(urn).kind;
          const props = withoutProvider(error.properties);
          return callback(initFailed(error.message, error.id, conceal(props, secretsOf(kind))));
        }
        const message = error instanceof Error ? error.message : String(error);
        callback(Object.assign(new Error(message), { code: grpc.status.UNKNOWN, details: message }));
      }
    });
  };
}

const CONFIG_FIELDS = [...Object.keys(CONNECTION_SOURCES), ...Object.keys(OPTION_SOURCES)];

/** Provider configuration as the runtime reads stack config: `acquia:clientId` → the `clientId` argument. */
function configure(args: Props): void {
  const values = new Map(
    CONFIG_FIELDS.filter((f) => args[f] !== undefined && args[f] !== "").map((f) => [
      `${PACKAGE}:${f}`,
      String(args[f]),
    ]),
  );
  setStackConfig({ get: (key) => values.get(key) });
}

/** This package's version (from its package.json, found above this file in dist/ and in the sources). */
function version(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version: string };
    if (pkg.name === "pulumi-acquia-cloud") return pkg.version;
  }
  throw new Error("pulumi-acquia-cloud's package.json was not found above the plugin");
}

export const service = {
  getPluginInfo: unary(async () => new pluginproto.PluginInfo().setVersion(version())),

  getSchema: unary(async () =>
    new provproto.GetSchemaResponse().setSchema(JSON.stringify({ ...packageSchema(), version: version() })),
  ),

  checkConfig: unary(async (request: provproto.CheckRequest) => {
    const news = reveal(request.getNews()).props;
    const problems = ["apiUrl", "tokenUrl"]
      .filter((k) => typeof news[k] === "string" && !/^https?:\/\/\S+$/.test(news[k] as string))
      .map((k) => ({ property: k, reason: `${k} must be an absolute http(s) URL` }))
      .concat(
        Object.keys(OPTION_SOURCES)
          .filter((k) => news[k] !== undefined && !(Number(news[k]) > 0))
          .map((k) => ({ property: k, reason: `${k} must be a positive number` })),
      );
    // Secrets arrive stripped here; the engine puts its annotations back on what we return.
    return new provproto.CheckResponse().setInputs(request.getNews()).setFailuresList(failures(problems));
  }),

  diffConfig: unary(async (request: provproto.DiffRequest) => {
    const olds = reveal(request.getOldInputs() ?? request.getOlds()).props;
    const news = reveal(request.getNews()).props;
    const changed = CONFIG_FIELDS.filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
    // New credentials or endpoints are a change, never a reason to replace the resources.
    return new provproto.DiffResponse()
      .setChanges(changed.length > 0 ? Changes.DIFF_SOME : Changes.DIFF_NONE)
      .setDiffsList(changed);
  }),

  configure: unary(async (request: provproto.ConfigureRequest) => {
    configure(reveal(request.getArgs()).props);
    return new provproto.ConfigureResponse()
      .setAcceptsecrets(true)
      .setSupportspreview(false)
      .setAcceptresources(false)
      .setAcceptoutputs(false);
  }),

  check: unary(async (request: provproto.CheckRequest) => {
    const handler = kindOf(request.getUrn());
    const olds = reveal(request.getOlds());
    const news = reveal(request.getNews());
    // A resource moved over from the dynamic provider still holds its serialized shim: never an input.
    const given = withAmbient(handler.kind, withoutProvider(news.props));
    const result = await lifecycle.check(handler, withoutProvider(olds.props), given);
    return new provproto.CheckResponse()
      .setInputs(conceal(withoutProvider(result.inputs), secretsOf(handler.kind, news.secrets)))
      .setFailuresList(failures(result.failures));
  }),

  diff: unary(async (request: provproto.DiffRequest) => {
    const handler = kindOf(request.getUrn());
    const olds = withoutProvider(reveal(request.getOlds()).props);
    const news = withoutProvider(reveal(request.getNews()).props);
    const result = lifecycle.diff(handler, olds, news);
    const changed = lifecycle.changedKeys(handler, olds, news).filter((k) => k !== "adopt");
    const response = new provproto.DiffResponse()
      .setChanges(result.changes ? Changes.DIFF_SOME : Changes.DIFF_NONE)
      .setReplacesList(result.replaces)
      .setDeletebeforereplace(result.deleteBeforeReplace)
      .setDiffsList(changed)
      .setHasdetaileddiff(true);
    const detailed = response.getDetaileddiffMap();
    for (const key of changed) {
      const replaces = result.replaces.includes(key);
      const kind =
        olds[key] === undefined
          ? replaces
            ? Kind.ADD_REPLACE
            : Kind.ADD
          : news[key] === undefined
            ? replaces
              ? Kind.DELETE_REPLACE
              : Kind.DELETE
            : replaces
              ? Kind.UPDATE_REPLACE
              : Kind.UPDATE;
      detailed.set(key, new provproto.PropertyDiff().setKind(kind).setInputdiff(true));
    }
    return response;
  }),

  create: unary(async (request: provproto.CreateRequest) => {
    const handler = kindOf(request.getUrn());
    const inputs = reveal(request.getProperties());
    const { id, outs } = await lifecycle.create(handler, withoutProvider(inputs.props));
    return new provproto.CreateResponse()
      .setId(id)
      .setProperties(conceal(withSettings(handler.kind, outs), secretsOf(handler.kind, inputs.secrets)));
  }),

  read: unary(async (request: provproto.ReadRequest) => {
    const handler = kindOf(request.getUrn());
    const props = reveal(request.getProperties());
    const inputs = reveal(request.getInputs());
    // An import has nothing but the id: a Connection then reads with the provider's configuration.
    const known = withAmbient(handler.kind, withoutProvider(props.props));
    const result = await lifecycle.read(handler, request.getId(), known);
    const response = new provproto.ReadResponse();
    if (!result.id || !result.props) return response;
    const secret = secretsOf(handler.kind, props.secrets, inputs.secrets);
    return response
      .setId(result.id)
      .setProperties(conceal(withSettings(handler.kind, result.props), secret))
      .setInputs(conceal(result.inputs ?? {}, secret));
  }),

  update: unary(async (request: provproto.UpdateRequest) => {
    const handler = kindOf(request.getUrn());
    const olds = reveal(request.getOlds());
    const news = reveal(request.getNews());
    const { outs } = await lifecycle.update(
      handler,
      request.getId(),
      withoutProvider(olds.props),
      withoutProvider(news.props),
    );
    return new provproto.UpdateResponse().setProperties(
      conceal(withSettings(handler.kind, outs), secretsOf(handler.kind, news.secrets)),
    );
  }),

  delete: unary(async (request: provproto.DeleteRequest) => {
    const handler = kindOf(request.getUrn());
    await lifecycle.remove(handler, request.getId(), withoutProvider(reveal(request.getProperties()).props));
    return new emptyproto.Empty();
  }),

  invoke: unary(async (request: provproto.InvokeRequest) => {
    const fn = FUNCTIONS.find((f) => token(f.name) === request.getTok());
    if (!fn)
      throw new ProviderError("UNKNOWN_KIND", `the acquia provider has no function ${request.getTok()}`);
    const response = new provproto.InvokeResponse();
    const args = fn.args.safeParse(reveal(request.getArgs()).props);
    if (!args.success) {
      const problems = args.error.issues.map((i) => ({
        property: i.path.join(".") || "(args)",
        reason: i.message,
      }));
      return response.setFailuresList(failures(problems));
    }
    const settings = resolveSettings(stackConfig);
    if (!settings)
      throw new ProviderError("MISSING_CREDENTIALS", `No Acquia credentials: ${MISSING_CREDENTIALS_HINT}.`);
    const result = fn.result.parse(await fn.run(new AcquiaCloudClient(settings), args.data));
    return response.setReturn(conceal(result as Props, new Set()));
  }),

  attach: unary(async (request: pluginproto.PluginAttach) => {
    attachEngine(request.getAddress());
    return new emptyproto.Empty();
  }),

  cancel: unary(async () => new emptyproto.Empty()),
  getMapping: unary(async () => new provproto.GetMappingResponse()),
  getMappings: unary(async () => new provproto.GetMappingsResponse()),
};

export { attachEngine };
