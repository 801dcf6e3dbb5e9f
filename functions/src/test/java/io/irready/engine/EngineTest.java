package io.irready.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.checks.Catalog;
import io.irready.core.Config;
import org.junit.jupiter.api.Test;

class EngineTest {

    @Test
    void aMissingCollaboratorIsNamedWhenTheEngineIsBuilt() {
        Engine.Builder partial = Engine.builder().config(Config.defaults()).registry(Catalog.registry())
                .routes(Catalog.routeTable());
        assertThatThrownBy(partial::build).isInstanceOf(NullPointerException.class).hasMessage("inventories");
    }
}
