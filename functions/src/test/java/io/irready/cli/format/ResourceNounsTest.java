package io.irready.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.core.CheckMetadata;
import org.junit.jupiter.api.Test;

class ResourceNounsTest {
    @Test
    void alternativesShareTheirCommonWords() {
        assertThat(ResourceNouns.plural("AWS::RDS::DBInstance / AWS::RDS::DBCluster"))
                .isEqualTo("RDS DB instances or clusters");
        assertThat(ResourceNouns.plural("AWS::ApiGateway::Stage / AWS::ApiGatewayV2::Stage"))
                .isEqualTo("API Gateway stages");
        assertThat(ResourceNouns.plural("AWS::CloudFront::Distribution")).isEqualTo("CloudFront distributions");
    }

    @Test
    void anUnknownTypeIsNamedAsItIs() {
        assertThat(ResourceNouns.plural("AWS::Foo::Bar")).isEqualTo("resources of type AWS::Foo::Bar");
    }

    @Test
    void everyCheckInTheCatalogHasAReadableNoun() {
        for (CheckMetadata check : Catalog.registry().all().stream().map(c -> c.metadata()).toList()) {
            assertThat(ResourceNouns.plural(check.resourceType())).as(check.id()).doesNotContain("resources of type");
        }
    }
}
