/**
 * Values between the engine and the plugin: protobuf Structs in which a secret is an object carrying
 * Pulumi's secret signature and an unknown (during preview) is a sentinel string, the same sentinel
 * the runtime already understands from the dynamic provider.
 */
import { dirname } from "node:path";
import type * as Grpc from "@grpc/grpc-js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type * as StructModule from "google-protobuf/google/protobuf/struct_pb";
import type * as AnyModule from "google-protobuf/google/protobuf/any_pb";
import { UNKNOWN } from "../kinds/unknowns";

/**
 * Modules that belong to @pulumi/pulumi (its dependencies, not ours), loaded from where it is
 * installed so the generated protobuf code and this plugin share one copy.
 */
function fromPulumi<T>(name: string): T {
  const root = dirname(require.resolve("@pulumi/pulumi/package.json"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve(name, { paths: [root] })) as T;
}
export const grpc = fromPulumi<typeof Grpc>("@grpc/grpc-js");
const structs = fromPulumi<typeof StructModule>("google-protobuf/google/protobuf/struct_pb");
const anys = fromPulumi<typeof AnyModule>("google-protobuf/google/protobuf/any_pb");

const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";

export type Props = Record<string, unknown>;

/** A Struct as plain values, and the top-level keys whose value was (or held) a secret. */
export function reveal(struct: Struct | undefined): { props: Props; secrets: Set<string> } {
  const secrets = new Set<string>();
  const unwrap = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => unwrap(v, key));
    if (value && typeof value === "object") {
      const record = value as Props;
      if (record[SIG] === SECRET) {
        secrets.add(key);
        return unwrap(record["value"], key);
      }
      return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrap(v, key)]));
    }
    return value;
  };
  const raw = (struct?.toJavaScript() ?? {}) as Props;
  return { props: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, unwrap(v, k)])), secrets };
}

/** Plain values as a Struct, the `secret` keys wrapped as secrets (unknowns stay bare); undefined dropped. */
export function conceal(props: Props, secret: ReadonlySet<string>): Struct {
  const out: Props = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    out[key] = secret.has(key) && value !== UNKNOWN ? { [SIG]: SECRET, value } : value;
  }
  return structs.Struct.fromJavaScript(
    JSON.parse(JSON.stringify(out)) as Parameters<typeof structs.Struct.fromJavaScript>[0],
  );
}

/**
 * An object that exists at Acquia although its create failed afterwards ("created but failed to
 * initialize"): the engine keeps it in state with this id and these outputs, as the dynamic provider
 * host does for an error carrying `id`.
 */
export function initFailed(message: string, id: string, properties: Struct): Grpc.ServiceError {
  const detail = new provproto.ErrorResourceInitFailed();
  detail.setId(id);
  detail.setProperties(properties);
  detail.setReasonsList([message]);
  const any = new anys.Any();
  any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
  const status = new statusproto.Status();
  status.setCode(grpc.status.UNKNOWN);
  status.setMessage(message);
  status.addDetails(any);
  const metadata = new grpc.Metadata();
  metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  return Object.assign(new Error(message), { code: grpc.status.UNKNOWN, details: message, metadata });
}
