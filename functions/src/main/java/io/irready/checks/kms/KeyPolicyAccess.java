package io.irready.checks.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a KMS key policy the way it matters for one role and one action. Pure; deliberately simple:
 * conditions are not evaluated (an Allow with conditions counts as allowing, a Deny with conditions does
 * not count as denying — both are reported as notes), {@code NotPrincipal} statements are skipped with a note.
 *
 * <p>In KMS a key policy must allow an action for anyone to have it: either directly (the role ARN, or every
 * principal {@code *}) or by delegating to IAM (the account root), in which case the role's IAM policies decide.
 */
final class KeyPolicyAccess {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param direct    a statement allows the role itself (or {@code *}) the action
     * @param viaIam    a statement allows the account root: the role's IAM policies decide
     * @param denied    an unconditional Deny matches the role and the action
     * @param notes     simplifications that applied
     */
    record Verdict(boolean direct, boolean viaIam, boolean denied, Set<String> notes) {
    }

    private KeyPolicyAccess() {
    }

    static Verdict judge(String policyJson, String roleArn, String account, String action) {
        JsonNode policy;
        try {
            policy = JSON.readTree(policyJson);
        } catch (Exception e) {
            return new Verdict(false, false, false, Set.of("the key policy could not be parsed"));
        }
        boolean direct = false;
        boolean viaIam = false;
        boolean denied = false;
        Set<String> notes = new LinkedHashSet<>();
        for (JsonNode statement : list(policy.path("Statement"))) {
            boolean allow = "Allow".equalsIgnoreCase(statement.path("Effect").asText());
            boolean conditional = statement.has("Condition") && !statement.path("Condition").isEmpty();
            if (!matchesAction(statement, action)) {
                continue;
            }
            if (statement.has("NotPrincipal")) {
                notes.add("a NotPrincipal statement in the key policy was not evaluated");
                continue;
            }
            Who who = who(statement.path("Principal"), roleArn, account);
            if (who == Who.NOBODY) {
                continue;
            }
            if (!allow) {
                if (conditional) {
                    notes.add("a conditional Deny in the key policy was not evaluated");
                } else {
                    denied = true;
                }
                continue;
            }
            if (conditional) {
                notes.add("conditions in the key policy were not evaluated");
            }
            if (who == Who.EVERYONE) {
                notes.add("a key policy statement for every principal (*) was counted");
            }
            if (who == Who.ACCOUNT) {
                viaIam = true;
            } else {
                direct = true;
            }
        }
        return new Verdict(direct, viaIam, denied, notes);
    }

    private enum Who { ROLE, EVERYONE, ACCOUNT, NOBODY }

    private static Who who(JsonNode principal, String roleArn, String account) {
        List<String> values = new ArrayList<>();
        if (principal.isTextual()) {
            values.add(principal.asText());
        } else {
            list(principal.path("AWS")).forEach(v -> values.add(v.asText()));
        }
        Who result = Who.NOBODY;
        for (String v : values) {
            if (v.equals(roleArn)) {
                return Who.ROLE;
            }
            if (v.equals("*")) {
                result = Who.EVERYONE;
            } else if (result == Who.NOBODY && (v.equals(account) || v.matches("arn:aws[a-z-]*:iam::"
                    + Pattern.quote(account) + ":root"))) {
                result = Who.ACCOUNT;
            }
        }
        return result;
    }

    private static boolean matchesAction(JsonNode statement, String action) {
        if (statement.has("NotAction")) {
            return list(statement.path("NotAction")).stream().noneMatch(p -> glob(p.asText(), action));
        }
        return list(statement.path("Action")).stream().anyMatch(p -> glob(p.asText(), action));
    }

    /** IAM action globs: {@code *} and {@code ?}, case-insensitive. */
    static boolean glob(String pattern, String action) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return action.toLowerCase(Locale.ROOT).matches(regex.toString());
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node);
        }
        return out;
    }
}
