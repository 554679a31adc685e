import { createHash, randomUUID } from "node:crypto";
import { environmentStub, requireEnvironment } from "../access";
import { accepted, ok } from "../answers";
import { listField, stringField } from "../body";
import { parseCertificate } from "../certificates";
import { ApiError, NOT_FOUND, missingParameter, notFound, validationFailed } from "../errors";
import { collection, link, segment } from "../hal";
import type { EnvironmentRecord, LogForwardingRecord } from "../model";
import type { Route, RouteContext } from "../router";
import { onEnvironment, startTask } from "../tasks";

export const LOG_SOURCES = [
  "apache-access",
  "apache-error",
  "varnish-access",
  "drupal-request",
  "drupal-watchdog",
  "php-error",
  "stdout",
  "stderr",
];
export const LOG_CONSUMERS = ["loggly", "splunk", "sumologic", "syslog"];
export const CONSUMER_NAMES: Record<string, string> = {
  loggly: "Loggly",
  splunk: "Splunk",
  sumologic: "Sumologic",
  syslog: "Syslog",
};
const MAX_DESTINATIONS = 2;
const EXPIRY_WARNING_MS = 30 * 24 * 3600 * 1000;
/** Loggly takes no custom address; Acquia forwards to Loggly's own endpoint. */
const LOGGLY_ADDRESS = "logs-01.loggly.com:6514";

function fail(field: string, message: string): never {
  throw validationFailed({ [field]: message });
}

interface Credentials {
  certificate: string | null;
  key: string | null;
  token: string | null;
}

function credentialsField(ctx: RouteContext): Credentials | undefined {
  const raw = ctx.body.credentials;
  if (raw === undefined) return undefined;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    fail("credentials", "The credentials are invalid.");
  const text = (name: string): string | null => {
    const value = (raw as Record<string, unknown>)[name];
    return typeof value === "string" && value.trim() !== "" ? value : null;
  };
  return { certificate: text("certificate"), key: text("key"), token: text("token") };
}

/** Validates a complete destination the way the spec's 400 examples describe, consumer by consumer. */
function validate(
  candidate: Omit<LogForwardingRecord, "uuid" | "environmentId" | "enabled" | "certificateExpiresAt">,
): {
  certificateExpiresAt: string | null;
} {
  if (!LOG_CONSUMERS.includes(candidate.consumer)) {
    fail("consumer", `"${candidate.consumer}" is not a supported consumer.`);
  }
  if (candidate.sources.length === 0) fail("sources", "At least one log source is required.");
  for (const source of candidate.sources) {
    if (!LOG_SOURCES.includes(source)) fail("sources", `"${source}" is not a supported source.`);
  }
  const name = CONSUMER_NAMES[candidate.consumer] ?? candidate.consumer;
  if (candidate.consumer === "loggly") {
    if (candidate.certificate !== null)
      fail("credentials", "Loggly does not support certificate authentication.");
    if (candidate.key !== null) fail("credentials", "Loggly does not support private key authentication.");
    if (candidate.token === null) fail("credentials", "An API token is required for Loggly.");
    if (candidate.address !== "" && candidate.address !== LOGGLY_ADDRESS) {
      fail("address", "Loggly does not support custom URLs.");
    }
    return { certificateExpiresAt: null };
  }
  if (candidate.certificate === null)
    fail("credentials", `A public X.509 certificate is required for ${name}.`);
  if (candidate.consumer === "splunk" && candidate.token !== null) {
    fail("credentials", "Splunk does not support API token authentication.");
  }
  if (candidate.consumer === "sumologic" && candidate.token === null) {
    fail("credentials", "An API token is required for Sumologic.");
  }
  if (candidate.address !== "" && !/^[A-Za-z0-9.:/_-]+$/.test(candidate.address)) {
    fail("address", `"${candidate.address}" is not a valid address.`);
  }
  const socket = /^([A-Za-z0-9-]+\.)*[A-Za-z0-9-]+:(\d{1,5})$/.exec(candidate.address);
  if (socket === null || Number(socket[2]) > 65535) {
    fail("address", `${name} only accepts socket addresses, consisting of a host and port.`);
  }
  const certificate = parseCertificate(candidate.certificate);
  if (certificate === null) fail("credentials", "The certificate is invalid.");
  const now = Date.now();
  if (certificate.notBefore.getTime() > now) fail("credentials", "The certificate is not yet active.");
  if (certificate.notAfter.getTime() <= now) fail("credentials", "The certificate is expired.");
  if (certificate.notAfter.getTime() - now < EXPIRY_WARNING_MS) {
    fail("credentials", "The certificate is expiring. Certificates must be valid for at least 30 days.");
  }
  return { certificateExpiresAt: certificate.expiresAt };
}

function sha256(value: string | null): string | null {
  return value === null ? null : createHash("sha256").update(value).digest("hex");
}

function destinationsPath(environment: EnvironmentRecord): string {
  return `/environments/${segment(environment.id)}/log-forwarding-destinations`;
}

function renderDestination(
  ctx: RouteContext,
  environment: EnvironmentRecord,
  destination: LogForwardingRecord,
  full: boolean,
): Record<string, unknown> {
  const expiring =
    destination.certificateExpiresAt !== null &&
    new Date(destination.certificateExpiresAt).getTime() - Date.now() < EXPIRY_WARNING_MS;
  const links: Record<string, unknown> = {
    self: link(ctx, `${destinationsPath(environment)}/${destination.uuid}`),
  };
  if (full) links.parent = link(ctx, destinationsPath(environment));
  return {
    uuid: destination.uuid,
    label: destination.label,
    consumer: destination.consumer,
    address: destination.address,
    credentials: {
      certificate:
        destination.certificate === null
          ? {}
          : { certificate: destination.certificate, expires_at: destination.certificateExpiresAt },
      // Like the spec's examples, the key and token are shown only as SHA-256 digests: enough to
      // detect drift, never the secret itself.
      key: sha256(destination.key),
      token: sha256(destination.token),
    },
    sources: destination.sources,
    status: destination.enabled ? "active" : "inactive",
    flags: { enabled: destination.enabled, certificate_expiring: expiring },
    health: { code: "200", details: "Destination OK", summary: "OK" },
    environment: environmentStub(environment),
    _links: links,
  };
}

function findDestination(ctx: RouteContext, environment: EnvironmentRecord): LogForwardingRecord {
  const destination =
    ctx.core.store.state.logForwardingDestinations[ctx.params.logForwardingDestinationUuid ?? ""];
  if (destination === undefined || destination.environmentId !== environment.id) {
    throw notFound(NOT_FOUND.logForwarding);
  }
  return destination;
}

function createDestination(ctx: RouteContext) {
  const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const label = stringField(ctx.body, "label");
  const sources = listField(ctx.body, "sources");
  const consumer = stringField(ctx.body, "consumer");
  const credentials = credentialsField(ctx);
  if (label === undefined || label.trim() === "") throw missingParameter("label");
  if (sources === undefined) throw missingParameter("sources");
  if (consumer === undefined || consumer === "") throw missingParameter("consumer");
  if (credentials === undefined) throw missingParameter("credentials");
  const existing = Object.values(ctx.core.store.state.logForwardingDestinations).filter(
    (d) => d.environmentId === environment.id,
  );
  if (existing.length >= MAX_DESTINATIONS) {
    throw validationFailed({
      general: `Environments may only have ${MAX_DESTINATIONS} log forwarding destinations.`,
    });
  }
  let address = stringField(ctx.body, "address") ?? "";
  const candidate = { label, sources, consumer, address, ...credentials };
  const { certificateExpiresAt } = validate(candidate);
  if (consumer === "loggly") address = LOGGLY_ADDRESS;
  const record: LogForwardingRecord = {
    ...candidate,
    address,
    uuid: randomUUID(),
    environmentId: environment.id,
    certificateExpiresAt,
    enabled: true,
  };
  const notification = startTask(ctx, {
    event: "LogForwardingDestinationAdded",
    label: "Log forwarding destination added",
    description: `The log forwarding destination "${label}" was added to the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops: [{ op: "put", collection: "logForwardingDestinations", key: record.uuid, value: record }],
  });
  return accepted(ctx, "Log forwarding destination for the environment has been created.", {
    self: `${destinationsPath(environment)}/${record.uuid}`,
    parent: destinationsPath(environment),
    notification,
  });
}

function updateDestination(ctx: RouteContext) {
  const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const current = findDestination(ctx, environment);
  const consumer = stringField(ctx.body, "consumer");
  if (consumer === undefined || consumer === "") throw missingParameter("consumer");
  const credentials = credentialsField(ctx) ?? {
    certificate: current.certificate,
    key: current.key,
    token: current.token,
  };
  let address = stringField(ctx.body, "address") ?? (consumer === current.consumer ? current.address : "");
  const candidate = {
    label: stringField(ctx.body, "label") ?? current.label,
    sources: listField(ctx.body, "sources") ?? current.sources,
    consumer,
    address: consumer === "loggly" && address === LOGGLY_ADDRESS ? "" : address,
    ...credentials,
  };
  const { certificateExpiresAt } = validate(candidate);
  if (consumer === "loggly") address = LOGGLY_ADDRESS;
  const record: LogForwardingRecord = { ...current, ...candidate, address, certificateExpiresAt };
  const notification = startTask(ctx, {
    event: "LogForwardingDestinationUpdated",
    label: "Log forwarding destination updated",
    description: `The log forwarding destination "${record.label}" was updated on the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops: [{ op: "put", collection: "logForwardingDestinations", key: record.uuid, value: record }],
  });
  return accepted(ctx, "Log forwarding destination has been updated.", {
    self: `${destinationsPath(environment)}/${record.uuid}`,
    parent: destinationsPath(environment),
    notification,
  });
}

function deleteDestination(ctx: RouteContext) {
  const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const destination = findDestination(ctx, environment);
  const notification = startTask(ctx, {
    event: "LogForwardingDestinationDeleted",
    label: "Log forwarding destination deleted",
    description: `The log forwarding destination "${destination.label}" was deleted from the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops: [{ op: "delete", collection: "logForwardingDestinations", key: destination.uuid }],
  });
  return accepted(ctx, "Log forwarding destination has been deleted.", {
    self: `${destinationsPath(environment)}/${destination.uuid}`,
    parent: destinationsPath(environment),
    notification,
  });
}

function toggleDestination(enable: boolean) {
  return (ctx: RouteContext) => {
    const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
    const destination = findDestination(ctx, environment);
    const verb = enable ? "enabled" : "disabled";
    if (destination.enabled === enable) {
      throw new ApiError(409, "invalid_operation", `The destination is already ${verb}.`);
    }
    const notification = startTask(ctx, {
      event: enable ? "LogForwardingDestinationEnabled" : "LogForwardingDestinationDisabled",
      label: `Log forwarding destination ${verb}`,
      description: `The log forwarding destination "${destination.label}" was ${verb}.`,
      ...onEnvironment(environment, application),
      ops: [
        {
          op: "patch",
          collection: "logForwardingDestinations",
          key: destination.uuid,
          patch: { enabled: enable },
        },
      ],
    });
    return accepted(ctx, `Log forwarding destination has been ${verb}.`, {
      self: `${destinationsPath(environment)}/${destination.uuid}`,
      parent: destinationsPath(environment),
      notification,
    });
  };
}

const ITEM = "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}";

export const logForwardingRoutes: Route[] = [
  {
    method: "GET",
    template: "/environments/{environmentId}/log-forwarding-destinations",
    handler: (ctx) => {
      const { environment } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
      const items = Object.values(ctx.core.store.state.logForwardingDestinations)
        .filter((d) => d.environmentId === environment.id)
        .map((d) => renderDestination(ctx, environment, d, false));
      return ok(
        collection(ctx, items, {
          self: destinationsPath(environment),
          parent: `/environments/${segment(environment.id)}`,
          paged: true,
          queryable: true,
        }),
      );
    },
  },
  {
    method: "POST",
    template: "/environments/{environmentId}/log-forwarding-destinations",
    handler: createDestination,
  },
  {
    method: "GET",
    template: ITEM,
    handler: (ctx) => {
      const { environment } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
      return ok(renderDestination(ctx, environment, findDestination(ctx, environment), true));
    },
  },
  { method: "PUT", template: ITEM, handler: updateDestination },
  { method: "DELETE", template: ITEM, handler: deleteDestination },
  { method: "POST", template: `${ITEM}/actions/enable`, handler: toggleDestination(true) },
  { method: "POST", template: `${ITEM}/actions/disable`, handler: toggleDestination(false) },
];
