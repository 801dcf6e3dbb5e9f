package io.irready.inventory.ec2;

import static io.irready.testing.AwsWire.ec2Error;
import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EbsEncryptionCollectorTest {
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void readsTheDefaultKeyOnlyWhenEncryptionByDefaultIsOn() {
        aws.stub(queryCall("GetEbsEncryptionByDefault").willReturn(xml("""
                <GetEbsEncryptionByDefaultResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                  <requestId>r1</requestId><ebsEncryptionByDefault>true</ebsEncryptionByDefault>
                </GetEbsEncryptionByDefaultResponse>""")));
        aws.stub(queryCall("GetEbsDefaultKmsKeyId").willReturn(xml("""
                <GetEbsDefaultKmsKeyIdResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                  <requestId>r2</requestId><kmsKeyId>alias/aws/ebs</kmsKeyId>
                </GetEbsDefaultKmsKeyIdResponse>""")));

        assertThat(EbsEncryptionCollector.inventory(aws.clients(), AwsWire.REGION).defaults())
                .isEqualTo(new EbsDefaultEncryption(true, Optional.of("alias/aws/ebs")));
    }

    @Test
    void offMeansNoKeyLookup() {
        aws.stub(queryCall("GetEbsEncryptionByDefault").willReturn(xml("""
                <GetEbsEncryptionByDefaultResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                  <requestId>r1</requestId><ebsEncryptionByDefault>false</ebsEncryptionByDefault>
                </GetEbsEncryptionByDefaultResponse>""")));

        assertThat(EbsEncryptionCollector.inventory(aws.clients(), AwsWire.REGION).defaults())
                .isEqualTo(new EbsDefaultEncryption(false, Optional.empty()));
        aws.server().verify(0, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/")).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("Action=GetEbsDefaultKmsKeyId")));
    }

    @Test
    void unauthorizedOperationNamesTheAction() {
        aws.stub(queryCall("GetEbsEncryptionByDefault").willReturn(ec2Error(403, "UnauthorizedOperation",
                "You are not authorized to perform this operation.")));

        assertThatThrownBy(EbsEncryptionCollector.inventory(aws.clients(), AwsWire.REGION)::defaults)
                .isInstanceOfSatisfying(AwsCallFailedException.class,
                        e -> assertThat(e.action()).isEqualTo("ec2:GetEbsEncryptionByDefault"));
    }
}
