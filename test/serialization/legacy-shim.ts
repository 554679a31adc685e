/* eslint-disable @typescript-eslint/no-require-imports -- the runtime must load at call time, in the provider process */
/**
 * The provider shim of release 0.1, as stacks created with it still hold it in state (`__provider`,
 * golden text in __golden__/legacy-provider.js.txt). Kept here so the suite proves the runtime still
 * serves it: such stacks must refresh and destroy with any later release.
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
