package io.irready.inventory.s3;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Reads the account-level S3 Block Public Access ({@code s3control GetPublicAccessBlock} for the account,
 * REST-XML {@code GET /v20180820/configuration/publicAccessBlock}). Not configured is a value
 * ({@link BucketExposure.PublicAccessBlock#NONE}); any other failure propagates.
 *
 * <p>S3 Control addresses the account in the host name ({@code <account>.s3-control.<region>.amazonaws.com}),
 * and its endpoint rules put that prefix in front of an overridden endpoint too, which no emulator on
 * {@code 127.0.0.1} can answer. The prefix is kept for AWS's own hosts and dropped for any other.
 */
public final class AccountPublicAccess {
    private AccountPublicAccess() {
    }

    /** An S3 Control client for {@code region} built like every other client (emulators included). */
    public static S3ControlClient client(AwsClients clients, String region) {
        S3ControlEndpointProvider aws = S3ControlEndpointProvider.defaultProvider();
        return clients.build(S3ControlClient.builder().endpointProvider(params -> aws.resolveEndpoint(params)
                .thenApply(e -> e.toBuilder().url(withoutAccountHost(e.url(), params.accountId())).build())), region);
    }

    /** {@code http://123456789012.127.0.0.1:4566/} → {@code http://127.0.0.1:4566/}; AWS hosts unchanged. */
    static URI withoutAccountHost(URI url, String account) {
        // "123456789012.127.0.0.1" is no valid host name to java.net.URI (getHost() is null): read the authority
        String authority = url.getRawAuthority();
        if (account == null || authority == null || !authority.startsWith(account + ".")) {
            return url;
        }
        String rest = authority.substring(account.length() + 1);
        String host = rest.contains(":") ? rest.substring(0, rest.lastIndexOf(':')) : rest;
        if (host.contains(".amazonaws.") || host.endsWith(".api.aws")) {
            return url;
        }
        return URI.create(url.getScheme() + "://" + rest + Optional.ofNullable(url.getRawPath()).orElse(""));
    }

    /** The account's block; {@code account} empty means "the caller's" (asked of STS once). */
    static BucketExposure.PublicAccessBlock read(S3ControlClient control, Optional<String> account,
                                                 java.util.function.Supplier<StsClient> sts) {
        String id = account.orElseGet(() -> AwsCall.call("sts:GetCallerIdentity",
                () -> sts.get().getCallerIdentity().account()));
        return S3Collector.orWhenAbsent("NoSuchPublicAccessBlockConfiguration", BucketExposure.PublicAccessBlock.NONE,
                () -> {
                    PublicAccessBlockConfiguration c = AwsCall.call(S3Collector.GET_ACCOUNT_PUBLIC_ACCESS_BLOCK,
                            () -> control.getPublicAccessBlock(r -> r.accountId(id))).publicAccessBlockConfiguration();
                    return new BucketExposure.PublicAccessBlock(bool(c.blockPublicAcls()), bool(c.ignorePublicAcls()),
                            bool(c.blockPublicPolicy()), bool(c.restrictPublicBuckets()));
                });
    }

    private static boolean bool(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
