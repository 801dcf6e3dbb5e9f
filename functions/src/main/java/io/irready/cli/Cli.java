package io.irready.cli;

import io.irready.checks.Catalog;
import io.irready.core.CheckRegistry;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * What the CLI runs against: where it writes, the environment it reads {@code IRREADY_*} settings
 * from, the checks it knows and the clock. Tests build their own to capture output and to run
 * test checks; {@link #system()} is the real thing.
 *
 * @param out      standard output (reports, catalogs, policies)
 * @param err      standard error (progress, diagnostics)
 * @param env      environment variables ({@code IRREADY_*} configuration)
 * @param registry the checks this build ships
 * @param clock    time source for {@code observedAt}
 */
public record Cli(PrintWriter out, PrintWriter err, Map<String, String> env, CheckRegistry registry, Clock clock) {

    /** Standard streams as UTF-8 (generated docs must not depend on the terminal's locale), the real catalog. */
    public static Cli system() {
        return new Cli(utf8(FileDescriptor.out), utf8(FileDescriptor.err), System.getenv(), Catalog.registry(),
                Clock.systemUTC());
    }

    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }
}
