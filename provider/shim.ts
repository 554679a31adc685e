/* eslint-disable @typescript-eslint/no-require-imports -- the runtime must load at call time, in the provider process */
/**
 * What Pulumi serializes into state for every resource of this package. It holds only a kind string;
 * each method loads the installed runtime at call time and delegates to it. Keep this file free of
 * imports and module-level values: anything referenced here would be captured into state.
 *
 * The runtime entry point is a wire format: its function names and arguments never change.
 */
export class AcquiaProviderShim {
  constructor(readonly kind: string) {}

  async configure(request: unknown) {
    return require("pulumi-acquia-cloud/runtime").configure(request);
  }

  async check(olds: unknown, news: unknown) {
    return require("pulumi-acquia-cloud/runtime").check(this.kind, olds, news);
  }

  async diff(id: string, olds: unknown, news: unknown) {
    return require("pulumi-acquia-cloud/runtime").diff(this.kind, id, olds, news);
  }

  async create(inputs: unknown) {
    return require("pulumi-acquia-cloud/runtime").create(this.kind, inputs);
  }

  async read(id: string, props: unknown) {
    return require("pulumi-acquia-cloud/runtime").read(this.kind, id, props);
  }

  async update(id: string, olds: unknown, news: unknown) {
    return require("pulumi-acquia-cloud/runtime").update(this.kind, id, olds, news);
  }

  async delete(id: string, props: unknown) {
    return require("pulumi-acquia-cloud/runtime").delete(this.kind, id, props);
  }
}
