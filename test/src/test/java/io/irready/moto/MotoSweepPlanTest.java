package io.irready.moto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.core.EnvironmentNames;
import io.irready.lambda.SweepPlanHandler;
import io.irready.organization.OrganizationAccountNames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/**
 * The organization sweep's plan and the alerts' account names against moto's Organizations, an independent
 * model of the wire format: the accounts moto creates (with ids it chooses) are listed with their names,
 * and DescribeAccount names them.
 */
class MotoSweepPlanTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();
    private static final ObjectMapper JSON = new ObjectMapper();

    private String prod;
    private String sandbox;

    @BeforeEach
    void organization() {
        try (OrganizationsClient organizations = MOTO.clients().build(OrganizationsClient.builder(), "us-east-1")) {
            organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
            prod = organizations.createAccount(r -> r.accountName("prod").email("prod@example.com"))
                    .createAccountStatus().accountId();
            sandbox = organizations.createAccount(r -> r.accountName("sandbox").email("sandbox@example.com"))
                    .createAccountStatus().accountId();
        }
    }

    @Test
    void thePlanListsEveryAccountMotoCreatedWithItsNameSortedById() throws Exception {
        Map<String, String> env = Map.of("AWS_REGION", "eu-west-1", EnvironmentNames.IRREADY_REGIONS, "eu-west-1,us-east-1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SweepPlanHandler(SweepPlanHandler.fromEnvironment(env, MOTO.clients())).handleRequest(
                new ByteArrayInputStream("{\"mode\":\"critical\"}".getBytes(StandardCharsets.UTF_8)), out, null);
        JsonNode plan = JSON.readTree(out.toByteArray());

        assertThat(plan.path("mode").asText()).isEqualTo("critical");
        assertThat(plan.path("regions")).extracting(JsonNode::asText).containsExactly("eu-west-1", "us-east-1");
        List<String> expected = Stream.of(MotoServer.ACCOUNT, prod, sandbox).sorted().toList();
        assertThat(plan.path("accounts")).extracting(a -> a.path("account").asText()).containsExactlyElementsOf(expected);
        assertThat(plan.path("accounts")).filteredOn(a -> a.path("account").asText().equals(prod))
                .singleElement().satisfies(a -> assertThat(a.path("name").asText()).isEqualTo("prod"));
    }

    @Test
    void describeAccountNamesAMemberForItsAlerts() {
        OrganizationAccountNames names = new OrganizationAccountNames(MOTO.clients(), "us-east-1", Clock.systemUTC());

        assertThat(names.nameOf(sandbox)).contains("sandbox");
        assertThat(names.nameOf(sandbox)).contains("sandbox");
        assertThat(names.describeCalls()).as("kept for the container").isEqualTo(1);
        assertThat(names.nameOf("999999999999")).as("an unknown account has no name, and no error").isEmpty();
    }
}
