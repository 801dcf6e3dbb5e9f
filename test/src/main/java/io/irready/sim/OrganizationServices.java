package io.irready.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.sim.SimulatedOrganization.Membership;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Organizations (JSON 1.1) and STS {@code AssumeRole} (query XML) for a {@link SimulatedOrganization}.
 * Listings page by 20, as Organizations' default page size does, so that a large organization costs its
 * real number of calls. Only the management account may list; any member may describe the organization.
 */
final class OrganizationServices {
    static final int PAGE = 20;
    /** Access keys of the sessions {@code AssumeRole} hands out name the account they act in. */
    static final Pattern SESSION_KEY = Pattern.compile("ASIASIM(\\d{12})");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(.+)");
    private final SimulatedOrganization org;

    OrganizationServices(SimulatedOrganization org) {
        this.org = org;
    }

    /** The answer, or null when the request is not one of these operations. */
    Reply serve(AwsRequest r, String caller) {
        if ("sts".equals(r.service()) && "AssumeRole".equals(r.action())) {
            return assumeRole(r, caller);
        }
        if (!"organizations".equals(r.service())) {
            return null;
        }
        JsonNode in = r.json();
        if ("DescribeOrganization".equals(r.target())) {
            return describeOrganization();
        }
        if (!caller.equals(org.management.account)) {
            return Reply.jsonError(400, "AccessDeniedException", "You don't have permissions to access this resource.");
        }
        return switch (r.target()) {
            case "ListAccounts" -> accounts(org.memberships.keySet().stream().toList(), in);
            case "ListAccountsForParent" -> accounts(org.memberships.entrySet().stream()
                    .filter(e -> e.getValue().parent().equals(in.path("ParentId").asText()))
                    .map(Map.Entry::getKey).toList(), in);
            case "ListChildren" -> children(in);
            case "DescribeAccount" -> describeAccount(in.path("AccountId").asText());
            default -> null;
        };
    }

    private Reply assumeRole(AwsRequest r, String caller) {
        String roleArn = r.form().getOrDefault("RoleArn", "");
        Matcher m = ROLE_ARN.matcher(roleArn);
        String target = m.matches() ? m.group(1) : "";
        if (!m.matches() || !org.accounts.containsKey(target) || org.withoutAuditRole.contains(target)
                || !SimulatedOrganization.AUDIT_ROLE.equals(m.group(2))) {
            return Reply.queryError(403, "AccessDenied", "User: arn:aws:iam::" + caller + ":user/demo is not "
                    + "authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        String session = r.form().getOrDefault("RoleSessionName", "irready");
        return Reply.xml("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                + "<Credentials><AccessKeyId>ASIASIM" + target + "</AccessKeyId><SecretAccessKey>sim</SecretAccessKey>"
                + "<SessionToken>sim-session-" + target + "</SessionToken><Expiration>"
                + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "</Expiration></Credentials>"
                + "<AssumedRoleUser><AssumedRoleId>AROASIM:" + Reply.esc(session) + "</AssumedRoleId><Arn>arn:aws:sts::"
                + target + ":assumed-role/" + SimulatedOrganization.AUDIT_ROLE + "/" + Reply.esc(session)
                + "</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>sim</RequestId>"
                + "</ResponseMetadata></AssumeRoleResponse>");
    }

    private Reply describeOrganization() {
        String management = org.management.account;
        ObjectNode o = Reply.object();
        o.putObject("Organization").put("Id", SimulatedOrganization.ORGANIZATION_ID)
                .put("Arn", "arn:aws:organizations::" + management + ":organization/" + SimulatedOrganization.ORGANIZATION_ID)
                .put("FeatureSet", "ALL").put("MasterAccountId", management)
                .put("MasterAccountArn", "arn:aws:organizations::" + management + ":account/"
                        + SimulatedOrganization.ORGANIZATION_ID + "/" + management)
                .put("MasterAccountEmail", "aws+management@example.com");
        return Reply.json(o);
    }

    private Reply accounts(List<String> ids, JsonNode in) {
        int from = in.path("NextToken").isTextual() ? Integer.parseInt(in.path("NextToken").asText()) : 0;
        int size = in.path("MaxResults").asInt(PAGE);
        ObjectNode out = Reply.object();
        ArrayNode list = out.putArray("Accounts");
        ids.stream().skip(from).limit(size).forEach(id -> list.add(account(id)));
        if (from + size < ids.size()) {
            out.put("NextToken", String.valueOf(from + size));
        }
        return Reply.json(out);
    }

    private ObjectNode account(String id) {
        Membership m = org.memberships.get(id);
        ObjectNode a = Reply.object().put("Id", id)
                .put("Arn", "arn:aws:organizations::" + org.management.account + ":account/"
                        + SimulatedOrganization.ORGANIZATION_ID + "/" + id)
                .put("Email", "aws+" + id + "@example.com").put("Name", m.name())
                .put("State", m.state()).put("Status", "ACTIVE".equals(m.state()) ? "ACTIVE" : "SUSPENDED")
                .put("JoinedMethod", "CREATED").put("JoinedTimestamp", 1.7e9);
        return a;
    }

    private Reply describeAccount(String id) {
        if (!org.memberships.containsKey(id)) {
            return Reply.jsonError(400, "AccountNotFoundException", "You specified an account that doesn't exist.");
        }
        ObjectNode out = Reply.object();
        out.set("Account", account(id));
        return Reply.json(out);
    }

    private Reply children(JsonNode in) {
        String parent = in.path("ParentId").asText();
        ObjectNode out = Reply.object();
        ArrayNode list = out.putArray("Children");
        if ("ORGANIZATIONAL_UNIT".equals(in.path("ChildType").asText())) {
            org.ous.stream().filter(ou -> ou.parent().equals(parent))
                    .forEach(ou -> list.addObject().put("Id", ou.id()).put("Type", "ORGANIZATIONAL_UNIT"));
        } else {
            org.memberships.entrySet().stream().filter(e -> e.getValue().parent().equals(parent))
                    .forEach(e -> list.addObject().put("Id", e.getKey()).put("Type", "ACCOUNT"));
        }
        return Reply.json(out);
    }
}
