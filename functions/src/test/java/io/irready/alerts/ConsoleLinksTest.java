package io.irready.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleLinksTest {
    @Test
    void aRegionFromAnEventCannotShapeTheConsoleLink() {
        assertThat(ConsoleLinks.forService("cloudtrail", "eu-west-1"))
                .isEqualTo("https://eu-west-1.console.aws.amazon.com/cloudtrail/home?region=eu-west-1#/trails");
        assertThat(ConsoleLinks.forService("cloudtrail", "evil.example/x?"))
                .startsWith("https://us-east-1.console.aws.amazon.com/");
        assertThat(ConsoleLinks.forService("s3", "cn-north-1")).startsWith("https://cn-north-1.console.amazonaws.cn/");
    }
}
