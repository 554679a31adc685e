// Fault matrix (issue #12), cases 12-16: what a stack meets besides outages — objects deleted behind
// its back before a destroy, bad input that preview must catch without writing anything, a private key
// pasted where a public one belongs, a destroy right after a key rotation, and an adopted object whose
// `adopt` flag is removed again.
import { generateKeyPairSync } from "node:crypto";
import type { CliResult } from "../e2e/helpers/cli-process";
import { ed25519PublicKey } from "../simulator/helpers";
import { describeReliability, mutating, sumFigures, type Figures } from "./harness";
import { CDE_LABEL, SSH_KEY_LABEL } from "./programs/reliability/layout";

describeReliability("fault matrix: preview and destroy", (h) => {
  it("12. objects deleted out of band before destroy: destroy succeeds and leaves Acquia as seeded", async () => {
    const c = await h.newCase("12 deleted out of band, then destroy");
    expect((await c.up()).code).toBe(0);
    await c.expectConverged();

    const api = h.api();
    const dev = h.sim.environments.dev;
    const state = await h.sim.control.state();
    const { variables, domains, crons } = c.layout;
    const cron = Object.values(state.crons).find((x) => x.label === crons[0]);
    const team = Object.values(state.teams).find((x) => x.name === "Reliability Team");
    const key = Object.values(state.sshKeys).find((x) => x.label === SSH_KEY_LABEL);
    await Promise.all([
      ...variables.slice(0, 5).map((name) => h.outOfBand(api.variables.delete(dev, name))),
      h.outOfBand(api.domains.delete(dev, domains[0] ?? "")),
      h.outOfBand(api.crons.delete(cron?.environmentId ?? "", cron?.id ?? "")),
      // The team takes its application with it: the TeamApplication is gone too.
      h.outOfBand(api.teams.delete(team?.uuid ?? "")),
      h.outOfBand(api.sshKeys.delete(key?.uuid ?? "")),
    ]);
    const before = await c.stats();

    const destroy = await c.destroy();
    expect({ code: destroy.code, tail: destroy.code === 0 ? "" : destroy.output.slice(-2000) }).toEqual({
      code: 0,
      tail: "",
    });
    c.report(
      c.figures([destroy], await c.stats(), before),
      "destroy after 9 objects were deleted out of band",
    );
    expect(c.checkpoint().resources).toEqual([]);
    await h.expectAsSeeded();
    await c.expectNoSecrets();
  });

  it("13. preview refuses bad input by field, with no write: unknown PHP version, taken label, taken variable", async () => {
    const c = await h.newCase("13 preview catches bad input", { config: { phpVersion: "9.9" } });
    const api = h.api();
    const dev = h.sim.environments.dev;
    const byHand = "value-set-by-hand-7c1e9a";
    c.secrets.push(byHand);
    const previews: Figures[] = [];
    // The engine checks resources one at a time and stops at the first refusal: one problem per
    // preview, fixed before the next, as a user meets them.
    const refused = async (pattern: RegExp) => {
      const before = await c.stats();
      const preview = await c.preview();
      const after = await c.stats();
      previews.push(c.figures([preview], after, before));
      expect(preview.code).not.toBe(0);
      expect(preview.output).toMatch(pattern);
      expect(mutating(after)).toBe(mutating(before));
    };

    await refused(
      /property phpVersion value \{9\.9\} has a problem: phpVersion 9\.9 is not offered on environment/,
    );
    await c.removeConfig("phpVersion");

    // The program's CD environment label, taken by an environment on another branch.
    await h.outOfBand(
      api.environments.create(h.sim.applicationUuid, { label: CDE_LABEL, branch: "main", databases: [] }),
    );
    await refused(
      /property label value \{Reliability\} has a problem: Environment "Reliability" already exists in Acquia \(.*\) and differs from the program in branch\. Set `adopt: true`/,
    );
    const taken = Object.values((await h.sim.control.state()).environments).find(
      (e) => e.label === CDE_LABEL,
    );
    await h.outOfBand(api.environments.delete(taken?.id ?? ""));

    // One of its variables, set by hand to another value (which no output may repeat).
    await h.outOfBand(api.variables.create(dev, { name: "RELIABILITY_1", value: byHand }));
    await refused(
      /property name value \{RELIABILITY_1\} has a problem: EnvironmentVariable "RELIABILITY_1" already exists in Acquia \(.*\) and differs from the program in value\. Set `adopt: true`/,
    );
    c.report(sumFigures(previews), "three refused previews, no write");
    await h.outOfBand(api.variables.delete(dev, "RELIABILITY_1"));

    expect((await c.up()).code).toBe(0);
    await c.expectConverged();
  });

  it("14. a private key in SshKey.publicKey: preview refuses publicKey and never prints the key", async () => {
    const pem = String(
      generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }),
    );
    const c = await h.newCase("14 private key as publicKey", { config: { sshPublicKey: pem } });
    const keyLines = pem.split("\n").filter((line) => line.length > 20 && !line.startsWith("-----"));
    c.secrets.push(...keyLines);
    const before = await c.stats();
    const previews: CliResult[] = [];
    for (const flags of [[], ["--diff"]]) {
      const preview = await c.preview(...flags);
      previews.push(preview);
      expect(preview.code).not.toBe(0);
      expect(preview.output).toMatch(/SshKey resource 'ssh-key': property publicKey .*never the private key/);
      expect(keyLines.filter((line) => preview.output.includes(line))).toEqual([]);
    }
    const after = await c.stats();
    expect(mutating(after)).toBe(mutating(before));
    c.report(c.figures(previews, after, before), "two refused previews (with and without --diff)");

    await c.setConfig("sshPublicKey", ed25519PublicKey("reliability@ci"));
    expect((await c.up()).code).toBe(0);
    // Also proves no line of the key reached the backend or any output (c.secrets).
    await c.expectConverged();
  });

  it("15. a plain destroy right after a credential rotation fails saying what to run; --run-program destroys", async () => {
    const c = await h.newCase("15 destroy after a rotation");
    expect((await c.up()).code).toBe(0);
    const oldSecret = h.sim.clientSecret;
    const newSecret = await h.sim.control.rotateCredentials();
    await h.sim.control.expireTokens();
    c.secrets.push(oldSecret, newSecret);
    await c.setConfig("acquia:clientSecret", newSecret, true);
    const before = await c.stats();

    // A destroy does not run the program: the provider gets the config recorded at the last up, whose
    // secret Acquia now refuses, and says which commands bring the new one in.
    const plain = await c.destroy();
    expect(plain.code).not.toBe(0);
    expect(plain.output).toMatch(/were refused\. After a key rotation: run `pulumi destroy --run-program`/);
    expect(plain.output).toMatch(/or set ACLI_KEY and ACLI_SECRET to the new pair/);
    expect(mutating(await c.stats())).toBe(mutating(before));

    const destroy = await c.destroy("--run-program");
    expect(destroy.code).toBe(0);
    c.report(
      c.figures([plain, destroy], await c.stats(), before),
      "plain destroy refused, then --run-program",
    );
    expect(c.checkpoint().resources).toEqual([]);
    await h.expectAsSeeded();
    await c.expectNoSecrets();
  });

  it("16. adopt: true takes a differing object over; removing adopt afterwards previews no change", async () => {
    const c = await h.newCase("16 adopt, then adopt removed", { config: { adoptVariables: "true" } });
    const byHand = "value-set-by-hand-2f8d04";
    c.secrets.push(byHand);
    await h.outOfBand(
      h.api().variables.create(h.sim.environments.dev, { name: "RELIABILITY_1", value: byHand }),
    );
    const up = await c.up();
    expect(up.code).toBe(0);
    c.report(c.figures([up], await c.stats()), "up with adopt: true on the variables");
    // The adopted variable holds the program's value (checked against the simulator), and the program
    // without `adopt` previews no change.
    await c.removeConfig("adoptVariables");
    await c.expectConverged();
  });
});
