package io.irready.testing;

import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.xml;

import io.irready.cli.Cli;
import io.irready.cli.Main;
import io.irready.core.CheckRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@code irready} CLI in-process, capturing stdout, stderr and the exit code. The seam for
 * end-to-end scan tests: {@link #scan} points {@code irready scan} at an {@link AwsWire} account,
 * e.g. {@code CliRun.scan(aws, Catalog.registry(), "--checks", "cloudtrail-logging-all-regions")}
 * after stubbing the account's CloudTrail/S3/KMS wire responses and {@link #stubCallerIdentity}.
 *
 * @param exitCode what the process would exit with
 * @param out      standard output
 * @param err      standard error
 */
public record CliRun(int exitCode, String out, String err) {
    public static final Instant NOW = Instant.parse("2026-11-27T05:00:00Z");

    /** {@code irready args…} with the given checks and {@code IRREADY_*} environment. */
    public static CliRun run(CheckRegistry registry, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(new PrintWriter(out, true), new PrintWriter(err, true), env, registry,
                Clock.fixed(NOW, ZoneOffset.UTC));
        int code = new Main(cli).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    public static CliRun run(CheckRegistry registry, String... args) {
        return run(registry, Map.of(), args);
    }

    /**
     * {@code irready scan --endpoint-url <aws> --region eu-west-1 args…}: every SDK client talks to
     * {@code aws}; stub {@link #stubCallerIdentity} first.
     */
    public static CliRun scan(AwsWire aws, CheckRegistry registry, String... args) {
        List<String> all = new ArrayList<>(List.of("scan", "--endpoint-url", aws.endpoint().toString(),
                "--region", AwsWire.REGION));
        all.addAll(List.of(args));
        return run(registry, all.toArray(String[]::new));
    }

    /** STS GetCallerIdentity (AWS query protocol) answering with {@code account}. */
    public static void stubCallerIdentity(AwsWire aws, String account) {
        aws.stub(queryCall("GetCallerIdentity").willReturn(xml("""
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult>
                    <Arn>arn:aws:iam::%s:user/auditor</Arn>
                    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
                    <Account>%s</Account>
                  </GetCallerIdentityResult>
                  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
                </GetCallerIdentityResponse>""".formatted(account, account))));
    }
}
