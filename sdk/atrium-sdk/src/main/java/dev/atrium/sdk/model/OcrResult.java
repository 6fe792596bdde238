package dev.atrium.sdk.model;

import java.util.List;

/**
 * Text read from an image.
 *
 * @param text all text, lines separated by newlines
 * @param lines recognised lines in reading order
 * @param words recognised words
 * @param engine who read it
 * @since 0.1
 */
public record OcrResult(String text, List<Line> lines, List<Word> words, Engine engine) {

    /**
     * A rectangle in image pixels.
     *
     * @param x left
     * @param y top
     * @param width width
     * @param height height
     */
    public record Box(int x, int y, int width, int height) {
    }

    /**
     * A recognised word.
     *
     * @param text the word
     * @param confidence 0 to 100
     * @param box where it is
     * @param line index into {@link OcrResult#lines()}
     */
    public record Word(String text, double confidence, Box box, int line) {
    }

    /**
     * A recognised line.
     *
     * @param text the line
     * @param confidence mean word confidence, 0 to 100
     * @param box where it is
     */
    public record Line(String text, double confidence, Box box) {
    }
}
