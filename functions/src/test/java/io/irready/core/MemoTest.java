package io.irready.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MemoTest {
    @Test
    void loadsOnFirstUseOnly() {
        AtomicInteger loads = new AtomicInteger();
        Supplier<String> value = Memo.of(() -> "v" + loads.incrementAndGet());

        assertThat(loads).hasValue(0);
        assertThat(value.get()).isEqualTo("v1");
        assertThat(value.get()).isEqualTo("v1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void rememberesAFailureAndRethrowsTheSameException() {
        AtomicInteger loads = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("denied");
        Supplier<String> value = Memo.of(() -> {
            loads.incrementAndGet();
            throw failure;
        });

        assertThatThrownBy(value::get).isSameAs(failure);
        assertThatThrownBy(value::get).isSameAs(failure);
        assertThat(loads).hasValue(1);
    }

    @Test
    void rememberesNullToo() {
        AtomicInteger loads = new AtomicInteger();
        Supplier<String> value = Memo.of(() -> {
            loads.incrementAndGet();
            return null;
        });

        assertThat(value.get()).isNull();
        assertThat(value.get()).isNull();
        assertThat(loads).hasValue(1);
    }

    @Test
    void byKeyLoadsEachKeyOnceAndRemembersFailuresPerKey() {
        AtomicInteger loads = new AtomicInteger();
        Function<String, Integer> lengths = Memo.byKey(key -> {
            loads.incrementAndGet();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return key.length();
        });

        assertThat(lengths.apply("abc")).isEqualTo(3);
        assertThat(lengths.apply("abc")).isEqualTo(3);
        assertThat(lengths.apply("de")).isEqualTo(2);
        assertThatThrownBy(() -> lengths.apply("")).hasMessage("empty");
        assertThatThrownBy(() -> lengths.apply("")).hasMessage("empty");
        assertThat(loads).hasValue(3);
    }
}
