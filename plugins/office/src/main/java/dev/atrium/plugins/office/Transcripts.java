package dev.atrium.plugins.office;

import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.model.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a transcript — {@code Speaker: words} lines, subtitle cues or a recognised recording — into turns. */
final class Transcripts {

    /** An optional leading time stamp such as {@code [00:01:02]} or {@code 12:30}, which is dropped. */
    private static final Pattern STAMP = Pattern.compile("^\\s*\\[?\\(?\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?\\)?\\]?\\s*[-–]?\\s*");

    /** {@code Name: words} or {@code 张三：发言}; a label is at most four words and starts with a letter. */
    private static final Pattern LABELLED = Pattern.compile(
            "^\\s*(\\p{L}[\\p{L}\\p{N}'’._-]*(?: \\p{L}[\\p{L}\\p{N}'’._-]*){0,3})\\s*(?:\\([^)]{0,40}\\))?\\s*[:：]\\s*(.*)$");

    private Transcripts() {
    }

    /** Splits text into turns; a line without a label continues the previous turn. */
    static List<Turn> fromText(String text) {
        List<Turn> turns = new ArrayList<>();
        String speaker = null;
        StringBuilder said = new StringBuilder();
        for (String raw : text.split("\\R")) {
            String line = STAMP.matcher(raw).replaceFirst("").strip();
            if (line.isEmpty() || line.equalsIgnoreCase("WEBVTT")) {
                continue;
            }
            Matcher m = LABELLED.matcher(line);
            if (m.matches() && !looksLikeUrl(line)) {
                flush(turns, speaker, said);
                speaker = m.group(1).strip();
                said.append(m.group(2).strip());
            } else {
                if (!said.isEmpty()) {
                    said.append(endsCjk(said) ? "" : " ");
                }
                said.append(line);
            }
        }
        flush(turns, speaker, said);
        return turns;
    }

    /** One turn per run of cues from the same speaker, keeping the first start and the last end. */
    static List<Turn> fromCues(List<ExtractedDocument.Cue> cues) {
        List<Turn> turns = new ArrayList<>();
        for (ExtractedDocument.Cue cue : cues) {
            addTimed(turns, cue.speaker(), cue.text(), cue.startSeconds(), cue.endSeconds());
        }
        return turns;
    }

    /** Turns of a recognised recording: its segments when it has them, else its text. */
    static List<Turn> fromTranscript(Transcript transcript) {
        if (transcript.segments() == null || transcript.segments().isEmpty()) {
            return fromText(transcript.text() == null ? "" : transcript.text());
        }
        List<Turn> turns = new ArrayList<>();
        for (Transcript.Segment segment : transcript.segments()) {
            String speaker = segment.speaker();
            String text = segment.text() == null ? "" : segment.text();
            if (speaker == null || speaker.isBlank()) {
                Matcher m = LABELLED.matcher(text);
                if (m.matches()) {
                    speaker = m.group(1);
                    text = m.group(2);
                }
            }
            addTimed(turns, speaker, text, segment.startSeconds(), segment.endSeconds());
        }
        return turns;
    }

    private static void addTimed(List<Turn> turns, String speaker, String text, double start, double end) {
        String said = text == null ? "" : text.strip();
        if (said.isEmpty()) {
            return;
        }
        String who = speaker == null ? "" : speaker.strip();
        if (!turns.isEmpty()) {
            Turn last = turns.get(turns.size() - 1);
            if (last.speaker().equals(who) && !who.isEmpty()) {
                String joined = last.text() + (endsCjk(last.text()) ? "" : " ") + said;
                turns.set(turns.size() - 1, new Turn(who, joined, last.startSeconds(), end));
                return;
            }
        }
        turns.add(new Turn(who, said, start, end));
    }

    private static void flush(List<Turn> turns, String speaker, StringBuilder said) {
        String text = said.toString().strip();
        said.setLength(0);
        if (!text.isEmpty()) {
            turns.add(Turn.untimed(speaker, text));
        }
    }

    private static boolean looksLikeUrl(String line) {
        return line.matches("^\\s*\\p{L}+://.*");
    }

    private static boolean endsCjk(CharSequence text) {
        if (text.isEmpty()) {
            return false;
        }
        return Character.UnicodeScript.of(Character.codePointBefore(text, text.length())) == Character.UnicodeScript.HAN
                || "，。！？；：".indexOf(text.charAt(text.length() - 1)) >= 0;
    }

    /** {@code mm:ss}, or {@code h:mm:ss} past the hour. */
    static String clock(double seconds) {
        long total = Math.max(0, Math.round(Math.floor(seconds)));
        long h = total / 3600;
        long m = (total % 3600) / 60;
        long s = total % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%02d:%02d", m, s);
    }
}
