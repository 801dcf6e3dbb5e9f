package io.irready.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The management account, which StackSets never reach, deploys the same member stacks itself
 * ({@code -c memberStacksOnly=true}); and every organization template passes cfn-lint when it is installed.
 */
class MemberStacksOnlyTest {

    @Test
    void memberStacksOnlySynthesizesTheMemberStacksAloneBootstraplessInEveryWatchedRegion() {
        App app = new App(AppProps.builder().context(Map.of(
                "homeRegion", "eu-west-1",
                "regions", "eu-west-1,eu-central-1",
                "organization", "true",
                "organizationId", OrganizationTemplateTest.ORG_ID,
                "memberStacksOnly", "true")).build());
        IrreadyApp.Deployment deployment = IrreadyApp.build(app, Synth.patterns());
        assertThat(deployment.home()).isNull();
        assertThat(deployment.forwarders()).isEmpty();
        assertThat(deployment.members()).containsOnlyKeys(MemberStacks.GLOBAL,
                MemberStacks.REGIONAL + "-eu-west-1", MemberStacks.REGIONAL + "-eu-central-1",
                MemberStacks.REGIONAL + "-us-east-1");
        assertThat(deployment.members().get(MemberStacks.GLOBAL).getRegion()).isEqualTo("eu-west-1");
        assertThat(deployment.members().get(MemberStacks.REGIONAL + "-us-east-1").getRegion()).isEqualTo("us-east-1");
        assertThat(deployment.members().values()).extracting(Stack::getStackName).containsOnly(MemberStacks.GLOBAL,
                MemberStacks.REGIONAL);
        List<String> findings = new ArrayList<>();
        for (Stack stack : deployment.members().values()) {
            String template = Template.fromStack(stack).toJSON().toString();
            assertThat(template).doesNotContain("BootstrapVersion").contains("CentralAccountId");
            Annotations.fromStack(stack).findError("*", Match.anyValue())
                    .forEach(m -> findings.add(stack.getStackName() + " " + m.getEntry().getData()));
            Annotations.fromStack(stack).findWarning("*", Match.anyValue())
                    .forEach(m -> findings.add(stack.getStackName() + " " + m.getEntry().getData()));
        }
        assertThat(findings).as(String.join("\n", findings)).isEmpty();
        assertThat(Template.fromStack(deployment.members().get(MemberStacks.GLOBAL)).toJSON().toString())
                .contains("RoleName=IrreadyAuditRole");
    }

    @Test
    void cfnLintFindsNoErrorInTheOrganizationTemplates() throws Exception {
        Assumptions.assumeTrue(onPath("cfn-lint"), "cfn-lint is not on PATH");
        Synth org = Synth.organization();
        Map<String, Template> templates = new LinkedHashMap<>();
        templates.put("central", org.home);
        org.forwarders.forEach((region, t) -> templates.put("forwarder-" + region, t));
        templates.putAll(org.members);
        Path dir = Files.createTempDirectory("irready-cfn-lint");
        List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable"));
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, Template> t : templates.entrySet()) {
            Path file = dir.resolve(t.getKey() + ".json");
            json.writeValue(file.toFile(), t.getValue().toJSON());
            command.add(file.toString());
        }
        Process lint = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes());
        assertThat(lint.waitFor(5, TimeUnit.MINUTES)).isTrue();
        // cfn-lint's exit code is a bit mask: 2 errors, 4 warnings, 8 informational
        assertThat(lint.exitValue() & 2).as(output).isZero();
        assertThat(lint.exitValue() & 1).as(output).isZero();
    }

    private static boolean onPath(String tool) {
        try {
            return new ProcessBuilder(tool, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
