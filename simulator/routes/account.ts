import { randomUUID } from "node:crypto";
import { accepted, ok } from "../answers";
import { stringField } from "../body";
import { NOT_FOUND, conflict, missingParameter, notFound, validationFailed } from "../errors";
import { collection, link } from "../hal";
import type { SshKeyRecord } from "../model";
import type { Route, RouteContext } from "../router";
import { PUBLIC_KEY_MESSAGES, parsePublicKey } from "../ssh-keys";
import { startTask } from "../tasks";
import { isoNow } from "../time";

function renderAccount(ctx: RouteContext): Record<string, unknown> {
  const account = ctx.core.store.state.account;
  return {
    id: account.id,
    uuid: account.uuid,
    name: account.name,
    first_name: account.first_name,
    last_name: account.last_name,
    last_login_at: account.last_login_at,
    created_at: account.created_at,
    mail: account.mail,
    phone: { office: null, mobile: null, tfa: null },
    job_title: account.job_title,
    job_function: account.job_function,
    company: account.company,
    country: account.country,
    state: account.state,
    timezone: account.timezone,
    picture_url: `https://accounts.acquia.com/images/users/${account.uuid}/style/avatar`,
    features: [],
    metadata: { applications: { recent: [], starred: [] } },
    flags: { active: true, tfa: false, support: false },
    _links: {
      self: link(ctx, "/account"),
      "ssh-keys": link(ctx, "/account/ssh-keys"),
      tokens: link(ctx, "/account/tokens"),
      parent: link(ctx, "/"),
    },
  };
}

function renderSshKey(ctx: RouteContext, key: SshKeyRecord, withParent: boolean): Record<string, unknown> {
  const links: Record<string, unknown> = { self: link(ctx, `/account/ssh-keys/${key.uuid}`) };
  if (withParent) links.parent = link(ctx, "/account/ssh-keys");
  return {
    uuid: key.uuid,
    label: key.label,
    fingerprint: key.fingerprint,
    created_at: key.createdAt,
    public_key: key.publicKey,
    _links: links,
  };
}

function requireSshKey(ctx: RouteContext): SshKeyRecord {
  const key = ctx.core.store.state.sshKeys[ctx.params.sshKeyUuid ?? ""];
  if (key === undefined) throw notFound(NOT_FOUND.sshKey);
  return key;
}

export const accountRoutes: Route[] = [
  { method: "GET", template: "/account", handler: (ctx) => ok(renderAccount(ctx)) },
  {
    method: "GET",
    template: "/account/ssh-keys",
    handler: (ctx) =>
      ok(
        collection(
          ctx,
          Object.values(ctx.core.store.state.sshKeys).map((k) => renderSshKey(ctx, k, false)),
          { self: "/account/ssh-keys", parent: "/account", paged: true, queryable: true },
        ),
      ),
  },
  {
    method: "POST",
    template: "/account/ssh-keys",
    handler: (ctx) => {
      const label = stringField(ctx.body, "label");
      const publicKey = stringField(ctx.body, "public_key");
      if (label === undefined || label === "") throw missingParameter("label");
      if (publicKey === undefined || publicKey === "") throw missingParameter("public_key");
      // Acquia only takes word characters in labels (acli normalises labels the same way).
      if (!/^[A-Za-z0-9_]+$/.test(label)) {
        throw validationFailed({
          label: "The supplied label is invalid: it may only contain letters, numbers and underscores.",
        });
      }
      const parsed = parsePublicKey(publicKey);
      if (typeof parsed === "string") throw validationFailed({ public_key: PUBLIC_KEY_MESSAGES[parsed] });
      const existing = Object.values(ctx.core.store.state.sshKeys);
      if (existing.some((k) => k.label === label)) {
        throw conflict("An SSH key with this label already exists for this user.");
      }
      if (existing.some((k) => k.fingerprint === parsed.fingerprint)) {
        throw conflict("An SSH key with this public key already exists for this user.");
      }
      const record: SshKeyRecord = {
        uuid: randomUUID(),
        label,
        publicKey: publicKey.trim(),
        fingerprint: parsed.fingerprint,
        createdAt: isoNow(),
      };
      const notification = startTask(ctx, {
        event: "SshKeyAdded",
        label: "SSH key added",
        description: `The SSH key "${label}" was added to your account.`,
        organizationUuid: null,
        ops: [{ op: "put", collection: "sshKeys", key: record.uuid, value: record }],
      });
      return accepted(ctx, "Adding SSH key.", {
        self: "/account/ssh-keys",
        parent: "/account",
        notification,
      });
    },
  },
  {
    method: "GET",
    template: "/account/ssh-keys/{sshKeyUuid}",
    handler: (ctx) => ok(renderSshKey(ctx, requireSshKey(ctx), true)),
  },
  {
    method: "DELETE",
    template: "/account/ssh-keys/{sshKeyUuid}",
    handler: (ctx) => {
      const key = requireSshKey(ctx);
      const notification = startTask(ctx, {
        event: "SshKeyRemoved",
        label: "SSH key removed",
        description: `The SSH key "${key.label}" was removed from your account.`,
        organizationUuid: null,
        ops: [{ op: "delete", collection: "sshKeys", key: key.uuid }],
      });
      return accepted(ctx, "Removed SSH key.", {
        self: `/account/ssh-keys/${key.uuid}`,
        parent: "/account/ssh-keys",
        notification,
      });
    },
  },
];
