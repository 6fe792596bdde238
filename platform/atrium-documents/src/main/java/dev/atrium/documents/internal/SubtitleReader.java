package dev.atrium.documents.internal;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.ExtractedDocument.Cue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads WebVTT and SRT subtitles into timed cues. The speaker comes from a WebVTT voice tag ({@code <v Ann>})
 * or a leading {@code Name:} label; other markup is dropped. Lines of one cue with different speakers become
 * separate cues with the same times. The text is one {@code Speaker: text} line per cue.
 */
public final class SubtitleReader {

    private static final Pattern TIMING = Pattern.compile(
            "^\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s*-->\\s*((?:\\d+:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})");
    private static final Pattern TIMESTAMP = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{2})[.,](\\d{1,3})");
    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]+)*\\s+([^>]+)>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    // "Ann:", "Dr. Lee:", ">> BOB:", "- 张三：" — a short name starting with a capital or a caseless letter.
    private static final Pattern LABEL = Pattern.compile(
            "^(?:>>\\s*|-\\s*)?([\\p{Lu}\\p{Lo}][\\p{L}\\p{M}\\p{N}.'_ -]{0,38}?)\\s*(?::\\s+|：\\s*)(.+)$");
    private static final int MAX_LABEL_WORDS = 4;

    /** Extracts the cues of a WebVTT ({@code vtt == true}) or SRT file. */
    public ExtractedDocument read(String text, String name, boolean vtt, ReadBudget budget) {
        SectionBuilder out = new SectionBuilder(budget);
        StringBuilder transcript = new StringBuilder();
        String[] blocks = text.replace("\uFEFF", "").split("\\n[ \\t]*\\n");
        int cues = 0;
        for (String block : blocks) {
            budget.checkTime();
            List<String> lines = block.lines().toList();
            if (lines.isEmpty() || vtt && isVttComment(lines.get(0))) {
                continue;
            }
            // The WEBVTT header may run straight into the first cue without a blank line.
            int timing = timingLine(lines, vtt && lines.get(0).startsWith("WEBVTT") ? lines.size() : 2);
            if (timing < 0) {
                continue;
            }
            Matcher times = TIMING.matcher(lines.get(timing));
            if (!times.find()) {
                continue;
            }
            double start = seconds(times.group(1));
            double end = seconds(times.group(2));
            for (Cue cue : cues(start, end, lines.subList(timing + 1, lines.size()))) {
                out.cue(cue);
                cues++;
                String line = cue.speaker().isEmpty() ? cue.text() : cue.speaker() + ": " + cue.text();
                budget.chargeText(line.length() + 1);
                transcript.append(transcript.isEmpty() ? "" : "\n").append(line);
            }
        }
        if (cues == 0 && !text.isBlank()) {
            throw new BadInputException("'" + name + "' has no subtitle cues: it is not a valid "
                    + (vtt ? "WebVTT" : "SRT") + " file");
        }
        out.section("", 0, transcript.toString(), transcript.toString());
        return out.build(0);
    }

    /** The timing line: the first or (after a cue id) the second line of a cue block. */
    private static int timingLine(List<String> lines, int within) {
        for (int i = 0; i < Math.min(lines.size(), within); i++) {
            if (lines.get(i).contains("-->")) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isVttComment(String firstLine) {
        return firstLine.startsWith("NOTE") || firstLine.startsWith("STYLE") || firstLine.startsWith("REGION");
    }

    /** One cue per run of lines with the same speaker; a line without a speaker continues the previous one. */
    private static List<Cue> cues(double start, double end, List<String> lines) {
        List<Cue> cues = new ArrayList<>();
        String speaker = "";
        StringBuilder said = new StringBuilder();
        for (String raw : lines) {
            String lineSpeaker = null;
            String line = raw;
            Matcher voice = VOICE.matcher(line);
            if (voice.find()) {
                lineSpeaker = voice.group(1).strip();
            }
            line = unescape(TAG.matcher(line).replaceAll("")).strip();
            if (lineSpeaker == null) {
                Matcher label = LABEL.matcher(line);
                if (label.matches() && label.group(1).strip().split("\\s+").length <= MAX_LABEL_WORDS) {
                    lineSpeaker = label.group(1).strip();
                    line = label.group(2).strip();
                }
            }
            if (line.isEmpty()) {
                continue;
            }
            if (lineSpeaker != null && !lineSpeaker.equals(speaker) && !said.isEmpty()) {
                cues.add(new Cue(start, end, speaker, said.toString()));
                said.setLength(0);
            }
            if (lineSpeaker != null) {
                speaker = lineSpeaker;
            }
            said.append(said.isEmpty() ? "" : " ").append(line);
        }
        if (!said.isEmpty()) {
            cues.add(new Cue(start, end, speaker, said.toString()));
        }
        return cues;
    }

    private static double seconds(String timestamp) {
        Matcher m = TIMESTAMP.matcher(timestamp);
        if (!m.matches()) {
            return 0;
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        String fraction = (m.group(4) + "00").substring(0, 3);
        return hours * 3600 + Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3))
                + Integer.parseInt(fraction) / 1000.0;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ").replace("&lrm;", "")
                .replace("&rlm;", "").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
