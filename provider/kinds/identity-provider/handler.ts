import type { IdentityProvider as ApiIdentityProvider, IdentityProviderInput } from "../../../sdk";
import type { InputsOf, OutputsOf } from "../kind";
import { found, settle, unlessNotFound } from "../../runtime/common";
import { ProviderError } from "../../runtime/errors";
import { applyHandler, type Context } from "../../runtime/handler";
import type { samlShape } from "./definition";
import { SETTINGS, kind, type SamlSetting } from "./definition";

type Inputs = InputsOf<typeof kind>;
type Outputs = OutputsOf<typeof kind>;
type Values = Partial<Record<SamlSetting, string | boolean>>;
type SamlKey = keyof typeof samlShape;

const API_KEYS: Record<SamlKey, keyof IdentityProviderInput> = {
  label: "label",
  entityId: "entity_id",
  ssoUrl: "sso_url",
  certificate: "certificate",
};
const SAML = Object.keys(API_KEYS) as SamlKey[];

// PEM text may come back with other line endings or a trailing newline: the certificate is the same.
const canonical = (key: SamlSetting, value: unknown) =>
  key === "certificate" && typeof value === "string" ? value.replace(/\s+/g, "") : value;
const differs = (key: SamlSetting, a: unknown, b: unknown) => canonical(key, a) !== canonical(key, b);

function currentValues(idp: ApiIdentityProvider): Values {
  const values: Values = { enabled: idp.status === "enabled" };
  if (idp.label !== undefined) values.label = idp.label;
  if (idp.idp_entity_id !== undefined) values.entityId = idp.idp_entity_id;
  if (idp.sso_url !== undefined) values.ssoUrl = idp.sso_url;
  if (idp.certificate !== undefined) values.certificate = idp.certificate;
  return values;
}

const managed = (p: Partial<Record<SamlSetting, unknown>>) => SETTINGS.filter((k) => p[k] !== undefined);

function adoptRequired(organizationUuid: string): ProviderError {
  return new ProviderError(
    "ADOPT_REQUIRED",
    `IdentityProvider of organization ${organizationUuid}: Acquia has no API to create identity providers ` +
      "(they are registered in Cloud UI), so this resource can only take over the existing one: set `adopt: true`.",
  );
}

function noProvider(organizationUuid: string): ProviderError {
  return new ProviderError(
    "NOT_MANAGEABLE",
    `organization ${organizationUuid} has no identity provider that these credentials can see: register one in ` +
      "Cloud UI (Organization › Identity providers) first, or check organizationUuid",
  );
}

const byUuid = (ctx: Context, uuid: string) => unlessNotFound(ctx.client.identityProviders.get(uuid));

/**
 * Brings the provider to the wanted values. Acquia refuses edits to an enabled provider, so a change of
 * SAML settings disables it first and enables it again afterwards (unless it should end disabled).
 */
async function apply(ctx: Context, uuid: string, want: Values, have: Values): Promise<void> {
  const changes = Object.fromEntries(
    SAML.filter((k) => want[k] !== undefined && differs(k, want[k], have[k])).map((k) => [
      API_KEYS[k],
      want[k],
    ]),
  ) as IdentityProviderInput;
  const enabled = (want.enabled ?? have.enabled) === true;
  const api = ctx.client.identityProviders;
  const status = (expected: boolean) => async () =>
    ((await byUuid(ctx, uuid))?.status === "enabled") === expected;
  if (Object.keys(changes).length > 0) {
    if (have.enabled === true) await settle(ctx, api.disable(uuid), status(false));
    await settle(ctx, api.update(uuid, changes), async () => {
      const now = await byUuid(ctx, uuid);
      const values = now ? currentValues(now) : {};
      return SAML.every((k) => want[k] === undefined || !differs(k, values[k], want[k]));
    });
    if (enabled) await settle(ctx, api.enable(uuid), status(true));
  } else if (want.enabled !== undefined && want.enabled !== have.enabled) {
    const on = want.enabled === true;
    await settle(ctx, on ? api.enable(uuid) : api.disable(uuid), status(on));
  }
}

function outsOf(p: Inputs, idp: ApiIdentityProvider, previous: Values): Outputs {
  const now = currentValues(idp);
  // An import (nothing managed yet) records every setting; otherwise only the managed ones are read.
  const keys = managed(p).length > 0 ? managed(p) : SETTINGS;
  const read = Object.fromEntries(
    keys.map((k) => [k, now[k] !== undefined && !differs(k, now[k], p[k]) ? p[k] : (now[k] ?? p[k])]),
  );
  const acs = idp._links?.["acs"];
  return {
    ...p,
    ...read,
    identityProviderUuid: idp.uuid,
    ...(idp.sp_entity_id ? { spEntityId: idp.sp_entity_id } : {}),
    ...(acs && !Array.isArray(acs) ? { acsUrl: acs.href } : {}),
    ...(idp.status ? { status: idp.status } : {}),
    previousSettings: previous as Record<string, string | boolean>,
  } as Outputs;
}

/**
 * An organization's SAML identity provider: update-only (Acquia cannot create one), taken over with
 * `adopt`. Deleting the resource leaves the provider as found unless `restoreOnDelete` is set: an
 * unregistered or reverted identity provider locks people out, which is a worse surprise than settings
 * that outlive the stack.
 */
export const handler = applyHandler({
  kind,
  // A setting in state this stack never changed (recorded by an import) is not the program's to track.
  equivalent: (key, held, given, olds) =>
    ((SETTINGS as string[]).includes(key) &&
      given === undefined &&
      !(key in (olds.previousSettings ?? {}))) ||
    (key === "certificate" &&
      typeof held === "string" &&
      typeof given === "string" &&
      !differs("certificate", held, given)),

  async preflight(ctx, p, olds) {
    const creating = olds.organizationUuid !== p.organizationUuid;
    if (creating && !p.adopt)
      return [{ property: "adopt", reason: adoptRequired(p.organizationUuid).message }];
    const idp = await unlessNotFound(ctx.client.identityProviders.forOrganization(p.organizationUuid));
    return idp ? [] : [{ property: "organizationUuid", reason: noProvider(p.organizationUuid).message }];
  },

  async create(ctx, p) {
    if (!p.adopt) throw adoptRequired(p.organizationUuid);
    const before = await unlessNotFound(ctx.client.identityProviders.forOrganization(p.organizationUuid));
    if (!before) throw noProvider(p.organizationUuid);
    const have = currentValues(before);
    const previous = Object.fromEntries(managed(p).map((k) => [k, have[k]]));
    await apply(ctx, before.uuid, p, have);
    const outs = outsOf(p, (await byUuid(ctx, before.uuid)) ?? before, previous);
    return found(kind, outs);
  },

  async read(ctx, _id, props) {
    const idp = await byUuid(ctx, props.identityProviderUuid);
    return idp && outsOf(props, idp, props.previousSettings ?? {});
  },

  async parentVisible(ctx, props) {
    return (await unlessNotFound(ctx.client.organizations.get(props.organizationUuid))) !== undefined;
  },

  async update(ctx, _id, olds, news) {
    const uuid = olds.identityProviderUuid;
    const before = await byUuid(ctx, uuid);
    if (!before) throw noProvider(news.organizationUuid);
    const have = currentValues(before);
    // A setting managed for the first time records its value now; earlier records stay.
    const recorded: Values = olds.previousSettings ?? {};
    const previous = Object.fromEntries(managed(news).map((k) => [k, k in recorded ? recorded[k] : have[k]]));
    await apply(ctx, uuid, news, have);
    return outsOf(news, (await byUuid(ctx, uuid)) ?? before, previous);
  },

  async delete(ctx, _id, props) {
    if (!props.restoreOnDelete) return;
    const idp = await byUuid(ctx, props.identityProviderUuid);
    const recorded: Values = props.previousSettings ?? {};
    const restore = Object.fromEntries(managed(props).map((k) => [k, recorded[k]]));
    if (idp) await apply(ctx, idp.uuid, restore, currentValues(idp));
  },
});
