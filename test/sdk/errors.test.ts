import {
  AcquiaApiError,
  AcquiaError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  ResponseValidationError,
  ServerError,
  ValidationError,
  isAlreadyExists,
  isNotFound,
} from "../../sdk";
import { redact, registerSecret } from "../../sdk/internal";
import { clientFor, TEST_SECRET } from "./helpers/client";
import { json, startTestServer, tokenRoute, type TestServer } from "./helpers/test-server";

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  tokenRoute(server);
});
afterEach(() => server.close());

async function errorFor(status: number, body: unknown, raw?: string): Promise<AcquiaApiError> {
  server.routes.set("POST /api/environments/e1/variables", (_req, res) => {
    if (raw !== undefined) {
      res.writeHead(status, { "content-type": "text/html", "x-request-id": "req-html" });
      res.end(raw);
      return;
    }
    json(res, status, body);
  });
  return (await clientFor(server, { retry: { maxAttempts: 1 } })
    .variables.create("e1", { name: "FOO", value: "topsecretvalue" })
    .catch((e: unknown) => e)) as AcquiaApiError;
}

describe("error mapping", () => {
  it("carries status, code, field messages, request id, method and path", async () => {
    const error = await errorFor(400, {
      error: "validation_failed",
      message: { name: "The environment variable name is invalid." },
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toBeInstanceOf(AcquiaError);
    expect(error).toMatchObject({
      status: 400,
      code: "validation_failed",
      fieldErrors: { name: "The environment variable name is invalid." },
      requestId: "req-test-1",
      method: "POST",
      path: "/environments/e1/variables",
    });
    expect(error.message).toMatch(
      /POST \/environments\/e1\/variables failed with 400 validation_failed: name: The environment/,
    );
    expect(error.message).toMatch(/request id req-test-1/);
  });

  it("classifies by code as well as status", async () => {
    expect(await errorFor(409, { error: "validation_failed", message: { domain: "bad" } })).toBeInstanceOf(
      ValidationError,
    );
    expect(
      await errorFor(409, {
        error: "conflict",
        message: "An SSH key with this label already exists for this user.",
      }),
    ).toBeInstanceOf(ConflictError);
    expect(await errorFor(404, { error: "not_found", message: "gone" })).toBeInstanceOf(NotFoundError);
    const notAvailable = await errorFor(404, {
      error: "not_available",
      message: "Environment variables are not available for static applications.",
    });
    expect(isNotFound(notAvailable)).toBe(false);
    expect(
      await errorFor(400, {
        error: "forbidden",
        message: { system: "No environment configuration changes are specified." },
      }),
    ).toBeInstanceOf(BadRequestError);
  });

  it("reports an HTML 500 briefly with its request id", async () => {
    const error = await errorFor(500, undefined, "<html><body>Internal   Server Error</body></html>");
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toMatch(/<html><body>Internal Server Error/);
    expect(error.requestId).toBe("req-html");
  });

  it("recognises each family's duplicate answer as the spec documents it", () => {
    const err = (status: number, code: string, message: string | Record<string, string>) =>
      new AcquiaApiError({
        status,
        code,
        detail: typeof message === "string" ? message : Object.values(message).join(" "),
        fieldErrors: typeof message === "string" ? undefined : message,
        requestId: undefined,
        method: "POST",
        path: "/x",
      });
    expect(
      isAlreadyExists(
        err(400, "not_available", {
          name: "The environment already has an environment variable with that name.",
        }),
        "variable",
      ),
    ).toBe(true);
    expect(
      isAlreadyExists(
        err(400, "validation_failed", {
          label: "Another environment within this application already has this label.",
        }),
        "environment",
      ),
    ).toBe(true);
    expect(
      isAlreadyExists(
        err(
          409,
          "forbidden",
          "The domain name cannot be used, as it already exists within this application's environments.",
        ),
        "domain",
      ),
    ).toBe(true);
    expect(
      isAlreadyExists(
        err(409, "conflict", "An SSH key with this label already exists for this user."),
        "sshKey",
      ),
    ).toBe(true);
    expect(
      isAlreadyExists(
        err(409, "conflict", "A team with this name already exists in this organization."),
        "team",
      ),
    ).toBe(true);
    expect(
      isAlreadyExists(err(409, "conflict", "The application is already on this team."), "teamApplication"),
    ).toBe(true);
    // The spec documents both answers for a duplicate certificate label.
    for (const status of [400, 409]) {
      expect(
        isAlreadyExists(
          err(status, "validation_failed", {
            label: "A certificate with that label already exists. Please choose another label.",
          }),
          "sslCertificate",
        ),
      ).toBe(true);
    }
    expect(
      isAlreadyExists(
        err(400, "validation_failed", {
          name: "The label for the cron is already used by another cron. Please choose another label.",
        }),
        "cron",
      ),
    ).toBe(true);
    expect(
      isAlreadyExists(
        err(400, "validation_failed", {
          name: "A database with that name already exists. Please choose another name.",
        }),
        "database",
      ),
    ).toBe(true);
    // Same status, different meaning: not a duplicate.
    expect(
      isAlreadyExists(err(409, "forbidden", "You cannot add domain names on this application."), "domain"),
    ).toBe(false);
    expect(
      isAlreadyExists(
        err(400, "not_available", { value: "The environment variable value is invalid." }),
        "variable",
      ),
    ).toBe(false);
    expect(isAlreadyExists(new Error("x"), "variable")).toBe(false);
  });

  it("raises ResponseValidationError when a 2xx body breaks its schema", async () => {
    server.routes.set("GET /api/account", (_req, res) => json(res, 200, { name: "no uuid here" }));
    const error = await clientFor(server)
      .account.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toMatch(/uuid/);
    expect(error).not.toBeInstanceOf(AcquiaApiError);
  });

  it("lets unknown fields through", async () => {
    server.routes.set("GET /api/account", (_req, res) =>
      json(res, 200, { uuid: "u", brand_new_field: { x: 1 } }),
    );
    await expect(clientFor(server).account.get()).resolves.toMatchObject({ brand_new_field: { x: 1 } });
  });
});

describe("redaction", () => {
  it("masks authorization headers, OAuth fields, secret JSON keys and private keys", () => {
    const text = [
      "Authorization: Bearer abc.def.ghi",
      "client_secret=hunter2hunter2&grant_type=client_credentials",
      '{"name":"FOO","value":"plain-value"}',
      '{"credentials":{"key":"k","token":"t"},"label":"x"}',
      "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----",
    ].join("\n");
    const out = redact(text);
    for (const secret of ["abc.def.ghi", "hunter2hunter2", "plain-value", '"k"', "MIIEow"])
      expect(out).not.toContain(secret);
    expect(out).toContain('"label":"x"');
    expect(out).toContain("grant_type=client_credentials");
  });

  it("masks registered secret values wherever they appear", () => {
    registerSecret("registered-secret-123");
    expect(redact("Acquia said: registered-secret-123 is invalid")).toBe(
      "Acquia said: [REDACTED] is invalid",
    );
  });

  it("keeps secrets the client handled out of error messages", async () => {
    server.routes.set("POST /api/environments/e1/variables", (_req, res) =>
      json(res, 400, { error: "not_available", message: { value: "The value topsecretvalue is invalid." } }),
    );
    const error = (await clientFor(server)
      .variables.create("e1", { name: "FOO", value: "topsecretvalue" })
      .catch((e: unknown) => e)) as AcquiaApiError;
    expect(error.message).not.toContain("topsecretvalue");
    expect(JSON.stringify(error.fieldErrors)).not.toContain("topsecretvalue");
    expect(error.message).not.toContain(TEST_SECRET);
  });
});
