package io.irready.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackTextTest {
    @Test
    void mentionsCannotPingAnybody() {
        assertThat(SlackText.code("<!channel> hi <!here> <@U024BE7LH>"))
                .isEqualTo("`&lt;!channel&gt; hi &lt;!here&gt; &lt;＠U024BE7LH&gt;`");
        assertThat(SlackText.text("<!everyone> @here")).isEqualTo("&lt;!everyone&gt; ＠here");
    }

    @Test
    void linksCannotBeSpoofed() {
        String value = SlackText.text("<http://evil.example|Open the AWS console>");

        assertThat(value).isEqualTo("&lt;http://evil.example|Open the AWS console&gt;").doesNotContain("<");
    }

    @Test
    void markupCannotRestyleTheMessage() {
        assertThat(SlackText.text("*bold* _it_ ~gone~ `code`")).isEqualTo("∗bold∗ ˍitˍ ∼gone∼ ʹcodeʹ");
        // inside inline code nothing is formatted; a backtick could close it early, so it goes
        assertThat(SlackText.code("a`*b*`c")).isEqualTo("`aʹ*b*ʹc`");
    }

    @Test
    void ampersandsAreEscapedFirst() {
        assertThat(SlackText.text("a & b &lt;")).isEqualTo("a &amp; b &amp;lt;");
    }

    @Test
    void controlBidiAndZeroWidthCharactersAreRemoved() {
        String hostile = "trail\u202Egnol\u0000\u0007\u200B\u200D\uFEFF\u2066x\nnext\tline\u2028end\u007F";

        assertThat(SlackText.text(hostile)).isEqualTo("trailgnolx next line end");
    }

    @Test
    void overlongValuesAreCutWithAnEllipsis() {
        String value = SlackText.text("x".repeat(10_000));

        assertThat(value).hasSize(256).endsWith("…");
        assertThat(SlackText.code("y".repeat(300), 10)).isEqualTo("`yyyyyyyyy…`");
        // surrogate pairs are never split
        assertThat(SlackText.bound("😀".repeat(5), 3)).isEqualTo("😀😀…");
    }

    @Test
    void missingValuesReadAsUnknown() {
        assertThat(SlackText.code(null)).isEqualTo("_unknown_");
        assertThat(SlackText.code("  ")).isEqualTo("_unknown_");
        assertThat(SlackText.text(null)).isEmpty();
    }
}
