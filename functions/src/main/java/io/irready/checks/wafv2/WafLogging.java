package io.irready.checks.wafv2;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.inventory.wafv2.WafCollector;
import io.irready.inventory.wafv2.WafInventory;
import io.irready.inventory.wafv2.WebAcl;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code waf-logging}: every WAFv2 web ACL has a logging configuration. CloudFront web ACLs are
 * judged from us-east-1, where they live. A web ACL that AWS Firewall Manager created
 * ({@code FMManagedWebACLV2…}) takes its logging from the Firewall Manager policy in the administrator
 * account, not from this account: without logging it is NOT_APPLICABLE here, with a pointer to the policy.
 */
public final class WafLogging implements Check, Routed {
    public static final String ID = "waf-logging";

    /** The name prefix Firewall Manager gives the web ACLs it creates in member accounts. */
    static final String FIREWALL_MANAGER_PREFIX = "FMManagedWebACLV2";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "Every WAFv2 web ACL logs the requests it inspects",
            Severity.MEDIUM,
            "wafv2",
            "AWS::WAFv2::WebACL",
            Granularity.RESOURCE,
            "WAF logs hold every inspected request with its client IP, URI, headers and the rule that matched: "
                    + "the record of an exploitation attempt, of credential stuffing or scraping, and often the only "
                    + "place the attacker's source addresses of an application-layer attack are kept. WAF keeps no "
                    + "request history of its own beyond a three-hour sample.",
            new Remediation(
                    "WAF & Shield console → Web ACLs → (region, or Global (CloudFront)) → (web ACL) → Logging and "
                            + "metrics → Enable logging → choose a destination named aws-waf-logs-… (CloudWatch Logs "
                            + "group, S3 bucket or Firehose stream) → Save.",
                    "aws wafv2 put-logging-configuration --region <region> --logging-configuration "
                            + "ResourceArn=<web-acl-arn>,LogDestinationConfigs=<arn:aws:logs:<region>:<account>:"
                            + "log-group:aws-waf-logs-<name>>"),
            List.of(WafCollector.LIST_WEB_ACLS, WafCollector.GET_LOGGING_CONFIGURATION),
            new References(List.of(), List.of("WAF.11", "WAF.1"), List.of(), List.of("T1562.008")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.wafv2", "DeleteLoggingConfiguration").disablesEvidence()
                    .because("deleting a web ACL's logging configuration stops its request logs")
            .on("aws.wafv2", "PutLoggingConfiguration")
                    .because("a logging configuration starts (or redirects) a web ACL's request logs")
            .on("aws.wafv2", "CreateWebACL").because("a new web ACL is judged; it starts without logging")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (WebAcl acl : ctx.service(WafInventory.class).webAcls()) {
            if (!ctx.scope().includes(acl.arn())) {
                continue;
            }
            String what = ("CLOUDFRONT".equals(acl.scope()) ? "CloudFront web ACL " : "Web ACL ") + acl.name();
            if (acl.logged()) {
                findings.add(ctx.pass(acl.arn(), what + " logs its requests to "
                        + String.join(", ", acl.logDestinations()) + "."));
            } else if (acl.name().startsWith(FIREWALL_MANAGER_PREFIX)) {
                findings.add(ctx.notApplicable(acl.arn(), what + " is managed by AWS Firewall Manager: its "
                        + "logging is set in the Firewall Manager policy of the administrator account, not here."));
            } else {
                findings.add(ctx.fail(acl.arn(), what + " has no logging configuration: the requests it inspects "
                        + "and blocks leave no record. Enable logging (aws wafv2 put-logging-configuration "
                        + "--logging-configuration ResourceArn=" + acl.arn()
                        + ",LogDestinationConfigs=<aws-waf-logs-… destination ARN>)."));
            }
        }
        return findings;
    }
}
