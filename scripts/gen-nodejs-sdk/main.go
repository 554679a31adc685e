// gen-nodejs-sdk writes the typed Node.js SDK of a Pulumi package schema, for an SDK that ships
// inside another npm package (pulumi-acquia-cloud's plugin mode: `pulumi-acquia-cloud/plugin`).
//
//	gen-nodejs-sdk -version 0.1.0 [-tool NAME] <schema.json> <out-dir>
//
// It binds the schema strictly (schema.BindSpec validates it against Pulumi's metaschema and checks
// every type, reference and token; any diagnostic, warning or error, fails the run) and generates with
// pkg/v3's codegen/nodejs, the generator `pulumi package gen-sdk` uses. Then, because the SDK is
// compiled and published as part of its host package rather than as an npm package of its own:
//
//   - the npm package files are not written: package.json would carry `"pulumi": {"resource": true}`,
//     which makes a language host report the plugin as required and the engine download it from a
//     server; tsconfig.json and the README describe a package that does not exist;
//   - utilities.ts's getVersion() returns the schema's version instead of reading ./package.json
//     (the generator reads it even with language.nodejs.respectSchemaVersion, which is required here).
//
// <out-dir> must not exist yet (the caller swaps it in), so no file of an earlier run can survive.
// Prints the written paths, one a line.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// Generated files the embedded SDK does not use (see above). Any other non-TypeScript file is an
// error, so a generator upgrade that adds one (a postinstall script, say) is looked at, not shipped.
var dropped = map[string]bool{"package.json": true, "tsconfig.json": true, "README.md": true, ".gitignore": true}

// The one line of utilities.ts that reads the package version; a generator that no longer has it
// must be looked at (the SDK would otherwise read a package.json that is not there).
const versionRead = "let version = require('./package.json').version;"

func main() {
	version := flag.String("version", "", "the package version the SDK asks the engine for (required)")
	tool := flag.String("tool", "gen-nodejs-sdk", "the generator's name in each file's do-not-edit header")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: gen-nodejs-sdk -version X.Y.Z [-tool NAME] <schema.json> <out-dir>")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 2 || *version == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), flag.Arg(1), *version, *tool); err != nil {
		fmt.Fprintln(os.Stderr, "gen-nodejs-sdk:", err)
		os.Exit(1)
	}
}

func run(schemaPath, outDir, version, tool string) error {
	if _, err := os.Lstat(outDir); err == nil {
		return fmt.Errorf("%s exists: the SDK is written into a new directory only", outDir)
	}
	if _, err := semver.ParseTolerant(version); err != nil {
		return fmt.Errorf("-version %q: %w", version, err)
	}

	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	// Unknown fields fail too: a misspelt property name (say "replaceOnChange") would otherwise be
	// dropped without a word and change what the SDK does.
	var spec schema.PackageSpec
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	if spec.Version != "" && spec.Version != version {
		return fmt.Errorf("%s has version %s, but -version is %s", schemaPath, spec.Version, version)
	}
	spec.Version = version
	if !respectsSchemaVersion(spec) {
		return errors.New(`the schema must set language.nodejs.respectSchemaVersion: the SDK has no package.json to read its version from`)
	}
	if spec.PluginDownloadURL != "" {
		return fmt.Errorf("the schema sets pluginDownloadURL (%s): the engine would download the plugin instead of using the one the package ships", spec.PluginDownloadURL)
	}

	// The null loader: a schema that references another package fails (this one must stand alone).
	pkg, diags, err := schema.BindSpec(spec, schema.NewNullLoader(), schema.ValidationOptions{})
	if err != nil {
		return fmt.Errorf("binding %s: %w", schemaPath, err)
	}
	if len(diags) > 0 {
		for _, d := range diags {
			fmt.Fprintf(os.Stderr, "%s: %v\n", schemaPath, d)
		}
		return fmt.Errorf("%s: %d schema diagnostic(s); the SDK is generated from a clean schema only", schemaPath, len(diags))
	}

	files, err := nodejs.GeneratePackage(tool, pkg, nil, nil, false, nil)
	if err != nil {
		return fmt.Errorf("generating: %w", err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		switch {
		case dropped[name]:
		case strings.HasSuffix(name, ".ts") || name == ".gitattributes":
			names = append(names, name)
		default:
			return fmt.Errorf("the generator wrote %s, which gen-nodejs-sdk does not know what to do with", name)
		}
	}
	sort.Strings(names)

	utilities := string(files["utilities.ts"])
	if strings.Count(utilities, versionRead) != 1 {
		return fmt.Errorf("utilities.ts no longer reads the version with %q: update gen-nodejs-sdk for this generator", versionRead)
	}
	files["utilities.ts"] = []byte(strings.Replace(utilities, versionRead,
		fmt.Sprintf("// The schema's version (gen-nodejs-sdk): this SDK has no package.json of its own.\n    let version = %q;", version), 1))

	for _, name := range names {
		path := filepath.Join(outDir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
		fmt.Println(path)
	}
	return nil
}

func respectsSchemaVersion(spec schema.PackageSpec) bool {
	var info struct {
		RespectSchemaVersion bool `json:"respectSchemaVersion"`
	}
	raw, ok := spec.Language["nodejs"]
	return ok && json.Unmarshal(raw, &info) == nil && info.RespectSchemaVersion
}
