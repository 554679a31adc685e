import { requireApplication, requireEnvironment } from "../access";
import { accepted, ok } from "../answers";
import { stringField } from "../body";
import { conflict, missingParameter, validationFailed } from "../errors";
import { collection, segment } from "../hal";
import type { Route } from "../router";
import { onEnvironment, startTask } from "../tasks";

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
      const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
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
      const notification = startTask(ctx, {
        event: "CodeSwitched",
        label: "Code switched",
        description: `The "${environment.label}" environment was switched to ${branch}.`,
        ...onEnvironment(environment, application),
        ops: [{ op: "patch", collection: "environments", key: environment.id, patch: { vcsPath: branch } }],
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
      const { environment, application } = requireEnvironment(ctx, ctx.params.environmentId ?? "");
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
      const notification = startTask(ctx, {
        event: "CodeDeployed",
        label: "Code deployed",
        description: `Code was deployed from the "${source.label}" environment to the "${environment.label}" environment.`,
        organizationUuid: application.organizationUuid,
        context: { environment: { ids: [source.id, environment.id] } },
        ops: [
          {
            op: "patch",
            collection: "environments",
            key: environment.id,
            patch: { vcsPath: source.vcsPath },
          },
        ],
      });
      const self = `/environments/${segment(environment.id)}`;
      return accepted(ctx, "Deploying code.", { self: `${self}/code`, parent: self, notification });
    },
  },
];
