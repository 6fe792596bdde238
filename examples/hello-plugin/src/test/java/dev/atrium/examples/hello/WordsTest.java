package dev.atrium.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void wordsAreWhitespaceSeparatedTokens() {
        assertThat(Words.count("Hello, world!")).isEqualTo(2);
        assertThat(Words.count("  a - b\tc\n")).isEqualTo(4);
        assertThat(Words.count("")).isZero();
        assertThat(Words.count(" \n ")).isZero();
    }

    @Test
    void ideographicSpaceSeparatesWordsToo() {
        assertThat(Words.count("ab\u3000cd")).isEqualTo(2);
        assertThat(Words.count("\u3000你好\u3000")).isEqualTo(2);
    }

    @Test
    void eachIdeographIsAWordAndLatinRunsBetweenThemAreOneEach() {
        assertThat(Words.count("你好世界")).isEqualTo(4);
        assertThat(Words.count("版本2.0发布")).isEqualTo(5);
        assertThat(Words.count("“你好”")).isEqualTo(2);
    }

    @Test
    void piecesConcatenateBackToTheText() {
        String text = "  Hello  世界, hi\n\tthere 。";

        assertThat(String.join("", Words.pieces(text))).isEqualTo(text);
        assertThat(Words.pieces(text)).containsExactly("  Hello  ", "世", "界", ", ", "hi\n\t", "there ", "。");
    }

    @Test
    void emptyTextHasNoPieces() {
        assertThat(Words.pieces("")).isEmpty();
        assertThat(Words.pieces("   ")).containsExactly("   ");
    }
}
