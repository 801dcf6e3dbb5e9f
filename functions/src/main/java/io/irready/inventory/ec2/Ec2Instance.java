package io.irready.inventory.ec2;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An EC2 instance as the checks need it.
 *
 * @param id                 instance id ({@code i-…})
 * @param state              state name: pending, running, stopping, stopped, shutting-down, terminated
 * @param instanceProfileArn the attached instance profile, if any
 * @param platform           {@code windows} for Windows instances, empty for Linux
 * @param launchTime         when it was last launched
 * @param tags               its tags (resolves tag-targeted SSM associations)
 */
public record Ec2Instance(
        String id,
        String state,
        Optional<String> instanceProfileArn,
        Optional<String> platform,
        Instant launchTime,
        Map<String, String> tags) {

    public Ec2Instance {
        tags = Map.copyOf(tags);
    }

    public boolean isRunning() {
        return "running".equals(state);
    }
}
