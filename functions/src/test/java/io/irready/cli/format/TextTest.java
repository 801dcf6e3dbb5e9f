package io.irready.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void cleanEscapesControlAndInvisibleFormattingCharacters() {
        assertThat(Text.clean("a\u001b[31mred\u0000\u007f\u0085\tb")).isEqualTo("a\\u001b[31mred\\u0000\\u007f\\u0085\\u0009b");
        assertThat(Text.clean("left\u202eright\u2066\u200b\u2028")).isEqualTo("left\\u202eright\\u2066\\u200b\\u2028");
        assertThat(Text.clean(null)).isEmpty();
    }

    @Test
    void cleanKeepsOrdinaryTextIncludingNonAscii() {
        assertThat(Text.clean("Log group 'café/журнал' — 7 days…")).isEqualTo("Log group 'café/журнал' — 7 days…");
    }

    @Test
    void wrapBreaksAtSpacesThenSeparatorsThenHard() {
        assertThat(Text.wrap("one two three four", 9)).containsExactly("one two", "three", "four");
        assertThat(Text.wrap("arn:aws:s3:::bucket/prefix", 12)).containsExactly("arn:aws:s3::", ":bucket/", "prefix");
        assertThat(Text.wrap("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
        assertThat(Text.wrap("", 10)).containsExactly("");
        assertThat(Text.wrap("  fits  ", 10)).containsExactly("fits");
    }
}
