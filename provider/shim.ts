/* eslint-disable @typescript-eslint/no-require-imports -- the runtime must load at call time, in the provider process */
/**
 * What Pulumi serializes into state (`__provider`) for every resource of this package: a kind string
 * and seven one-line methods that load the installed runtime at call time and delegate to it. Pulumi
 * serializes each function with a fixed wrapper, so the functions are as few and as short as the
 * dynamic provider protocol allows (about 2 KB per resource against 3.6 KB before; the golden test
 * holds the exact text).
 * Keep this file free of imports and module-level values: anything referenced would be captured into
 * state.
 *
 * The runtime's entry points are a wire format: every shim ever stored calls them, with the kind first
 * (configure too, since this shim; the older one calls `configure(request)`).
 */
export function providerShim(k: string) {
  // A rest parameter keeps Pulumi from spelling out the parameters in the function's wrapper.
  const r = (...[m, a]: [string, unknown[]]) => require("pulumi-acquia-cloud/runtime")[m](k, ...a);
  return {
    configure: (...a: unknown[]) => r("configure", a),
    check: (...a: unknown[]) => r("check", a),
    diff: (...a: unknown[]) => r("diff", a),
    create: (...a: unknown[]) => r("create", a),
    read: (...a: unknown[]) => r("read", a),
    update: (...a: unknown[]) => r("update", a),
    delete: (...a: unknown[]) => r("delete", a),
  };
}
