// pulumi-language-nodejs is a minimal Node.js language host for the Pulumi engine.
//
// Why it exists: the real host (module github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3)
// is not served by the Go module proxy our machines reach, and without a language host `pulumi up` only
// works for Automation API inline programs. scripts/install-pulumi-cli.sh builds this one next to
// `pulumi`, where the engine looks for a bundled language plugin.
//
// It follows the real host (sdk/nodejs/cmd/pulumi-language-nodejs/main.go at the same release) for
// everything a `runtime: nodejs` project needs: the engine starts it with optional `-v`/`--logtostderr`
// and `--tracing` flags and the engine address as the last argument, reads the port it prints, and calls
// Handshake/GetRequiredPackages/Run over gRPC. Run starts `node @pulumi/pulumi/cmd/run` (resolved from
// the program directory, so the program's own SDK runs it) with the flags and environment that script
// reads. What it leaves out, on purpose: the monitor proxy and the `--sync` pipes (only the long-removed
// synchronous invokes used them: @pulumi/pulumi 3.248 never reads them), the bun runtime, attaching a
// debugger, RunPlugin (Node.js plugins and policy packs), code generation/Link/Pack, fnm version
// switching and the out-of-memory hint.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/executable"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/logging"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/nodejs/npm"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

const (
	// The SDK script that runs a program; PULUMI_LANGUAGE_NODEJS_RUN_PATH overrides it (as in the real host).
	defaultRunPath = "@pulumi/pulumi/cmd/run"

	// cmd/run exits with this code after it has already shown the user an actionable error: the engine
	// is then told to bail out without adding a second, vaguer message.
	exitedAfterShowingUserActionableMessage = 32

	// How often to check that the engine is still alive (the real host's interval): once it is gone we
	// stop serving, so an orphaned host never lingers.
	engineHealthInterval = 5 * time.Minute
)

func main() {
	// -v and --logtostderr are glog flags, registered by the logging package; the engine passes them
	// when it runs with verbose logging. --tracing is passed on to the Node.js program.
	tracing := flag.String("tracing", "", "Emit tracing to a Zipkin-compatible tracing endpoint")
	showVersion := flag.Bool("version", false, "Print the current plugin version and exit")
	flag.Parse()
	if *showVersion {
		fmt.Println(hostVersion())
		return
	}
	logging.InitLogging(false, 0, false)
	cmdutil.InitTracing("pulumi-language-nodejs", "pulumi-language-nodejs", *tracing)

	var engineAddress string
	if args := flag.Args(); len(args) > 0 {
		engineAddress = args[0]
	}

	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	stop := make(chan bool) // closing it stops the gRPC server gracefully
	go func() {
		<-ctx.Done()
		cancel()
		close(stop)
	}()
	if engineAddress != "" {
		if err := rpcutil.Healthcheck(ctx, engineAddress, engineHealthInterval, cancel); err != nil {
			cmdutil.Exit(fmt.Errorf("could not start the health check of the engine at %s: %w", engineAddress, err))
		}
	}

	host := newLanguageHost(engineAddress, *tracing)
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: stop,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
		Options: rpcutil.TracingServerInterceptorOptions(nil),
	})
	if err != nil {
		cmdutil.Exit(fmt.Errorf("could not start language host RPC server: %w", err))
	}

	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)

	if err := <-handle.Done; err != nil {
		cmdutil.Exit(fmt.Errorf("language host RPC stopped serving: %w", err))
	}
}

// hostVersion is the version of the Pulumi SDK this host is built from (read from the build info, so a
// plain `go build` needs no -ldflags).
func hostVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == "github.com/pulumi/pulumi/sdk/v3" {
				return dep.Version
			}
		}
	}
	return "v0.0.0-dev"
}

type nodeLanguageHost struct {
	// Answers Unimplemented for the RPCs below that we do not provide; the engine copes with that
	// (e.g. it only calls GetRequiredPlugins when GetRequiredPackages is unimplemented).
	pulumirpc.UnimplementedLanguageRuntimeServer

	engineAddress string
	tracing       string
	cancelCtx     context.Context // cancelled by the Cancel RPC: stops a running program
	cancelFunc    context.CancelFunc
}

func newLanguageHost(engineAddress, tracing string) *nodeLanguageHost {
	ctx, cancel := context.WithCancel(context.Background())
	return &nodeLanguageHost{engineAddress: engineAddress, tracing: tracing, cancelCtx: ctx, cancelFunc: cancel}
}

// nodeOptions are the `runtime.options` of Pulumi.yaml that the real host understands.
type nodeOptions struct {
	typescript     bool   // run .ts through the SDK's ts-node (default true)
	tsconfigpath   string // tsconfig for ts-node
	nodeargs       string // extra arguments for node, e.g. --max-old-space-size=4096
	packagemanager npm.PackageManagerType
}

func parseOptions(options map[string]any) (nodeOptions, error) {
	opts := nodeOptions{typescript: true, packagemanager: npm.AutoPackageManager}
	if v, ok := options["typescript"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			return opts, fmt.Errorf("runtime option `typescript` in Pulumi.yaml must be a boolean, got %v", v)
		}
		opts.typescript = b
	}
	if v, ok := options["tsconfig"]; ok {
		s, isString := v.(string)
		if !isString {
			return opts, fmt.Errorf("runtime option `tsconfig` in Pulumi.yaml must be a string, got %v", v)
		}
		opts.tsconfigpath = s
	}
	if v, ok := options["nodeargs"]; ok {
		s, isString := v.(string)
		if !isString {
			return opts, fmt.Errorf("runtime option `nodeargs` in Pulumi.yaml must be a string, got %v", v)
		}
		opts.nodeargs = s
	}
	if v, ok := options["packagemanager"]; ok {
		switch pm := npm.PackageManagerType(fmt.Sprint(v)); pm {
		case npm.AutoPackageManager, npm.NpmPackageManager, npm.YarnPackageManager, npm.PnpmPackageManager,
			npm.BunPackageManager:
			opts.packagemanager = pm
		default:
			return opts, fmt.Errorf(
				"runtime option `packagemanager` in Pulumi.yaml must be one of auto, npm, yarn, pnpm or bun, got %q", pm)
		}
	}
	return opts, nil
}

func (host *nodeLanguageHost) Handshake(
	ctx context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	// Only an attached host (PULUMI_DEBUG_LANGUAGES) learns the engine address this way; a launched one
	// got it as its argument.
	if addr := req.GetEngineAddress(); addr != "" {
		host.engineAddress = addr
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (host *nodeLanguageHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: hostVersion()}, nil
}

// GetRequiredPackages lists the resource plugins the program's npm packages declare (`"pulumi":
// {"resource": true}` in their package.json), so the engine can install them before running it. Unlike
// the real host, which walks the whole program directory, it reads only the flat npm layout
// (node_modules/<pkg> and node_modules/@scope/<pkg>). Like the real host it never fails: unreadable
// packages are logged and skipped.
func (host *nodeLanguageHost) GetRequiredPackages(
	ctx context.Context, req *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	nodeModules := filepath.Join(req.GetInfo().GetProgramDirectory(), "node_modules")
	var packageDirs []string
	entries, err := os.ReadDir(nodeModules)
	if err != nil {
		logging.V(3).Infof("no plugins discovered: cannot read %s: %v", nodeModules, err)
	}
	for _, entry := range entries {
		dir := filepath.Join(nodeModules, entry.Name())
		if !strings.HasPrefix(entry.Name(), "@") {
			packageDirs = append(packageDirs, dir)
			continue
		}
		scoped, err := os.ReadDir(dir)
		if err != nil {
			logging.V(3).Infof("skipping %s: %v", dir, err)
		}
		for _, pkg := range scoped {
			packageDirs = append(packageDirs, filepath.Join(dir, pkg.Name()))
		}
	}

	var packages []*pulumirpc.PackageDependency
	for _, dir := range packageDirs {
		dep, err := pluginDependency(filepath.Join(dir, "package.json"))
		if err != nil {
			logging.V(3).Infof("skipping %s: %v", dir, err)
		} else if dep != nil {
			packages = append(packages, dep)
		}
	}
	return &pulumirpc.GetRequiredPackagesResponse{Packages: packages}, nil
}

// pluginDependency reads one package.json: nil when the package carries no resource plugin.
func pluginDependency(path string) (*pulumirpc.PackageDependency, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var info struct {
		Name    string                  `json:"name"`
		Version string                  `json:"version"`
		Pulumi  plugin.PulumiPluginJSON `json:"pulumi"`
	}
	if err := json.Unmarshal(b, &info); err != nil {
		return nil, err
	}
	if !info.Pulumi.Resource {
		return nil, nil
	}
	// Naming rules of the real host: an explicit pulumi.name, else @pulumi/<name> → <name>; third-party
	// packages must name their plugin.
	name := info.Pulumi.Name
	if name == "" {
		if !strings.HasPrefix(info.Name, "@pulumi/") {
			return nil, fmt.Errorf("third-party plugin package %q has no \"name\" under \"pulumi\"", info.Name)
		}
		name = strings.TrimPrefix(info.Name, "@pulumi/")
	}
	version := info.Pulumi.Version
	if version == "" {
		version = info.Version
	}
	if version == "" {
		return nil, errors.New(`missing "version"`)
	}
	if !strings.HasPrefix(version, "v") {
		version = "v" + version
	}
	dep := &pulumirpc.PackageDependency{Name: name, Kind: "resource", Version: version, Server: info.Pulumi.Server}
	if p := info.Pulumi.Parameterization; p != nil {
		dep.Parameterization = &pulumirpc.PackageParameterization{Name: p.Name, Version: p.Version, Value: p.Value}
	}
	return dep, nil
}

// locateModule resolves mod with node's require.resolve from the program directory, so the program's own
// @pulumi/pulumi runs it (the real host does the same).
func locateModule(ctx context.Context, nodeBin, programDir, mod string) (string, error) {
	quoted, _ := json.Marshal(mod)
	script := fmt.Sprintf("console.log(require.resolve(%s))", quoted)
	cmd := exec.CommandContext(ctx, nodeBin, "-e", script)
	cmd.Dir = programDir
	out, err := cmd.Output()
	if err == nil {
		return strings.TrimSpace(string(out)), nil
	}
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) && strings.Contains(string(exitErr.Stderr), "Cannot find module") {
		return "", fmt.Errorf("@pulumi/pulumi is not installed in %s (node cannot resolve %s from there): "+
			"run `npm install` in that directory (or `pulumi install`), with @pulumi/pulumi in its package.json",
			programDir, mod)
	}
	if errors.As(err, &exitErr) {
		return "", fmt.Errorf("could not resolve %s from %s with %s: %s", mod, programDir, nodeBin,
			strings.TrimSpace(string(exitErr.Stderr)))
	}
	return "", fmt.Errorf("could not run %s to resolve %s from %s: %w", nodeBin, mod, programDir, err)
}

// Run runs the program: `node [nodeargs] <@pulumi/pulumi/cmd/run> <flags> <entry point> [args]`. Errors go
// back in RunResponse.Error, which the engine shows to the user as the reason the update failed.
func (host *nodeLanguageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	fail := func(format string, args ...any) (*pulumirpc.RunResponse, error) {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf(format, args...)}, nil
	}
	info := req.GetInfo()
	if info == nil {
		return fail("the engine sent no program info (a Pulumi CLI older than this language host, %s?): "+
			"use the CLI scripts/install-pulumi-cli.sh builds", hostVersion())
	}
	if req.GetAttachDebugger() {
		return fail("this language host (built by scripts/install-pulumi-cli.sh) cannot attach a debugger: " +
			"run without --attach-debugger, or use the official Pulumi CLI")
	}
	opts, err := parseOptions(info.GetOptions().AsMap())
	if err != nil {
		return fail("%v", err)
	}
	nodeBin, err := exec.LookPath("node")
	if err != nil {
		return fail("could not find node on the $PATH (%v): install Node.js or put it on the PATH of `pulumi`", err)
	}
	runPath := os.Getenv("PULUMI_LANGUAGE_NODEJS_RUN_PATH")
	if runPath == "" {
		runPath = defaultRunPath
	}
	if runPath, err = locateModule(ctx, nodeBin, info.GetProgramDirectory(), runPath); err != nil {
		return fail("%v", err)
	}

	cfg, err := constructConfig(req.GetConfig())
	if err != nil {
		return fail("failed to serialize configuration: %v", err)
	}
	secretKeys, err := json.Marshal(append([]string{}, req.GetConfigSecretKeys()...))
	if err != nil {
		return fail("failed to serialize configuration secret keys: %v", err)
	}
	// Later entries win over inherited ones (os/exec keeps the last duplicate).
	env := append(os.Environ(), "PULUMI_CONFIG="+cfg, "PULUMI_CONFIG_SECRET_KEYS="+string(secretKeys))
	if opts.typescript {
		env = append(env, "PULUMI_NODEJS_TYPESCRIPT=true")
	}
	if opts.tsconfigpath != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+opts.tsconfigpath)
	}

	// nodeargs is split on whitespace (the real host uses shell-style splitting, which also honours quotes).
	args := append(strings.Fields(opts.nodeargs), host.constructArguments(req, runPath)...)
	logging.V(5).Infof("Language host launching process: %s %s", nodeBin, strings.Join(args, " "))

	// Stop the program when the engine sends Cancel or drops this request: SIGINT first, so the SDK can
	// flush, then SIGKILL after 5 s.
	cmdCtx, cmdCancel := context.WithCancel(host.cancelCtx)
	defer cmdCancel()
	context.AfterFunc(ctx, cmdCancel)
	cmd := exec.CommandContext(cmdCtx, nodeBin, args...)
	cmd.Cancel = func() error {
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
	cmd.WaitDelay = 5 * time.Second
	cmd.Env = env
	// Node may switch its stdio to non-blocking mode; handing it our own file descriptors would then
	// break our writes. Wrapping them makes os/exec copy through pipes instead (as the real host does).
	cmd.Stdout = struct{ io.Writer }{os.Stdout}
	cmd.Stderr = struct{ io.Writer }{os.Stderr}

	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		switch {
		case errors.As(err, &exitErr) && exitErr.ExitCode() == exitedAfterShowingUserActionableMessage:
			// The SDK already logged the error through the engine: stop without another message.
			return &pulumirpc.RunResponse{Bail: true}, nil
		case errors.As(err, &exitErr) && exitErr.ExitCode() > 0:
			return fail("Program exited with non-zero exit code: %d", exitErr.ExitCode())
		case errors.As(err, &exitErr):
			return fail("Program exited unexpectedly: %v", exitErr)
		default:
			return fail("Problem executing program (could not run language executor %s): %v", nodeBin, err)
		}
	}
	return &pulumirpc.RunResponse{}, nil
}

// constructArguments builds the command line of @pulumi/pulumi/cmd/run (see its usage()).
func (host *nodeLanguageHost) constructArguments(req *pulumirpc.RunRequest, runPath string) []string {
	args := []string{runPath}
	maybeAppendArg := func(k, v string) {
		if v != "" {
			args = append(args, "--"+k, v)
		}
	}
	// No monitor proxy: the program talks to the engine's resource monitor directly, as inline
	// Automation API programs do.
	maybeAppendArg("monitor", req.GetMonitorAddress())
	maybeAppendArg("engine", host.engineAddress)
	maybeAppendArg("organization", req.GetOrganization())
	maybeAppendArg("project", req.GetProject())
	maybeAppendArg("root-directory", req.GetInfo().GetRootDirectory())
	maybeAppendArg("stack", req.GetStack())
	maybeAppendArg("pwd", req.GetInfo().GetProgramDirectory())
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	maybeAppendArg("parallel", strconv.Itoa(int(req.GetParallel())))
	maybeAppendArg("tracing", host.tracing)
	// The engine always sends an entry point: "." for the program directory (package.json `main`), or
	// the file named by Pulumi.yaml `main`.
	entryPoint := req.GetInfo().GetEntryPoint()
	if entryPoint == "" {
		entryPoint = "."
	}
	args = append(args, entryPoint)
	return append(args, req.GetArgs()...)
}

// constructConfig serializes the stack config for PULUMI_CONFIG. Keys are sent as `<ns>:config:<name>`,
// the old spelling every @pulumi/pulumi version understands (as the real host does).
func constructConfig(configMap map[string]string) (string, error) {
	transformed := make(map[string]string, len(configMap))
	for k, v := range configMap {
		key, err := config.ParseKey(k)
		if err != nil {
			return "", err
		}
		transformed[key.Namespace()+":config:"+key.Name()] = v
	}
	b, err := json.Marshal(transformed)
	return string(b), err
}

// InstallDependencies backs `pulumi install` (and `pulumi new`): it runs the project's package manager
// (npm unless a lock file or the packagemanager option says otherwise) at the workspace root.
func (host *nodeLanguageHost) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, server pulumirpc.LanguageRuntime_InstallDependenciesServer,
) error {
	closer, stdout, stderr, err := rpcutil.MakeInstallDependenciesStreams(server, req.GetIsTerminal())
	if err != nil {
		return err
	}
	defer closer.Close()

	programDir := req.GetInfo().GetProgramDirectory()
	opts, err := parseOptions(req.GetInfo().GetOptions().AsMap())
	if err != nil {
		return err
	}
	root := programDir
	if wsRoot, err := npm.FindWorkspaceRoot(programDir); err == nil {
		fmt.Fprintf(stdout, "Detected workspace root at %s\n", wsRoot)
		root = wsRoot
	} else if !errors.Is(err, npm.ErrNotInWorkspace) {
		return fmt.Errorf("could not look for an npm workspace around %s: %w", programDir, err)
	}
	fmt.Fprint(stdout, "Installing dependencies...\n\n")
	name, err := npm.Install(server.Context(), opts.packagemanager, root, false /*production*/, stdout, stderr)
	if err != nil {
		return fmt.Errorf("installing the dependencies of %s with %s failed (see its output above): %w; "+
			"fix the cause and run `pulumi install` again", root, name, err)
	}
	fmt.Fprint(stdout, "Finished installing dependencies\n\n")
	return closer.Close()
}

// About backs `pulumi about`.
func (host *nodeLanguageHost) About(ctx context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	resp := &pulumirpc.AboutResponse{Metadata: map[string]string{}}
	if nodeBin, err := executable.FindExecutable("node"); err == nil {
		resp.Executable = nodeBin
		if out, err := exec.CommandContext(ctx, nodeBin, "--version").Output(); err == nil {
			resp.Version = strings.TrimSpace(string(out))
		}
	}
	opts, err := parseOptions(req.GetInfo().GetOptions().AsMap())
	if err != nil {
		return nil, err
	}
	if pm, err := npm.ResolvePackageManager(opts.packagemanager, req.GetInfo().GetProgramDirectory()); err == nil {
		resp.Metadata["packagemanager"] = pm.Name()
		if v, err := pm.Version(); err == nil {
			resp.Metadata["packagemanagerVersion"] = v.String()
		}
	}
	return resp, nil
}

// GetProgramDependencies backs `pulumi about`: the packages in the program's lock file.
func (host *nodeLanguageHost) GetProgramDependencies(
	ctx context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	opts, err := parseOptions(req.GetInfo().GetOptions().AsMap())
	if err != nil {
		return nil, err
	}
	dir := req.GetInfo().GetProgramDirectory()
	pm, err := npm.ResolvePackageManager(opts.packagemanager, dir)
	if err != nil {
		return nil, fmt.Errorf("could not determine the package manager of %s: %w", dir, err)
	}
	packages, err := pm.ListPackages(ctx, dir, req.GetTransitiveDependencies())
	if err != nil {
		return nil, fmt.Errorf("could not list the dependencies of %s (run `pulumi install` first?): %w", dir, err)
	}
	deps := make([]*pulumirpc.DependencyInfo, len(packages))
	for i, pkg := range packages {
		deps[i] = &pulumirpc.DependencyInfo{Name: pkg.Name, Version: pkg.Version}
	}
	return &pulumirpc.GetProgramDependenciesResponse{Dependencies: deps}, nil
}

// Template is a no-op, as in the real host (`pulumi new` calls it).
func (host *nodeLanguageHost) Template(context.Context, *pulumirpc.TemplateRequest) (*pulumirpc.TemplateResponse, error) {
	return &pulumirpc.TemplateResponse{}, nil
}

// Cancel stops a running program (the engine sends it on Ctrl-C).
func (host *nodeLanguageHost) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	host.cancelFunc()
	return &emptypb.Empty{}, nil
}
