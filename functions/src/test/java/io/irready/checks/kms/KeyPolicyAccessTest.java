package io.irready.checks.kms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyPolicyAccessTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/ir";

    @Test
    void accountIdPrincipalDelegatesToIamAndWildcardsMatch() {
        var v = KeyPolicyAccess.judge("""
                {"Statement":{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"kms:ReEncrypt*"}}""",
                ROLE, "123456789012", "kms:ReEncryptFrom");
        assertThat(v.viaIam()).isTrue();
        assertThat(v.direct()).isFalse();
        assertThat(KeyPolicyAccess.judge("""
                {"Statement":{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"kms:ReEncrypt*"}}""",
                ROLE, "123456789012", "kms:Decrypt").viaIam()).isFalse();
    }

    @Test
    void notActionAndNotPrincipalAreHandled() {
        var v = KeyPolicyAccess.judge("""
                {"Statement":[
                  {"Effect":"Deny","Principal":"*","NotAction":["kms:Decrypt"]},
                  {"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:role/admin"},"Action":"kms:*"},
                  {"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:role/ir"]},"Action":"kms:*"}]}""",
                ROLE, "123456789012", "kms:Decrypt");
        assertThat(v.direct()).isTrue();
        assertThat(v.denied()).isFalse();
        assertThat(v.notes()).containsExactly("a NotPrincipal statement in the key policy was not evaluated");

        assertThat(KeyPolicyAccess.judge("""
                {"Statement":[{"Effect":"Deny","Principal":"*","NotAction":["kms:Decrypt"]}]}""",
                ROLE, "123456789012", "kms:CreateGrant").denied()).isTrue();
    }

    @Test
    void unparsablePolicyAllowsNothingAndSaysSo() {
        var v = KeyPolicyAccess.judge("{not json", ROLE, "123456789012", "kms:Decrypt");
        assertThat(v.direct() || v.viaIam()).isFalse();
        assertThat(v.notes()).containsExactly("the key policy could not be parsed");
    }

    @Test
    void accountRootOfEveryPartitionDelegatesToIam() {
        String cnRole = "arn:aws-cn:iam::123456789012:role/ir";
        var cn = KeyPolicyAccess.judge("""
                {"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws-cn:iam::123456789012:root"]},
                  "Action":"kms:*"}]}""", cnRole, "123456789012", "kms:Decrypt");
        assertThat(cn.viaIam()).isTrue();
        var gov = KeyPolicyAccess.judge("""
                {"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws-us-gov:iam::123456789012:root"},
                  "Action":"kms:Decrypt"}]}""", ROLE, "123456789012", "kms:Decrypt");
        assertThat(gov.viaIam()).isTrue();
        // another account's root delegates nothing to this account's roles
        assertThat(KeyPolicyAccess.judge("""
                {"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},
                  "Action":"kms:Decrypt"}]}""", ROLE, "123456789012", "kms:Decrypt").viaIam()).isFalse();
    }

    @Test
    void conditionsAreNotedAndServicePrincipalsNeverNameTheRole() {
        var v = KeyPolicyAccess.judge("""
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"svc","Effect":"Allow","Principal":{"Service":"logs.amazonaws.com"},"Action":"kms:*"},
                  {"Effect":"Deny","Principal":{"AWS":"*"},"Action":"kms:Decrypt",
                   "Condition":{"Bool":{"aws:SecureTransport":"false"}}},
                  {"Effect":"Allow","Principal":"*","Action":["kms:Encrypt","kms:Decrypt"],
                   "Condition":{"StringEquals":{"kms:CallerAccount":["123456789012"]}}}]}""",
                ROLE, "123456789012", "kms:Decrypt");
        assertThat(v.direct()).isTrue();
        assertThat(v.viaIam()).isFalse();
        assertThat(v.denied()).isFalse();
        assertThat(v.notes()).containsExactly("a conditional Deny in the key policy was not evaluated",
                "conditions in the key policy were not evaluated",
                "a key policy statement for every principal (*) was counted");

        assertThat(KeyPolicyAccess.judge("""
                {"Statement":[{"Effect":"Allow","Principal":{"Service":"logs.amazonaws.com"},"Action":"kms:*"}]}""",
                ROLE, "123456789012", "kms:Decrypt").direct()).isFalse();
    }
}
