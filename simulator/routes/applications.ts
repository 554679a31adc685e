import { listsObjectsOf, requireApplication } from "../access";
import { accepted, ok } from "../answers";
import { listField, stringField } from "../body";
import { missingParameter, validationFailed } from "../errors";
import { collection } from "../hal";
import type { EnvironmentDatabaseRecord, EnvironmentRecord, StoreOp } from "../model";
import type { Route, RouteContext } from "../router";
import { databasePassword, defaultPhpConfiguration, environmentDefaults } from "../seed";
import { startTask } from "../tasks";
import { renderApplication, renderEnvironment } from "./render";

const MAX_CDE_DATABASES = 3;
const MAX_CDES_PER_APPLICATION = 10;

function createEnvironment(ctx: RouteContext) {
  const application = requireApplication(ctx, ctx.params.applicationUuid ?? "");
  const label = stringField(ctx.body, "label");
  const branch = stringField(ctx.body, "branch");
  const databases = listField(ctx.body, "databases");
  if (label === undefined || label.trim() === "") throw missingParameter("label");
  if (branch === undefined || branch === "") throw missingParameter("branch");
  if (databases === undefined) throw missingParameter("databases");

  const { state } = ctx.core.store;
  const environments = Object.values(state.environments).filter(
    (e) => e.applicationUuid === application.uuid,
  );
  if (environments.some((e) => e.label.toLowerCase() === label.toLowerCase())) {
    throw validationFailed({ label: "Another environment within this application already has this label." });
  }
  if (environments.filter((e) => e.cde).length >= MAX_CDES_PER_APPLICATION) {
    throw validationFailed({
      general: "This application already has the maximum number of CD environments.",
    });
  }
  if (!application.references.some((r) => r.name === branch)) {
    throw validationFailed({
      branch: `The branch or tag "${branch}" does not exist within this environment.`,
    });
  }
  if (databases.length > MAX_CDE_DATABASES) {
    throw validationFailed({
      general: `Please specify ${MAX_CDE_DATABASES} or fewer databases to provision on your environment.`,
    });
  }
  const appDatabases = Object.values(state.applicationDatabases).filter(
    (d) => d.applicationUuid === application.uuid,
  );
  if (databases.some((name) => !appDatabases.some((d) => d.name === name))) {
    throw validationFailed({
      general: "One or more of the databases you have specified do not exist in this application.",
    });
  }

  const number = state.sequences.environment++;
  const environment: EnvironmentRecord = {
    id: `${number}-${application.uuid}`,
    applicationUuid: application.uuid,
    name: `ode${number}`,
    label,
    cde: true,
    production: false,
    vcsPath: branch,
    operatingSystem: "jammy",
    php: defaultPhpConfiguration(),
    region: "us-east-1",
    ips: [`10.0.3.${number % 250}`],
    ...environmentDefaults(false),
  };
  const hostname = `${application.sitename}${environment.name}.prod.acquia-sites.com`;
  const ops: StoreOp[] = [
    { op: "put", collection: "environments", key: environment.id, value: environment },
    {
      op: "put",
      collection: "domains",
      key: `${environment.id}/${hostname}`,
      value: { environmentId: environment.id, hostname, isDefault: true },
    },
  ];
  for (const name of new Set(databases)) {
    const record: EnvironmentDatabaseRecord = {
      id: state.sequences.environmentDatabase++,
      environmentId: environment.id,
      name,
      userName: `${application.sitename}${environment.name}`.slice(0, 16),
      password: databasePassword(`${environment.id}/${name}`),
      isDefault: appDatabases.find((d) => d.name === name)?.isDefault ?? false,
    };
    ops.push({
      op: "put",
      collection: "environmentDatabases",
      key: `${environment.id}/${name}`,
      value: record,
    });
  }
  const notification = startTask(ctx, {
    event: "EnvironmentAdded",
    label: "Environment added",
    description: `The "${label}" environment was added to ${application.name}.`,
    organizationUuid: application.organizationUuid,
    context: { application: { uuids: [application.uuid] }, environment: { ids: [environment.id] } },
    ops,
  });
  const self = `/applications/${application.uuid}/environments`;
  return accepted(ctx, "Adding an environment.", { self, parent: self, notification });
}

export const applicationRoutes: Route[] = [
  {
    method: "GET",
    template: "/applications",
    // Applications of federated organizations appear only to tokens scoped for them, applications of
    // organizations the account is not a member of not at all (hideInvisible).
    handler: (ctx) =>
      ok(
        collection(
          ctx,
          Object.values(ctx.core.store.state.applications)
            .filter((a) => listsObjectsOf(ctx, a.organizationUuid))
            .map((a) => renderApplication(ctx, a, false)),
          { self: "/applications", parent: "/", paged: true, queryable: true },
        ),
      ),
  },
  {
    method: "GET",
    template: "/applications/{applicationUuid}",
    handler: (ctx) =>
      ok(renderApplication(ctx, requireApplication(ctx, ctx.params.applicationUuid ?? ""), true)),
  },
  {
    method: "GET",
    template: "/applications/{applicationUuid}/environments",
    handler: (ctx) => {
      const application = requireApplication(ctx, ctx.params.applicationUuid ?? "");
      const items = Object.values(ctx.core.store.state.environments)
        .filter((e) => e.applicationUuid === application.uuid)
        .map((e) => renderEnvironment(ctx, e, false));
      return ok(
        collection(ctx, items, {
          self: `/applications/${application.uuid}/environments`,
          parent: `/applications/${application.uuid}`,
          paged: true,
          queryable: true,
        }),
      );
    },
  },
  { method: "POST", template: "/applications/{applicationUuid}/environments", handler: createEnvironment },
];
