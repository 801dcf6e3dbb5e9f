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
}
