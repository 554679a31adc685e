// Regenerates the README's resource reference from the kind definitions (npm run docs).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { referenceMarkdown, withReference } from "./reference";

const path = join(__dirname, "..", "..", "README.md");
const before = readFileSync(path, "utf8");
const after = withReference(before, referenceMarkdown());
if (after !== before) writeFileSync(path, after);
console.log(after === before ? "README.md reference is up to date" : "README.md reference regenerated");
