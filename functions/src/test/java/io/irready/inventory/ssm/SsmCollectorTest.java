package io.irready.inventory.ssm;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonCallMade;
import static io.irready.testing.AwsWire.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.inventory.ssm.SsmAssociation.Target;
import io.irready.testing.AwsWire;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link SsmCollector} against SSM's JSON 1.1 protocol ({@code AmazonSSM.*} targets, NextToken paging). */
class SsmCollectorTest {
    private static final String DESCRIBE = "AmazonSSM.DescribeInstanceInformation";
    private static final String SETTING = "AmazonSSM.GetServiceSetting";
    private static final String INVENTORY = "AmazonSSM.GetInventory";
    private static final String ASSOCIATIONS = "AmazonSSM.ListAssociations";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private SsmInventory inventory() {
        return SsmCollector.inventory(aws.clients(), AwsWire.REGION);
    }

    @Test
    void pagesThroughManagedInstancesAtFiftyPerPage() {
        aws.stub(jsonCall(DESCRIBE).withRequestBody(equalToJson("{\"MaxResults\":50}")).willReturn(json("""
                {"InstanceInformationList":[{"InstanceId":"i-1","PingStatus":"Online","AgentVersion":"3.3.1142.0",
                  "PlatformType":"Linux","ResourceType":"EC2Instance","LastPingDateTime":1.7356896E9}],
                 "NextToken":"t2"}""")));
        aws.stub(jsonCall(DESCRIBE).withRequestBody(equalToJson("{\"MaxResults\":50,\"NextToken\":\"t2\"}"))
                .willReturn(json("""
                        {"InstanceInformationList":[{"InstanceId":"i-2","PingStatus":"ConnectionLost",
                          "ResourceType":"EC2Instance"}]}""")));

        SsmInventory ssm = inventory();

        assertThat(ssm.managedInstance("i-1")).contains(new ManagedInstance("i-1", "Online", Optional.of("3.3.1142.0")));
        assertThat(ssm.managedInstance("i-2")).contains(new ManagedInstance("i-2", "ConnectionLost", Optional.empty()));
        assertThat(ssm.managedInstance("i-3")).isEmpty();
        aws.server().verify(2, jsonCallMade(DESCRIBE));
    }

    @Test
    void dhmcIsOnWhenTheSettingNamesARole() {
        aws.stub(jsonCall(SETTING).withRequestBody(equalToJson(
                "{\"SettingId\":\"/ssm/managed-instance/default-ec2-instance-management-role\"}")).willReturn(json("""
                {"ServiceSetting":{"SettingId":"/ssm/managed-instance/default-ec2-instance-management-role",
                  "SettingValue":"service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole",
                  "Status":"Customized"}}""")));

        assertThat(inventory().defaultHostManagement()).isEqualTo(new DefaultHostManagement(
                Optional.of("service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole")));
    }

    @Test
    void dhmcIsOffWhenTheSettingIsNotFoundOrNone() {
        aws.stub(jsonCall(SETTING).willReturn(jsonError(400, "ServiceSettingNotFound",
                "The requested setting was not found.")));
        assertThat(inventory().defaultHostManagement().enabled()).isFalse();

        aws.server().resetAll();
        aws.stub(jsonCall(SETTING).willReturn(json("""
                {"ServiceSetting":{"SettingId":"/ssm/managed-instance/default-ec2-instance-management-role",
                  "SettingValue":"$None","Status":"Default"}}""")));
        assertThat(inventory().defaultHostManagement()).isEqualTo(DefaultHostManagement.OFF);
    }

    @Test
    void findsTheCloudWatchAgentWithOneFilteredListingAcrossPages() {
        aws.stub(jsonCall(INVENTORY).withRequestBody(matchingJsonPath("$.Filters"))
                .withRequestBody(notContaining("NextToken")).willReturn(json("""
                {"Entities":[{"Id":"i-1","Data":{}}],"NextToken":"t2"}""")));
        aws.stub(jsonCall(INVENTORY).withRequestBody(matchingJsonPath("$.Filters"))
                .withRequestBody(containing("\"NextToken\":\"t2\"")).willReturn(json("""
                {"Entities":[{"Id":"i-2","Data":{"AWS:InstanceInformation":{"TypeName":"AWS:InstanceInformation",
                  "SchemaVersion":"1.0","CaptureTime":"2025-01-01T00:00:00Z","Content":[{"InstanceId":"i-2"}]}}}]}""")));

        SsmInventory ssm = inventory();

        assertThat(ssm.hasCloudWatchAgentInstalled("i-1")).isTrue();
        assertThat(ssm.hasCloudWatchAgentInstalled("i-2")).isTrue();
        assertThat(ssm.hasCloudWatchAgentInstalled("i-3")).isFalse();
        aws.server().verify(2, jsonCallMade(INVENTORY));
        aws.server().verify(1, jsonCallMade(INVENTORY).withRequestBody(equalToJson("""
                {"Filters":[{"Key":"AWS:Application.Name","Values":["amazon-cloudwatch-agent","Amazon CloudWatch Agent"],
                  "Type":"Equal"}],"MaxResults":50}""")));
    }

    @Test
    void instancesWithInventoryDataComeFromTheInstanceInformationListing() {
        aws.stub(jsonCall(INVENTORY).withRequestBody(equalToJson("""
                {"ResultAttributes":[{"TypeName":"AWS:InstanceInformation"}],"MaxResults":50}""")).willReturn(json("""
                {"Entities":[
                  {"Id":"i-1","Data":{"AWS:InstanceInformation":{"TypeName":"AWS:InstanceInformation","SchemaVersion":"1.0",
                    "CaptureTime":"2025-01-01T00:00:00Z","Content":[{"InstanceId":"i-1","InstanceStatus":"Active"}]}}},
                  {"Id":"i-2","Data":{}}]}""")));

        SsmInventory ssm = inventory();

        assertThat(ssm.hasInventoryData("i-1")).isTrue();
        assertThat(ssm.hasInventoryData("i-2")).isFalse();
        assertThat(ssm.hasInventoryData("i-3")).isFalse();
    }

    @Test
    void listsOnlyCloudWatchAgentAssociationsWithTheirTargets() {
        aws.stub(jsonCall(ASSOCIATIONS).withRequestBody(notContaining("NextToken")).willReturn(json("""
                {"Associations":[{"Name":"AmazonCloudWatch-ManageAgent","AssociationId":"a-1","AssociationName":"cw",
                  "Targets":[{"Key":"tag:Env","Values":["prod"]}]}],"NextToken":"t2"}""")));
        aws.stub(jsonCall(ASSOCIATIONS).withRequestBody(containing("\"NextToken\":\"t2\"")).willReturn(json("""
                {"Associations":[{"Name":"AmazonCloudWatch-ManageAgent","AssociationId":"a-2","InstanceId":"i-9"}]}""")));

        List<SsmAssociation> associations = inventory().cloudWatchAgentAssociations();

        assertThat(associations).containsExactly(
                new SsmAssociation("a-1", "AmazonCloudWatch-ManageAgent", Optional.of("cw"), Optional.empty(),
                        List.of(new Target("tag:Env", List.of("prod")))),
                new SsmAssociation("a-2", "AmazonCloudWatch-ManageAgent", Optional.empty(), Optional.of("i-9"),
                        List.of()));
        assertThat(associations.get(0).targets("i-1", Map.of("Env", "prod"))).isTrue();
        aws.server().verify(1, jsonCallMade(ASSOCIATIONS).withRequestBody(equalToJson("""
                {"AssociationFilterList":[{"key":"Name","value":"AmazonCloudWatch-ManageAgent"}],"MaxResults":50}""")));
        aws.server().verify(2, jsonCallMade(ASSOCIATIONS));
    }

    @Test
    void accessDeniedNamesTheActionAndIsNotRepeated() {
        aws.stub(jsonCall(INVENTORY).willReturn(jsonError(400, "AccessDeniedException",
                "User is not authorized to perform: ssm:GetInventory")));
        SsmInventory ssm = inventory();

        assertThatThrownBy(() -> ssm.hasCloudWatchAgentInstalled("i-1"))
                .isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
                    assertThat(e.action()).isEqualTo("ssm:GetInventory");
                    assertThat(e.getMessage()).startsWith("access denied to ssm:GetInventory (AccessDeniedException)");
                });
        assertThatThrownBy(() -> ssm.hasCloudWatchAgentInstalled("i-2")).isInstanceOf(AwsCallFailedException.class);
        aws.server().verify(1, jsonCallMade(INVENTORY));
    }

    @Test
    void getServiceSettingDeniedIsAnErrorNotOff() {
        aws.stub(jsonCall(SETTING).willReturn(jsonError(400, "AccessDeniedException",
                "User is not authorized to perform: ssm:GetServiceSetting")));
        assertThatThrownBy(() -> inventory().defaultHostManagement())
                .isInstanceOfSatisfying(AwsCallFailedException.class,
                        e -> assertThat(e.action()).isEqualTo("ssm:GetServiceSetting"));
    }

    @Test
    void throttlingIsRetriedBySdk() {
        aws.stub(jsonCall(DESCRIBE).inScenario("throttle").whenScenarioStateIs("Started")
                .willReturn(jsonError(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("ok"));
        aws.stub(jsonCall(DESCRIBE).inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(json("{\"InstanceInformationList\":[]}")));

        assertThat(inventory().managedInstance("i-1")).isEmpty();
        aws.server().verify(2, jsonCallMade(DESCRIBE));
    }

    @Test
    void aWellFormedButEmptySettingAnswerIsAnErrorNamingGetServiceSetting() {
        aws.stub(jsonCall(SETTING).willReturn(json("{}")));
        assertThatThrownBy(() -> inventory().defaultHostManagement())
                .isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
                    assertThat(e.action()).isEqualTo("ssm:GetServiceSetting");
                    assertThat(e.errorCode()).isEqualTo("IncompleteAnswer");
                    assertThat(e.getMessage()).contains("the answer has no ServiceSetting");
                });
    }
}
