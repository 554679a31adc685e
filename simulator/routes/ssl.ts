import { environmentStub, requireEnvironment } from "../access";
import { accepted, ok } from "../answers";
import { booleanField, stringField } from "../body";
import {
  isCertificateBundle,
  keyMatchesCertificate,
  parseCertificate,
  parsePrivateKey,
} from "../certificates";
import { ApiError, NOT_FOUND, missingParameter, notFound, validationFailed } from "../errors";
import { collection, link, segment } from "../hal";
import type { CertificateRecord, EnvironmentRecord, StoreOp } from "../model";
import type { Route, RouteContext } from "../router";
import { onEnvironment, startTask } from "../tasks";

function certificatesPath(environment: EnvironmentRecord): string {
  return `/environments/${segment(environment.id)}/ssl/certificates`;
}

function renderCertificate(
  ctx: RouteContext,
  environment: EnvironmentRecord,
  certificate: CertificateRecord,
  full: boolean,
): Record<string, unknown> {
  const links: Record<string, unknown> = {
    self: link(ctx, `${certificatesPath(environment)}/${certificate.id}`),
  };
  if (full) links.parent = link(ctx, certificatesPath(environment));
  return {
    id: certificate.id,
    label: certificate.label,
    certificate: certificate.certificate,
    private_key: certificate.privateKey,
    ca: certificate.ca,
    flags: { active: certificate.active, csr: certificate.csrId !== null, legacy: certificate.legacy },
    expires_at: certificate.expiresAt,
    domains: certificate.domains,
    environment: environmentStub(environment),
    _links: links,
  };
}

function findCertificate(
  ctx: RouteContext,
  environment: EnvironmentRecord,
  missing: () => ApiError,
): CertificateRecord {
  const certificate = ctx.core.store.state.certificates[ctx.params.certificateId ?? ""];
  if (certificate === undefined || certificate.environmentId !== environment.id) throw missing();
  return certificate;
}

function installCertificate(ctx: RouteContext) {
  const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const certificatePem = stringField(ctx.body, "certificate");
  const privateKeyPem = stringField(ctx.body, "private_key");
  const caPem = stringField(ctx.body, "ca_certificates") ?? "";
  const label = stringField(ctx.body, "label");
  const legacy = booleanField(ctx.body, "legacy");
  const csrRaw = stringField(ctx.body, "csr_id");
  if (certificatePem === undefined || certificatePem.trim() === "") throw missingParameter("certificate");
  if (privateKeyPem === undefined || privateKeyPem.trim() === "") throw missingParameter("private_key");
  if (legacy && environment.cde) {
    throw validationFailed({ general: "Legacy certificates cannot be installed on CD environments." });
  }
  if (legacy && !environment.production) {
    throw validationFailed({
      general: "Legacy certificates may only be installed on production environments.",
    });
  }
  if (!legacy && (label === undefined || label.trim() === "")) throw missingParameter("label");
  const { state } = ctx.core.store;
  if (
    label !== undefined &&
    Object.values(state.certificates).some((c) => c.environmentId === environment.id && c.label === label)
  ) {
    throw validationFailed({
      name: "A certificate with that label already exists. Please choose another label.",
    });
  }
  const parsed = parseCertificate(certificatePem);
  if (parsed === null) throw validationFailed({ certificate: "The supplied certificate is invalid." });
  if (parsed.notAfter.getTime() <= Date.now())
    throw validationFailed({ certificate: "The certificate is expired." });
  const key = parsePrivateKey(privateKeyPem);
  if (key === null) throw validationFailed({ private_key: "The supplied private key is invalid." });
  if (!keyMatchesCertificate(parsed, key)) {
    throw validationFailed({ private_key: "The supplied private key does not match the certificate." });
  }
  if (caPem.trim() !== "" && !isCertificateBundle(caPem)) {
    throw validationFailed({ ca_certificates: "The supplied CA certificates are invalid." });
  }
  const csrId = csrRaw !== undefined && /^\d+$/.test(csrRaw) ? Number(csrRaw) : null;
  const record: CertificateRecord = {
    id: state.sequences.certificate++,
    environmentId: environment.id,
    label: label ?? null,
    certificate: certificatePem,
    privateKey: privateKeyPem,
    ca: caPem,
    active: false,
    legacy,
    csrId,
    expiresAt: parsed.expiresAt,
    domains: parsed.domains,
  };
  const notification = startTask(ctx, {
    event: "CertificateAdded",
    label: "SSL certificate installed",
    description: `The SSL certificate "${record.label ?? record.id}" was installed on the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops: [{ op: "put", collection: "certificates", key: String(record.id), value: record }],
  });
  return accepted(ctx, "Installing the certificate.", {
    self: certificatesPath(environment),
    parent: `/environments/${segment(environment.id)}/ssl`,
    notification,
  });
}

function deleteCertificate(ctx: RouteContext) {
  const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const certificate = findCertificate(ctx, environment, () =>
    notFound("This certificate does not belong to the environment, and cannot be removed."),
  );
  if (certificate.active) {
    throw validationFailed({ general: "The currently active certificate cannot be removed." }, 409);
  }
  const notification = startTask(ctx, {
    event: "CertificateRemoved",
    label: "SSL certificate removed",
    description: `The SSL certificate "${certificate.label ?? certificate.id}" was removed from the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops: [{ op: "delete", collection: "certificates", key: String(certificate.id) }],
  });
  return accepted(ctx, "Deleting the certificate.", {
    self: `${certificatesPath(environment)}/${certificate.id}`,
    parent: certificatesPath(environment),
    notification,
  });
}

function activateCertificate(ctx: RouteContext) {
  const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  // The spec answers these 404s with error "forbidden".
  const certificate = findCertificate(
    ctx,
    environment,
    () =>
      new ApiError(
        404,
        "forbidden",
        "This certificate does not belong to the environment, and cannot be set to active.",
      ),
  );
  if (certificate.legacy)
    throw validationFailed({ general: "Legacy certificates cannot be set to active." }, 409);
  if (certificate.active)
    throw validationFailed({ general: "This certificate is already set as active." }, 409);
  // One SNI certificate serves an environment at a time: activating one deactivates the others.
  const ops: StoreOp[] = Object.values(ctx.core.store.state.certificates)
    .filter((c) => c.environmentId === environment.id && c.active)
    .map((c) => ({ op: "patch", collection: "certificates", key: String(c.id), patch: { active: false } }));
  ops.push({ op: "patch", collection: "certificates", key: String(certificate.id), patch: { active: true } });
  const notification = startTask(ctx, {
    event: "CertificateActivated",
    label: "SSL certificate activated",
    description: `The SSL certificate "${certificate.label ?? certificate.id}" was activated on the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops,
  });
  return accepted(ctx, "Activating the certificate.", {
    self: `${certificatesPath(environment)}/${certificate.id}/actions/activate`,
    parent: `${certificatesPath(environment)}/${certificate.id}/actions`,
    notification,
  });
}

function deactivateCertificate(ctx: RouteContext) {
  const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
  const certificate = findCertificate(
    ctx,
    environment,
    () =>
      new ApiError(
        404,
        "forbidden",
        "This certificate does not belong to the environment, and cannot be deactivated.",
      ),
  );
  if (certificate.legacy) {
    throw validationFailed({
      general:
        "Legacy certificates cannot be deactivated. In order to deactivate a legacy certificate, the certificate must be removed.",
    });
  }
  if (!certificate.active) {
    throw new ApiError(409, "validation_failed", "This certificate is already deactivated.");
  }
  const notification = startTask(ctx, {
    event: "CertificateDeactivated",
    label: "SSL certificate deactivated",
    description: `The SSL certificate "${certificate.label ?? certificate.id}" was deactivated on the "${environment.label}" environment.`,
    ...onEnvironment(environment, application),
    ops: [{ op: "patch", collection: "certificates", key: String(certificate.id), patch: { active: false } }],
  });
  return accepted(ctx, "Deactivating the certificate.", {
    self: `${certificatesPath(environment)}/${certificate.id}/actions/deactivate`,
    parent: `${certificatesPath(environment)}/${certificate.id}/actions`,
    notification,
  });
}

export const sslRoutes: Route[] = [
  {
    method: "GET",
    template: "/environments/{environmentId}/ssl/certificates",
    handler: (ctx) => {
      const { environment } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
      const items = Object.values(ctx.core.store.state.certificates)
        .filter((c) => c.environmentId === environment.id)
        .map((c) => renderCertificate(ctx, environment, c, false));
      return ok(
        collection(ctx, items, {
          self: certificatesPath(environment),
          parent: `/environments/${segment(environment.id)}/ssl`,
        }),
      );
    },
  },
  { method: "POST", template: "/environments/{environmentId}/ssl/certificates", handler: installCertificate },
  {
    method: "GET",
    template: "/environments/{environmentId}/ssl/certificates/{certificateId}",
    handler: (ctx) => {
      const { environment } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
      const certificate = findCertificate(ctx, environment, () => notFound(NOT_FOUND.certificate));
      return ok(renderCertificate(ctx, environment, certificate, true));
    },
  },
  {
    method: "DELETE",
    template: "/environments/{environmentId}/ssl/certificates/{certificateId}",
    handler: deleteCertificate,
  },
  {
    method: "POST",
    template: "/environments/{environmentId}/ssl/certificates/{certificateId}/actions/activate",
    handler: activateCertificate,
  },
  {
    method: "POST",
    template: "/environments/{environmentId}/ssl/certificates/{certificateId}/actions/deactivate",
    handler: deactivateCertificate,
  },
];
