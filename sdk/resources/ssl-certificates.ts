import { z } from "zod";
import type { RequestOptions } from "../client";
import { halLinks, idString, maybe } from "../hal/schemas";
import { registerSecret } from "../http/redact";
import { path } from "../internal/path";
import type { Operation } from "../operations/operation";
import { ApiResource } from "./api-resource";

export const sslCertificateSchema = z.looseObject({
  id: idString,
  label: maybe(z.string()),
  certificate: maybe(z.string()),
  /** Returned in clear text by Acquia: treat as secret. */
  private_key: maybe(z.string()),
  ca: maybe(z.string()),
  flags: maybe(
    z.looseObject({ active: maybe(z.boolean()), csr: maybe(z.boolean()), legacy: maybe(z.boolean()) }),
  ),
  expires_at: maybe(z.string()),
  domains: maybe(z.array(z.string())),
  _links: maybe(halLinks),
});
export type SslCertificate = z.infer<typeof sslCertificateSchema>;

export interface SslCertificateInput {
  label: string;
  certificate: string;
  private_key: string;
  ca_certificates?: string;
  legacy?: boolean;
}

export class SslCertificatesApi extends ApiResource {
  async list(environmentId: string, options?: RequestOptions): Promise<SslCertificate[]> {
    const all = await this.client.list(
      path`/environments/${environmentId}/ssl/certificates`,
      sslCertificateSchema,
      options,
    );
    all.forEach((c) => registerSecret(c.private_key));
    return all;
  }

  async get(environmentId: string, certificateId: string, options?: RequestOptions): Promise<SslCertificate> {
    const cert = await this.client.request(
      "GET",
      path`/environments/${environmentId}/ssl/certificates/${certificateId}`,
      { ...options, schema: sslCertificateSchema },
    );
    registerSecret(cert.private_key);
    return cert;
  }

  /** Labels are unique per environment. */
  async find(
    environmentId: string,
    label: string,
    options?: RequestOptions,
  ): Promise<SslCertificate | undefined> {
    return (await this.list(environmentId, options)).find((c) => c.label === label);
  }

  create(environmentId: string, input: SslCertificateInput, options?: RequestOptions): Promise<Operation> {
    registerSecret(input.private_key);
    return this.client.mutate("POST", path`/environments/${environmentId}/ssl/certificates`, input, options);
  }

  delete(environmentId: string, certificateId: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "DELETE",
      path`/environments/${environmentId}/ssl/certificates/${certificateId}`,
      undefined,
      options,
    );
  }

  activate(environmentId: string, certificateId: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/ssl/certificates/${certificateId}/actions/activate`,
      undefined,
      options,
    );
  }

  deactivate(environmentId: string, certificateId: string, options?: RequestOptions): Promise<Operation> {
    return this.client.mutate(
      "POST",
      path`/environments/${environmentId}/ssl/certificates/${certificateId}/actions/deactivate`,
      undefined,
      options,
    );
  }
}
