// A dynamic provider that does nothing: check accepts, diff compares, every other operation returns at
// once. Resources built on it cost what the engine and the Pulumi SDK cost, and nothing else. The
// functions reference nothing outside themselves: Pulumi serializes them into state (`__provider`).
import * as pulumi from "@pulumi/pulumi";

type Props = Record<string, unknown>;

const nullProvider: pulumi.dynamic.ResourceProvider = {
  async check(_olds: Props, news: Props) {
    return { inputs: news };
  },
  async diff(_id: string, olds: Props, news: Props) {
    return { changes: Object.keys(news).some((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k])) };
  },
  async create(inputs: Props) {
    return { id: typeof inputs["name"] === "string" ? inputs["name"] : "null", outs: inputs };
  },
  async read(id: string, props: Props) {
    return { id, props };
  },
  async update(_id: string, _olds: Props, news: Props) {
    return { outs: news };
  },
  async delete() {},
};

/** Like a Connection's create: outputs describing the account (the dependents wait for them). */
const nullConnectionProvider: pulumi.dynamic.ResourceProvider = {
  ...nullProvider,
  async create(inputs: Props) {
    return {
      id: "connection",
      outs: { ...inputs, accountUuid: "null-account", accountName: "Null", scope: "" },
    };
  },
};

/** A resource of the null provider; like the package's, its secret inputs are declared secret outputs. */
export class NullResource extends pulumi.dynamic.Resource {
  constructor(
    type: string,
    name: string,
    props: pulumi.Inputs,
    secrets: string[] = [],
    provider = nullProvider,
  ) {
    const connection = "connection" in props ? ["connection"] : [];
    super(
      provider,
      name,
      props,
      { additionalSecretOutputs: [...connection, ...secrets] },
      "bench-null",
      type,
    );
  }
}

/** The Connection's inputs from the same stack config, its secret secret, and its `settings` output. */
export class NullConnection extends NullResource {
  readonly settings: pulumi.Output<unknown>;

  constructor(name: string) {
    const config = new pulumi.Config("acquia");
    const inputs = {
      clientId: config.get("clientId"),
      clientSecret: config.getSecret("clientSecret"),
      apiUrl: config.get("apiUrl"),
      tokenUrl: config.get("tokenUrl"),
    };
    const outputs = { accountUuid: undefined, accountName: undefined, scope: undefined };
    super("Connection", name, { ...inputs, ...outputs }, ["clientSecret"], nullConnectionProvider);
    const accountUuid = (this as unknown as { accountUuid: pulumi.Output<string> }).accountUuid;
    this.settings = pulumi.secret(
      pulumi
        .all([accountUuid, inputs.clientId, inputs.clientSecret, inputs.apiUrl, inputs.tokenUrl])
        .apply(([, clientId, clientSecret, apiUrl, tokenUrl]) => ({
          clientId,
          clientSecret,
          apiUrl,
          tokenUrl,
        })),
    );
  }
}
