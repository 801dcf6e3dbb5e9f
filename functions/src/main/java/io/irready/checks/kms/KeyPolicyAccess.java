package io.irready.checks.kms;

import io.irready.core.ResourceIds;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Reads a KMS key policy the way it matters for one role and one action. Pure; deliberately simple:
 * conditions are not evaluated (an Allow with conditions counts as allowing, a Deny with conditions does
 * not count as denying — both are reported as notes), {@code NotPrincipal} statements are skipped with a note.
 *
 * <p>In KMS a key policy must allow an action for anyone to have it: either directly (the role ARN, or every
 * principal {@code *}) or by delegating to IAM (the account root), in which case the role's IAM policies decide.
 * The SDK's policy reader does the JSON: a single statement or a list, principals as {@code "*"} or by type,
 * values as a string or a list.
 */
final class KeyPolicyAccess {
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
        IamPolicy policy;
        try {
            policy = IamPolicy.fromJson(policyJson);
        } catch (RuntimeException e) {
            return new Verdict(false, false, false, Set.of("the key policy could not be parsed"));
        }
        boolean direct = false;
        boolean viaIam = false;
        boolean denied = false;
        Set<String> notes = new LinkedHashSet<>();
        for (IamStatement statement : policy.statements()) {
            boolean allow = "Allow".equalsIgnoreCase(statement.effect().value());
            boolean conditional = !statement.conditions().isEmpty();
            if (!matchesAction(statement, action)) {
                continue;
            }
            if (!statement.notPrincipals().isEmpty()) {
                notes.add("a NotPrincipal statement in the key policy was not evaluated");
                continue;
            }
            Who who = who(statement.principals(), roleArn, account);
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

    /** Only {@code "*"} and AWS principals can name a role or its account; service principals never do. */
    private static Who who(List<IamPrincipal> principals, String roleArn, String account) {
        Who result = Who.NOBODY;
        for (IamPrincipal principal : principals) {
            if (!principal.equals(IamPrincipal.ALL) && !principal.type().equals(IamPrincipalType.AWS)) {
                continue;
            }
            String v = principal.id();
            if (v.equals(roleArn)) {
                return Who.ROLE;
            }
            if (v.equals("*")) {
                result = Who.EVERYONE;
            } else if (result == Who.NOBODY && (v.equals(account) || isRootOf(v, account))) {
                result = Who.ACCOUNT;
            }
        }
        return result;
    }

    /** {@code arn:<partition>:iam::<account>:root}, in any partition. */
    private static boolean isRootOf(String principal, String account) {
        return ResourceIds.parse(principal)
                .filter(arn -> arn.service().equals("iam") && arn.region().isEmpty())
                .filter(arn -> arn.accountId().filter(account::equals).isPresent())
                .filter(arn -> arn.resourceAsString().equals("root"))
                .isPresent();
    }

    private static boolean matchesAction(IamStatement statement, String action) {
        if (!statement.notActions().isEmpty()) {
            return statement.notActions().stream().map(IamAction::value).noneMatch(p -> glob(p, action));
        }
        return statement.actions().stream().map(IamAction::value).anyMatch(p -> glob(p, action));
    }

    /** IAM action globs: {@code *} and {@code ?}, case-insensitive. */
    static boolean glob(String pattern, String action) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return action.toLowerCase(Locale.ROOT).matches(regex.toString());
    }
}
