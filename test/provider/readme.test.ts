import { readFileSync } from "node:fs";
import { join } from "node:path";
import { END, START, referenceMarkdown } from "../../scripts/reference";

// The README's resource reference is generated from the kind definitions; this keeps the two in step.
describe("README reference", () => {
  it("matches the kind definitions (run `npm run docs` after changing a kind)", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
    const section = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    expect(section).toBe(referenceMarkdown());
  });
});
