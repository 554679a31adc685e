import { behindPulumi } from "./harness";
import { lifecycleMatrix, type MatrixCase } from "./matrix";

const cases: MatrixCase[] = [
  {
    kind: "CronJob",
    inputs: (sim) => ({
      environmentId: sim.environments.dev,
      label: "Matrix",
      command: "drush cron",
      frequency: "5 * * * *",
    }),
    differently: (inputs) => ({ ...inputs, command: "drush status" }),
    createPath: "/api/environments/*/crons",
    deletePath: "/api/environments/*/crons/*",
    count: async (api, sim) =>
      (await api.crons.list(sim.environments.dev)).filter((c) => c.label === "Matrix").length,
    remove: async (api, sim, s) =>
      behindPulumi(sim, api.crons.delete(sim.environments.dev, String(s.outs["cronId"]))),
  },
  {
    kind: "Domain",
    inputs: (sim) => ({ environmentId: sim.environments.dev, hostname: "matrix.example.com" }),
    createPath: "/api/environments/*/domains",
    deletePath: "/api/environments/*/domains/*",
    count: async (api, sim) =>
      (await api.domains.list(sim.environments.dev)).filter((d) => d.hostname === "matrix.example.com")
        .length,
    remove: async (api, sim) =>
      behindPulumi(sim, api.domains.delete(sim.environments.dev, "matrix.example.com")),
  },
  {
    kind: "Database",
    inputs: (sim) => ({ applicationUuid: sim.applicationUuid, name: "matrix_db" }),
    createPath: "/api/applications/*/databases",
    deletePath: "/api/applications/*/databases/*",
    count: async (api, sim) =>
      (await api.databases.list(sim.applicationUuid)).filter((d) => d.name === "matrix_db").length,
    remove: async (api, sim) => behindPulumi(sim, api.databases.delete(sim.applicationUuid, "matrix_db")),
  },
  {
    kind: "EnvironmentVariable",
    inputs: (sim) => ({ environmentId: sim.environments.dev, name: "MATRIX", value: "matrix-value" }),
    differently: (inputs) => ({ ...inputs, value: "another-value" }),
    createPath: "/api/environments/*/variables",
    deletePath: "/api/environments/*/variables/*",
    count: async (api, sim) =>
      (await api.variables.list(sim.environments.dev)).filter((v) => v.name === "MATRIX").length,
    remove: async (api, sim) => behindPulumi(sim, api.variables.delete(sim.environments.dev, "MATRIX")),
  },
];

lifecycleMatrix(cases);
