package io.irready.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentNamesTest {

    /** A search for a variable finds every use only if no constant spells it differently. */
    @Test
    void everyConstantIsNamedAsTheVariableItNames() throws IllegalAccessException {
        List<Field> names = Arrays.stream(EnvironmentNames.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers())).toList();
        assertThat(names).isNotEmpty();
        for (Field name : names) {
            assertThat(name.get(null)).as(name.getName()).isEqualTo(name.getName());
        }
    }
}
