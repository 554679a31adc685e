// The first preview of a new stack: the Connection is created first, so every other resource's
// `connection` is still unknown when Pulumi checks it. The read-only lookups of check (a natural key
// taken by a differing object, a PHP version the environment does not offer) then run with the stack's
// credentials (stack config or ACLI_*), where any credentials that can see the parent see the same
// object; the reliability suite's case 13 drives the same through the real CLI.
import { AcquiaCloudClient } from "../../sdk";
import type { Simulator } from "../../simulator";
import { ed25519PublicKey } from "../simulator/helpers";
import {
  UNKNOWN,
  behindPulumi,
  check,
  configure,
  connectionOf,
  control,
  mutations,
  simulator,
} from "./harness";

let sim: Simulator;
const api = () => new AcquiaCloudClient(connectionOf(sim));
const stackCredentials = () => ({
  "acquia:clientId": sim.clientId,
  "acquia:clientSecret": sim.clientSecret,
  "acquia:apiUrl": sim.apiUrl,
  "acquia:tokenUrl": sim.tokenUrl,
});

beforeAll(async () => {
  sim = await simulator();
});
afterAll(() => sim.stop());
beforeEach(async () => {
  await control(sim, "POST", "reset");
  configure(stackCredentials());
});
afterAll(() => configure({}));

describe("check while the connection is still unknown (a new stack's preview)", () => {
  const variable = () => ({
    connection: UNKNOWN,
    environmentId: sim.environments.dev,
    name: "TAKEN",
    value: "program-value",
  });

  it("refuses a natural key taken by a differing object, naming the field, with no write", async () => {
    await behindPulumi(
      sim,
      api().variables.create(sim.environments.dev, { name: "TAKEN", value: "by-hand" }),
    );
    await behindPulumi(
      sim,
      api().environments.create(sim.applicationUuid, { label: "Feature", branch: "main", databases: [] }),
    );
    const before = await mutations(sim);

    const taken = await check("EnvironmentVariable", variable());
    expect(taken.failures).toEqual([
      {
        property: "name",
        reason: expect.stringMatching(
          /"TAKEN" already exists in Acquia .* differs from the program in value\./,
        ),
      },
    ]);
    const environment = await check("Environment", {
      connection: UNKNOWN,
      applicationUuid: sim.applicationUuid,
      label: "Feature",
      branch: "develop",
    });
    expect(environment.failures).toEqual([
      { property: "label", reason: expect.stringMatching(/differs from the program in branch\./) },
    ]);
    expect(await mutations(sim)).toEqual(before);
  });

  it("refuses a PHP version the environment does not offer", async () => {
    const result = await check("EnvironmentSettings", {
      connection: UNKNOWN,
      environmentId: sim.environments.dev,
      phpVersion: "9.9",
    });
    expect(result.failures).toEqual([
      { property: "phpVersion", reason: expect.stringMatching(/^phpVersion 9\.9 is not offered/) },
    ]);
  });

  it("keeps the connection unknown in the checked inputs, and passes what it cannot fault", async () => {
    const result = await check("EnvironmentVariable", { ...variable(), name: "FREE" });
    expect(result.failures).toEqual([]);
    expect(result.inputs).toMatchObject({ connection: UNKNOWN, name: "FREE" });
  });

  it("says nothing about what the stack's credentials cannot see: the program's connection may", async () => {
    const result = await check("EnvironmentSettings", {
      connection: UNKNOWN,
      environmentId: sim.foreignEnvironmentId,
      phpVersion: "9.9",
    });
    expect(result.failures).toEqual([]);
  });

  it("looks nothing up without stack credentials, nor for an SSH key (its label is per account)", async () => {
    await behindPulumi(
      sim,
      api().sshKeys.create({ label: "taken_key", public_key: ed25519PublicKey("a@b") }),
    );
    const before = (await control(sim, "GET", "stats")) as { requests: number };
    const key = await check("SshKey", {
      connection: UNKNOWN,
      label: "taken_key",
      publicKey: ed25519PublicKey("c@d"),
    });
    expect(key.failures).toEqual([]);
    configure({});
    const settings = await check("EnvironmentSettings", {
      connection: UNKNOWN,
      environmentId: sim.environments.dev,
      phpVersion: "9.9",
    });
    expect(settings.failures).toEqual([]);
    expect(((await control(sim, "GET", "stats")) as { requests: number }).requests).toBe(before.requests);
  });
});
