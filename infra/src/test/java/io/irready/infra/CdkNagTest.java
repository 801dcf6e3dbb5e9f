package io.irready.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** cdk-nag AwsSolutions must report nothing unsuppressed, with every optional part on and with none. */
class CdkNagTest {
    static List<Stack> stacks;

    @BeforeAll
    static void synthesize() {
        stacks = new ArrayList<>(Synth.full().stacks());
        stacks.addAll(Synth.minimal().stacks());
    }

    @Test
    void noOtherSynthesisErrorsOrWarnings() {
        List<String> messages = new ArrayList<>();
        for (Stack stack : stacks) {
            Annotations annotations = Annotations.fromStack(stack);
            annotations.findError("*", Match.anyValue()).forEach(m -> messages.add("ERROR " + m.getId() + ": " + m.getEntry().getData()));
            annotations.findWarning("*", Match.anyValue()).forEach(m -> messages.add("WARN " + m.getId() + ": " + m.getEntry().getData()));
        }
        assertThat(messages).as(String.join("\n", messages)).isEmpty();
    }

    @Test
    void noUnsuppressedAwsSolutionsFindings() {
        List<String> findings = new ArrayList<>();
        for (Stack stack : stacks) {
            Annotations annotations = Annotations.fromStack(stack);
            for (SynthesisMessage m : annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))) {
                findings.add("ERROR " + stack.getStackName() + " " + m.getId() + ": " + m.getEntry().getData());
            }
            for (SynthesisMessage m : annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))) {
                findings.add("WARN " + stack.getStackName() + " " + m.getId() + ": " + m.getEntry().getData());
            }
        }
        assertThat(findings).as(String.join("\n", findings)).isEmpty();
    }
}
