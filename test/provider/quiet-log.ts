// The provider logs for the person running Pulumi; in these suites, tests that care collect the lines
// with `logged()`, and the rest stay out of the test output.
import { setLogSink } from "../../provider/runtime/log";

setLogSink(() => undefined);
