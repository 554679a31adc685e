import { requireApplication, requireEnvironment, type EnvironmentScope } from "../access";
import { accepted, ok } from "../answers";
import { listField, stringField } from "../body";
import { conflict, forbidden, missingParameter, notFound, validationFailed } from "../errors";
import { collection, segment } from "../hal";
import type { ApplicationRecord, ArtifactRecord, EnvironmentRecord } from "../model";
import type { Route, RouteContext } from "../router";
import { onEnvironment, startTask } from "../tasks";

const NO_ARTIFACT =
  "The build artifact you are trying to access does not exist, or you do not have permission to access it.";

/** Branches, tags and environment-to-environment deploys are Git's; Node.js applications deploy artifacts. */
function requireGitHosted(scope: EnvironmentScope): EnvironmentScope {
  if (scope.application.type === "node") throw forbidden("Code cannot be deployed on Node.js applications.");
  return scope;
}

/**
 * The Cloud Actions a deployment runs: those the request names (`[]` for none), else the environment's
 * enabled ones. Acquia names them by id; the task's description lists them by label.
 */
function cloudActionsOf(ctx: RouteContext, environment: EnvironmentRecord): string[] {
  const requested = listField(ctx.body, "cloud-actions");
  if (requested === undefined) {
    return environment.cloudActions.filter((action) => action.enabled).map((action) => action.label);
  }
  return requested.map((id) => {
    const action = environment.cloudActions.find((a) => a.id === id);
    if (action === undefined) {
      throw validationFailed({
        "cloud-actions": `The Cloud Action "${id}" does not exist on this environment.`,
      });
    }
    return action.label;
  });
}

function withActions(description: string, actions: readonly string[]): string {
  return actions.length === 0 ? description : `${description} Cloud Actions run: ${actions.join(", ")}.`;
}

function artifactBody(ctx: RouteContext, artifact: ArtifactRecord): Record<string, unknown> {
  const self = `/applications/${artifact.applicationUuid}/artifacts/${artifact.id}`;
  return {
    id: artifact.id,
    name: artifact.name,
    state: artifact.state,
    created_at: artifact.createdAt,
    _links: { self: { href: `${ctx.core.apiUrl}${self}` } },
  };
}

function requireArtifactApplication(ctx: RouteContext): ApplicationRecord {
  const application = requireApplication(ctx, ctx.params.applicationUuid ?? "");
  if (application.type !== "node") throw notFound("Artifacts are only available for Node.js applications.");
  return application;
}

export const codeRoutes: Route[] = [
  {
    method: "GET",
    template: "/applications/{applicationUuid}/code",
    handler: (ctx) => {
      const application = requireApplication(ctx, ctx.params.applicationUuid ?? "");
      const items = application.references.map((r) => ({ name: r.name, flags: { tag: r.tag } }));
      return ok(
        collection(ctx, items, {
          self: `/applications/${application.uuid}/code`,
          parent: `/applications/${application.uuid}`,
          queryable: true,
        }),
      );
    },
  },
  {
    method: "POST",
    template: "/environments/{environmentId}/code/actions/switch",
    handler: (ctx) => {
      const { environment, application } = requireGitHosted(
        requireEnvironment(ctx, ctx.params.environmentId ?? ""),
      );
      const branch = stringField(ctx.body, "branch");
      if (branch === undefined || branch === "") throw missingParameter("branch");
      if (!/^[A-Za-z0-9._/-]+$/.test(branch)) {
        throw validationFailed({ branch: "The branch name contains invalid characters." });
      }
      if (!application.references.some((r) => r.name === branch)) {
        throw validationFailed({
          branch: `The branch or tag "${branch}" does not exist within this environment.`,
        });
      }
      const actions = cloudActionsOf(ctx, environment);
      const notification = startTask(ctx, {
        event: "CodeSwitched",
        label: "Code switched",
        description: withActions(
          `The "${environment.label}" environment was switched to ${branch}.`,
          actions,
        ),
        ...onEnvironment(environment, application),
        ops: [
          {
            op: "patch",
            collection: "environments",
            key: environment.id,
            patch: { vcsPath: branch, artifact: null },
          },
        ],
      });
      return accepted(ctx, "Switching code.", {
        self: `/environments/${segment(environment.id)}/code/actions/switch`,
        notification,
      });
    },
  },
  {
    method: "POST",
    template: "/environments/{environmentId}/code",
    handler: (ctx) => {
      const { environment, application } = requireGitHosted(
        requireEnvironment(ctx, ctx.params.environmentId ?? ""),
      );
      const sourceId = stringField(ctx.body, "source");
      if (sourceId === undefined || sourceId === "") throw missingParameter("source");
      const source = ctx.core.store.state.environments[sourceId];
      if (source === undefined || source.applicationUuid !== environment.applicationUuid) {
        throw validationFailed({
          source: "Code can only be deployed from an environment within the same application.",
        });
      }
      if (source.id === environment.id)
        throw conflict("Code cannot be deployed from an environment to itself.");
      const actions = cloudActionsOf(ctx, environment);
      const notification = startTask(ctx, {
        event: "CodeDeployed",
        label: "Code deployed",
        description: withActions(
          `Code was deployed from the "${source.label}" environment to the "${environment.label}" environment.`,
          actions,
        ),
        organizationUuid: application.organizationUuid,
        context: { environment: { ids: [source.id, environment.id] } },
        ops: [
          {
            op: "patch",
            collection: "environments",
            key: environment.id,
            patch: { vcsPath: source.vcsPath, artifact: null },
          },
        ],
      });
      const self = `/environments/${segment(environment.id)}`;
      return accepted(ctx, "Deploying code.", { self: `${self}/code`, parent: self, notification });
    },
  },
  {
    method: "GET",
    template: "/applications/{applicationUuid}/artifacts",
    handler: (ctx) => {
      const application = requireArtifactApplication(ctx);
      const items = Object.values(ctx.core.store.state.artifacts)
        .filter((artifact) => artifact.applicationUuid === application.uuid)
        .map((artifact) => artifactBody(ctx, artifact));
      return ok(
        collection(ctx, items, {
          self: `/applications/${application.uuid}/artifacts`,
          parent: `/applications/${application.uuid}`,
          queryable: true,
          paged: true,
        }),
      );
    },
  },
  {
    method: "GET",
    template: "/applications/{applicationUuid}/artifacts/{artifactId}",
    handler: (ctx) => {
      const application = requireArtifactApplication(ctx);
      const artifact = ctx.core.store.state.artifacts[ctx.params.artifactId ?? ""];
      if (artifact === undefined || artifact.applicationUuid !== application.uuid)
        throw notFound(NO_ARTIFACT);
      return ok(artifactBody(ctx, artifact));
    },
  },
  {
    method: "POST",
    template: "/environments/{environmentId}/artifacts/actions/switch",
    handler: (ctx) => {
      const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
      if (application.type !== "node") {
        throw forbidden("Artifacts can only be deployed on Node.js applications.");
      }
      const artifactId = stringField(ctx.body, "artifact_id");
      if (artifactId === undefined || artifactId === "") throw missingParameter("artifact_id");
      const artifact = ctx.core.store.state.artifacts[artifactId];
      if (artifact === undefined || artifact.applicationUuid !== application.uuid) {
        throw conflict(
          `The artifact with ID ${artifactId} does not belong to this application and cannot be deployed.`,
        );
      }
      if (artifact.state !== "ready") {
        throw validationFailed({
          artifact_id: "Only artifacts that are in the 'ready' state can be deployed.",
        });
      }
      const notification = startTask(ctx, {
        event: "ArtifactDeployed",
        label: "Artifact deployed",
        description: `The artifact ${artifact.name} was deployed to the "${environment.label}" environment.`,
        ...onEnvironment(environment, application),
        ops: [
          {
            op: "patch",
            collection: "environments",
            key: environment.id,
            patch: { artifact: { id: artifact.id, name: artifact.name } },
          },
        ],
      });
      return accepted(ctx, "Deploying artifact.", {
        self: `/environments/${segment(environment.id)}/artifacts/actions/switch`,
        notification,
      });
    },
  },
];
