package io.irready.checks.ec2;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsFailures;

/** What the EC2 check tests share: access denied in the words EC2 uses for it. */
final class Ec2Fixtures {
    private Ec2Fixtures() {
    }

    static AwsCallFailedException denied(String action) {
        return AwsFailures.denied(action, "UnauthorizedOperation", "denied");
    }
}
