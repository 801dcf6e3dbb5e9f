package io.irready.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.core.AwsCallFailedException.Kind;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsCallTest {
    private static AwsServiceException serviceError(int status, String code, String message) {
        return AwsServiceException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .statusCode(status).message(message).build();
    }

    private static AwsCallFailedException failure(String action, RuntimeException thrown) {
        try {
            AwsCall.call(action, () -> {
                throw thrown;
            });
        } catch (AwsCallFailedException e) {
            return e;
        }
        throw new AssertionError("AwsCall.call did not fail");
    }

    @Test
    void returnsTheResultOfASuccessfulCall() {
        assertThat(AwsCall.call("logs:DescribeLogGroups", () -> "ok")).isEqualTo("ok");
    }

    @Test
    void accessDeniedCodesOfEveryProtocolAreAccessDenied() {
        for (String code : new String[] {"AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
                "AuthorizationError", "ExpiredToken", "OptInRequired"}) {
            AwsCallFailedException e = failure("ec2:DescribeVpcs", serviceError(400, code, "not allowed"));
            assertThat(e.kind()).as(code).isEqualTo(Kind.ACCESS_DENIED);
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.action()).isEqualTo("ec2:DescribeVpcs");
        }
        AwsCallFailedException e = failure("s3:GetBucketLifecycleConfiguration",
                serviceError(403, "AccessDenied", "Access Denied"));
        assertThat(e.getMessage()).isEqualTo("access denied to s3:GetBucketLifecycleConfiguration (AccessDenied): "
                + "grant s3:GetBucketLifecycleConfiguration to irready's role: Access Denied");
    }

    @Test
    void anyForbiddenStatusIsAccessDeniedWhateverTheCode() {
        assertThat(failure("kms:DescribeKey", serviceError(403, "SomethingNew", "no")).kind())
                .isEqualTo(Kind.ACCESS_DENIED);
    }

    @Test
    void throttlingCodesAndStatus429AreThrottled() {
        AwsCallFailedException e = failure("cloudtrail:ListTrails", serviceError(400, "ThrottlingException", "Rate exceeded"));
        assertThat(e.kind()).isEqualTo(Kind.THROTTLED);
        assertThat(e.getMessage()).isEqualTo(
                "cloudtrail:ListTrails was still throttled after retries (ThrottlingException): Rate exceeded");
        assertThat(failure("ec2:DescribeVpcs", serviceError(503, "RequestLimitExceeded", "slow down")).kind())
                .isEqualTo(Kind.THROTTLED);
        assertThat(failure("lambda:ListFunctions", serviceError(429, "TooManyRequestsException", "x")).kind())
                .isEqualTo(Kind.THROTTLED);
    }

    @Test
    void notFoundCodesAndStatus404AreNotFound() {
        for (String code : new String[] {"TrailNotFoundException", "NoSuchBucket", "NoSuchLifecycleConfiguration",
                "ResourceNotFoundException", "NoSuchEntity", "InvalidVpcID.NotFound"}) {
            assertThat(failure("x:Get", serviceError(400, code, "gone")).kind()).as(code).isEqualTo(Kind.NOT_FOUND);
        }
        assertThat(failure("x:Get", serviceError(404, "", "gone")).errorCode()).isEqualTo("HTTP 404");
        assertThat(failure("x:Get", serviceError(404, "", "gone")).kind()).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void serverErrorsAreFaultsNamedByCodeOrStatus() {
        AwsCallFailedException e = failure("kms:DescribeKey", serviceError(500, "InternalFailure", "oops"));
        assertThat(e.kind()).isEqualTo(Kind.FAULT);
        assertThat(e.getMessage()).isEqualTo("kms:DescribeKey failed (InternalFailure): oops");
        assertThat(failure("kms:DescribeKey", serviceError(502, null, "bad gateway")).errorCode()).isEqualTo("HTTP 502");
    }

    @Test
    void clientSideFailuresAreFaultsNamedForOperatorsNotByJavaType() {
        AwsCallFailedException e = failure("sts:GetCallerIdentity",
                SdkClientException.create("Unable to execute HTTP request: Connection refused"));
        assertThat(e.kind()).isEqualTo(Kind.FAULT);
        assertThat(e.getMessage()).isEqualTo(
                "sts:GetCallerIdentity failed (NetworkError): Unable to execute HTTP request: Connection refused");
        assertThat(failure("sts:GetCallerIdentity", ApiCallTimeoutException.create(1000)).errorCode())
                .isEqualTo("Timeout");
        assertThat(failure("sts:GetCallerIdentity", SdkClientException.create("Unable to load credentials from "
                + "any of the providers in the chain")).errorCode()).isEqualTo("MissingCredentials");
        assertThat(failure("sts:GetCallerIdentity", SdkClientException.create("Unable to unmarshall response: x",
                new java.io.IOException("Unexpected end-of-input"))).errorCode()).isEqualTo("UnreadableAnswer");
    }

    @Test
    void aMissingFieldAwsAlwaysSendsIsAFaultNamingTheCallAndTheField() {
        assertThat(AwsCall.required("kms:DescribeKey", "KeyMetadata", "x")).isEqualTo("x");
        assertThatThrownBy(() -> AwsCall.required("sts:GetCallerIdentity", "Account", ""))
                .isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.FAULT);
                    assertThat(e.errorCode()).isEqualTo(AwsCall.INCOMPLETE_ANSWER);
                    assertThat(e.getMessage()).startsWith("sts:GetCallerIdentity failed (IncompleteAnswer): the "
                            + "answer has no Account, which AWS always sends");
                });
    }

    @Test
    void otherExceptionsAreNotAwsFailuresAndPassThrough() {
        assertThatThrownBy(() -> AwsCall.call("x:Y", () -> {
            throw new IllegalStateException("bug");
        })).isExactlyInstanceOf(IllegalStateException.class);
    }

    @Test
    void longAwsMessagesAreTrimmed() {
        AwsCallFailedException e = failure("x:Y", serviceError(500, "InternalFailure", "z".repeat(500)));
        assertThat(e.getMessage()).endsWith("z".repeat(200) + "…").hasSize("x:Y failed (InternalFailure): ".length() + 201);
    }
}
