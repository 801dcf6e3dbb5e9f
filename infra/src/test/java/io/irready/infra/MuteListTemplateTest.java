package io.irready.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** {@code -c mutelist=FILE}: the file is validated at synth and reaches the audit functions as a layer. */
class MuteListTemplateTest {
    @TempDir
    static Path dir;
    static Synth on;
    static Template off;

    @BeforeAll
    static void synthesize() throws Exception {
        Path file = dir.resolve("mutelist.json");
        Files.writeString(file, """
                {"mutes": [{"check": "vpc-flow-logs-enabled", "resource": "arn:aws:ec2:*:vpc/vpc-0sandbox*",
                            "reason": "sandbox VPC, no workloads", "expires": "2099-01-01"}]}""");
        on = Synth.of(Map.of("homeRegion", "us-east-1", "mutelist", file.toString()));
        off = Synth.minimal().home;
    }

    @Test
    void theEventAndSweepFunctionsGetTheLayerAndThePathToTheFileInIt() {
        String layer = Cfn.logicalId(on.home, "AWS::Lambda::LayerVersion", "MuteListLayer");
        List<Map<String, Object>> audit = new ArrayList<>();
        for (Map<String, Object> fn : Cfn.propsOf(on.home, "AWS::Lambda::Function")) {
            Map<String, Object> env = Cfn.at(fn, "Environment", "Variables");
            if (env.containsKey("IRREADY_TABLE_NAME")) {
                audit.add(fn);
                assertThat(env).containsEntry("IRREADY_MUTELIST_FILE", "/opt/irready/mutelist.json");
                assertThat(Cfn.oneOrMany(fn.get("Layers"))).containsExactly(Cfn.ref(layer));
            }
        }
        assertThat(audit).hasSize(2);
        assertThat(Cfn.propsOf(on.home, "AWS::Lambda::LayerVersion")).singleElement()
                .satisfies(l -> assertThat(Cfn.oneOrMany(l.get("CompatibleRuntimes"))).containsExactly("java21"));
    }

    @Test
    void withoutAMuteListNothingChanges() {
        assertThat(Cfn.propsOf(off, "AWS::Lambda::LayerVersion")).isEmpty();
        for (Map<String, Object> fn : Cfn.propsOf(off, "AWS::Lambda::Function")) {
            assertThat(fn).doesNotContainKey("Layers");
            assertThat(Cfn.<Map<String, Object>>at(fn, "Environment", "Variables"))
                    .doesNotContainKey("IRREADY_MUTELIST_FILE");
        }
    }

    @Test
    void theLayerAddsNoSynthesisWarningsOrAwsSolutionsFindings() {
        for (Stack stack : on.stacks()) {
            Annotations annotations = Annotations.fromStack(stack);
            assertThat(annotations.findError("*", Match.anyValue())).isEmpty();
            assertThat(annotations.findWarning("*", Match.anyValue())).isEmpty();
        }
    }

    @Test
    void aBrokenMuteListFailsSynthNamingTheEntry() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"mutes\": [{\"check\": \"*\", \"resource\": \"*\"}]}");

        assertThatThrownBy(() -> Synth.of(Map.of("homeRegion", "us-east-1", "mutelist", broken.toString())))
                .hasMessageContaining("entry 0: \"reason\" is required");
    }
}
