import { readFileSync } from "node:fs";
import type { z } from "zod";
import {
  accountSchema,
  applicationSchema,
  codeRefSchema,
  cronSchema,
  databaseNameSchema,
  domainSchema,
  environmentDatabaseSchema,
  environmentSchema,
  halCollection,
  logForwardingDestinationSchema,
  messageWithLinks,
  organizationSchema,
  sshKeySchema,
  sslCertificateSchema,
  teamSchema,
  variableSchema,
} from "../../sdk";
import { notificationSchema } from "../../sdk/operations/notification";
import { locateAcquiaSpec } from "../helpers/acquia-spec";

/**
 * Every example the official spec gives for a successful answer of an operation this client
 * implements must parse with the client's schema: the schemas must be at least as lenient as Acquia.
 */
const SPEC = locateAcquiaSpec("Spec-example test");

const list = (item: z.ZodType) => halCollection(item);
const operations: [method: string, path: string, schema: z.ZodType][] = [
  ["get", "/account", accountSchema],
  ["get", "/organizations", list(organizationSchema)],
  ["get", "/organizations/{organizationUuid}", organizationSchema],
  ["get", "/organizations/{organizationUuid}/applications", list(applicationSchema)],
  ["get", "/applications", list(applicationSchema)],
  ["get", "/applications/{applicationUuid}", applicationSchema],
  ["get", "/applications/{applicationUuid}/environments", list(environmentSchema)],
  ["post", "/applications/{applicationUuid}/environments", messageWithLinks],
  ["get", "/environments/{environmentId}", environmentSchema],
  ["put", "/environments/{environmentId}", messageWithLinks],
  ["delete", "/environments/{environmentId}", messageWithLinks],
  ["get", "/applications/{applicationUuid}/code", list(codeRefSchema)],
  ["post", "/environments/{environmentId}/code/actions/switch", messageWithLinks],
  ["post", "/environments/{environmentId}/code", messageWithLinks],
  ["get", "/applications/{applicationUuid}/databases", list(databaseNameSchema)],
  ["post", "/applications/{applicationUuid}/databases", messageWithLinks],
  ["delete", "/applications/{applicationUuid}/databases/{name}", messageWithLinks],
  ["get", "/environments/{environmentId}/databases", list(environmentDatabaseSchema)],
  ["get", "/environments/{environmentId}/domains", list(domainSchema)],
  ["get", "/environments/{environmentId}/domains/{domain}", domainSchema],
  ["post", "/environments/{environmentId}/domains", messageWithLinks],
  ["delete", "/environments/{environmentId}/domains/{domain}", messageWithLinks],
  ["get", "/environments/{environmentId}/variables", list(variableSchema)],
  ["get", "/environments/{environmentId}/variables/{environmentVariableName}", variableSchema],
  ["post", "/environments/{environmentId}/variables", messageWithLinks],
  ["put", "/environments/{environmentId}/variables/{environmentVariableName}", messageWithLinks],
  ["delete", "/environments/{environmentId}/variables/{environmentVariableName}", messageWithLinks],
  ["get", "/environments/{environmentId}/crons", list(cronSchema)],
  ["get", "/environments/{environmentId}/crons/{cronId}", cronSchema],
  ["post", "/environments/{environmentId}/crons", messageWithLinks],
  ["put", "/environments/{environmentId}/crons/{cronId}", messageWithLinks],
  ["delete", "/environments/{environmentId}/crons/{cronId}", messageWithLinks],
  ["post", "/environments/{environmentId}/crons/{cronId}/actions/enable", messageWithLinks],
  ["post", "/environments/{environmentId}/crons/{cronId}/actions/disable", messageWithLinks],
  ["get", "/account/ssh-keys", list(sshKeySchema)],
  ["get", "/account/ssh-keys/{sshKeyUuid}", sshKeySchema],
  ["post", "/account/ssh-keys", messageWithLinks],
  ["delete", "/account/ssh-keys/{sshKeyUuid}", messageWithLinks],
  ["get", "/organizations/{organizationUuid}/teams", list(teamSchema)],
  ["post", "/organizations/{organizationUuid}/teams", messageWithLinks],
  ["get", "/teams/{teamUuid}", teamSchema],
  ["put", "/teams/{teamUuid}", messageWithLinks],
  ["delete", "/teams/{teamUuid}", messageWithLinks],
  ["get", "/teams/{teamUuid}/applications", list(applicationSchema)],
  ["post", "/teams/{teamUuid}/applications", messageWithLinks],
  ["delete", "/teams/{teamUuid}/applications/{applicationUuid}", messageWithLinks],
  ["get", "/environments/{environmentId}/log-forwarding-destinations", list(logForwardingDestinationSchema)],
  [
    "get",
    "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}",
    logForwardingDestinationSchema,
  ],
  ["post", "/environments/{environmentId}/log-forwarding-destinations", messageWithLinks],
  [
    "put",
    "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}",
    messageWithLinks,
  ],
  [
    "delete",
    "/environments/{environmentId}/log-forwarding-destinations/{logForwardingDestinationUuid}",
    messageWithLinks,
  ],
  ["get", "/environments/{environmentId}/ssl/certificates", list(sslCertificateSchema)],
  ["get", "/environments/{environmentId}/ssl/certificates/{certificateId}", sslCertificateSchema],
  ["post", "/environments/{environmentId}/ssl/certificates", messageWithLinks],
  ["delete", "/environments/{environmentId}/ssl/certificates/{certificateId}", messageWithLinks],
  [
    "post",
    "/environments/{environmentId}/ssl/certificates/{certificateId}/actions/activate",
    messageWithLinks,
  ],
  [
    "post",
    "/environments/{environmentId}/ssl/certificates/{certificateId}/actions/deactivate",
    messageWithLinks,
  ],
  ["get", "/notifications/{notificationUuid}", notificationSchema],
];

interface Media {
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}
interface Spec {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, Media> }> }>>;
}

const describeSpec = SPEC ? describe : describe.skip;

describeSpec("spec examples parse with the client's schemas", () => {
  const spec = SPEC ? (JSON.parse(readFileSync(SPEC, "utf8")) as Spec) : { paths: {} };

  it.each(operations)("%s %s", (method, path, schema) => {
    const op = spec.paths[path]?.[method];
    expect(op).toBeDefined();
    const examples: unknown[] = [];
    for (const [status, response] of Object.entries(op?.responses ?? {})) {
      if (!status.startsWith("2")) continue;
      for (const media of Object.values(response.content ?? {})) {
        if (media.example !== undefined) examples.push(media.example);
        for (const ex of Object.values(media.examples ?? {}))
          if (ex.value !== undefined) examples.push(ex.value);
      }
    }
    for (const example of examples) {
      const result = schema.safeParse(example);
      if (!result.success)
        throw new Error(
          `${method.toUpperCase()} ${path}: ${JSON.stringify(result.error.issues.slice(0, 3))}`,
        );
    }
  });

  it("covers examples for most operations", () => {
    const withExamples = operations.filter(([m, p]) =>
      Object.entries(spec.paths[p]?.[m]?.responses ?? {}).some(
        ([s, r]) =>
          s.startsWith("2") &&
          Object.values(r.content ?? {}).some((c) => c.example !== undefined || c.examples !== undefined),
      ),
    );
    expect(withExamples.length).toBeGreaterThan(operations.length * 0.8);
  });
});
