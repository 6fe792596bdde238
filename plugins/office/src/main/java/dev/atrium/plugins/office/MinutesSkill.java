package dev.atrium.plugins.office;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CancellationSignal;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.OutputSpec;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.text.TextKit;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.pf4j.Extension;
import reactor.core.publisher.Flux;

/**
 * Meeting minutes from a transcript, a subtitle file, a document or a recording: summary, topics,
 * decisions, action items with owners and due dates, and open questions, as a result and as
 * {@code minutes.docx} and {@code minutes.md}.
 *
 * <p>Works offline: turns are parsed from {@code Speaker: words} lines or subtitle cues, the summary and
 * topic titles come from the text kit, and decisions, action items and questions are found by English and
 * Chinese cue phrases, with relative due dates resolved against the meeting date. Only a recording needs a
 * model: a transcription provider.
 */
@Extension
public class MinutesSkill implements Skill {

    static final String DOCX = TranscriptInput.DOCX;

    private static final SkillSpec SPEC = SkillSpec.builder("minutes")
            .title("Meeting minutes")
            .description("Turns a meeting transcript, subtitles, a document or a recording into minutes: summary, "
                    + "topics, decisions, action items with owners and due dates, and open questions.")
            .input(TranscriptInput.transcript())
            .input(TranscriptInput.file())
            .input(InputSpec.text("title").label("Title"))
            .input(InputSpec.text("date").label("Date").description("Meeting date, yyyy-MM-dd; defaults to today. "
                    + "Relative due dates ('by Friday', '下周五前') are resolved against it."))
            .input(InputSpec.text("attendees").label("Attendees").description("Comma-separated names; speakers are added."))
            .input(InputSpec.choice("language", "auto", "en", "zh").label("Language").defaultValue("auto"))
            .input(InputSpec.choice("detail", "brief", "standard", "detailed").label("Detail").defaultValue("standard")
                    .description("How long the summary and each topic's summary are."))
            .output(OutputSpec.artifact("minutes.docx", DOCX, "the minutes as a Word document"))
            .output(OutputSpec.artifact("minutes.md", "text/markdown", "the minutes as Markdown"))
            .output(OutputSpec.result("title", "meeting title"))
            .output(OutputSpec.result("date", "meeting date, yyyy-MM-dd"))
            .output(OutputSpec.result("attendees", "given attendees and every speaker"))
            .output(OutputSpec.result("summary", "a short extractive summary"))
            .output(OutputSpec.result("topics", "title, summary and source (turns or time span) of each part"))
            .output(OutputSpec.result("decisions", "text and quote of each decision"))
            .output(OutputSpec.result("actionItems", "what, owner, due (yyyy-MM-dd) and quote of each action item"))
            .output(OutputSpec.result("openQuestions", "questions nobody settled"))
            .output(OutputSpec.result("engine", "what produced the minutes"))
            .uses(Capability.TRANSCRIPTION, Capability.STRUCTURED_OUTPUT)
            .timeout(Duration.ofMinutes(10))
            .build();

    /**
     * Creates the skill; the host instantiates it through PF4J.
     */
    public MinutesSkill() {
    }

    @Override
    public SkillSpec spec() {
        return SPEC;
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        return Flux.create(sink -> {
            CancellationSignal cancellation = context.cancellation();
            sink.next(SkillEvent.progress(5, "parsing"));
            Optional<Media> file = input.file("file");
            LocalDate date = meetingDate(input, context);
            String language = input.text("language").orElse("auto");
            MinutesDetail detail = MinutesDetail.of(input.text("detail").orElse(null));

            List<Turn> turns = TranscriptInput.turns(input, language, context);
            cancellation.throwIfCancelled();

            String plain = turns.stream().map(Turn::text).collect(Collectors.joining("\n"));
            boolean chinese = "zh".equals(language) || ("auto".equals(language) && mostlyChinese(plain));

            String title = input.text("title").filter(t -> !t.isBlank()).map(String::strip)
                    .orElseGet(() -> defaultTitle(file, chinese));
            List<String> attendees = attendees(input, turns);

            Minutes minutes = null;
            if (context.models().isAvailable(Capability.STRUCTURED_OUTPUT)) {
                minutes = remote(turns, date, title, attendees, detail, context, sink::next);
            }
            if (minutes == null) {
                minutes = offline(turns, plain, date, title, attendees, detail, context, sink::next);
            }

            sink.next(SkillEvent.progress(85, "writing"));
            cancellation.throwIfCancelled();
            Media docx = context.documents().writeDocx("minutes.docx", minutes.toDocument(MinutesLabels.of(chinese)));
            sink.next(SkillEvent.artifact(docx));
            sink.next(SkillEvent.artifact(Media.ofText("minutes.md", "text/markdown; charset=utf-8", minutes.toMarkdown(MinutesLabels.of(chinese)))));
            sink.next(SkillEvent.progress(100, "done"));
            sink.next(SkillEvent.result(minutes.toResult()));
            sink.complete();
        });
    }

    /** Minutes from the text kit and cue phrases alone: no model needed. */
    static Minutes offline(List<Turn> turns, String plain, LocalDate date, String title, List<String> attendees,
                           MinutesDetail detail, SkillContext context, Consumer<SkillEvent> events) {
        CancellationSignal cancellation = context.cancellation();
        events.accept(SkillEvent.progress(25, "summarising"));
        TextKit text = context.text();
        List<int[]> ranges = TopicSegmentation.segment(turns, text, cancellation);
        List<int[]> parts = stretches(ranges, turns.size());
        MeetingSummary.Result summary = MeetingSummary.summarize(turns, parts, mostlyChinese(plain), text,
                detail.summaryLength, cancellation);
        cancellation.throwIfCancelled();
        List<Minutes.Topic> topics = new ArrayList<>();
        for (int[] range : ranges) {
            List<MeetingSummary.Pick> picks = new ArrayList<>();
            for (int p = 0; p < parts.size(); p++) {
                if (parts.get(p)[0] >= range[0] && parts.get(p)[1] <= range[1]) {
                    picks.addAll(summary.parts().get(p));
                }
            }
            List<Turn> part = turns.subList(range[0], range[1]);
            int wanted = part.stream().mapToInt(t -> t.text().length()).sum() > 400 ? detail.topicSentences : 1;
            String partSummary = picks.stream()
                    .sorted(Comparator.comparingInt(MeetingSummary.Pick::rank)
                            .thenComparing(Comparator.comparingDouble(MeetingSummary.Pick::score).reversed()))
                    .limit(wanted).sorted(Comparator.comparingInt(MeetingSummary.Pick::position))
                    .map(MeetingSummary.Pick::text).collect(Collectors.joining(mostlyChinese(plain) ? "" : " "));
            topics.add(topic(turns, range, partSummary, text));
        }

        events.accept(SkillEvent.progress(60, "extracting"));
        Extraction.Found found = Extraction.extract(turns, date, cancellation::throwIfCancelled);
        return new Minutes(title, date, attendees, summary.summary(), topics, found.decisions(), found.actionItems(),
                found.openQuestions(), engineName(summary.engine()));
    }

    /**
     * Minutes drafted by a structured-output model, chunk by chunk; null (after a warning) when the provider
     * fails, so the caller falls back to the offline path.
     */
    static Minutes remote(List<Turn> turns, LocalDate date, String title, List<String> attendees,
                          MinutesDetail detail, SkillContext context, Consumer<SkillEvent> events) {
        int chunks = RemoteMinutes.chunks(turns).size();
        int[] done = {0};
        events.accept(SkillEvent.progress(25, "extracting with the model (" + chunks + (chunks == 1 ? " part)" : " parts)")));
        RemoteMinutes.Result draft;
        try {
            draft = RemoteMinutes.draft(turns, date, detail, context.models(), context.cancellation(), () -> {
                done[0]++;
                events.accept(SkillEvent.progress(25 + 55 * done[0] / chunks, "extracted part " + done[0] + " of " + chunks));
            });
        } catch (ProviderException | CapabilityUnavailableException e) {
            events.accept(SkillEvent.warning("the model could not draft the minutes (" + e.getMessage()
                    + "); using the offline extraction instead"));
            return null;
        }
        String summary = draft.summary();
        List<Minutes.Topic> topics = draft.topics();
        if (summary.isBlank() || topics.isEmpty()) {
            String plain = turns.stream().map(Turn::text).collect(Collectors.joining("\n"));
            if (summary.isBlank()) {
                summary = context.text().summarize(plain, summarySentences(plain)).text();
            }
            if (topics.isEmpty()) {
                topics = topics(turns, context.text(), context.cancellation());
            }
        }
        return new Minutes(title, date, attendees, summary, topics, draft.decisions(), draft.actionItems(),
                draft.openQuestions(), draft.engine());
    }

    /** The meeting's topics ({@link TopicSegmentation}), each summarised by its own 1–2 most central sentences. */
    static List<Minutes.Topic> topics(List<Turn> turns, TextKit text, CancellationSignal cancellation) {
        List<Minutes.Topic> topics = new ArrayList<>();
        for (int[] range : TopicSegmentation.segment(turns, text, cancellation)) {
            cancellation.throwIfCancelled();
            String body = turns.subList(range[0], range[1]).stream().map(Turn::text).collect(Collectors.joining("\n"));
            topics.add(topic(turns, range, text.summarize(body, body.length() > 400 ? 2 : 1).text(), text));
        }
        return topics;
    }

    /**
     * The stretches the summary covers one by one: the topics, further cut where the equal windows of old cut
     * (1 under 6 turns, else 3 to 6), unless that is within a third of a window of a topic's edge. A meeting
     * with few, long topics is so still summarised from every part of it.
     */
    static List<int[]> stretches(List<int[]> topics, int n) {
        int windows = n < 6 ? 1 : Math.max(3, Math.min(6, (int) Math.ceil(n / 8.0)));
        TreeSet<Integer> cuts = new TreeSet<>();
        topics.forEach(t -> cuts.add(t[0]));
        cuts.add(n);
        Set<Integer> edges = Set.copyOf(cuts);
        for (int w = 1; w < windows; w++) {
            int at = w * n / windows;
            if (edges.stream().allMatch(e -> Math.abs(e - at) * 3 * windows >= n)) {
                cuts.add(at);
            }
        }
        List<int[]> out = new ArrayList<>();
        Integer from = cuts.first();
        for (int to : cuts.tailSet(from, false)) {
            out.add(new int[] {from, to});
            from = to;
        }
        return out;
    }

    /** A part as a topic: titled by its keywords, summarised by {@code summary} (its first turn when blank). */
    private static Minutes.Topic topic(List<Turn> turns, int[] range, String summary, TextKit text) {
        int from = range[0];
        int to = range[1];
        List<Turn> part = turns.subList(from, to);
        String body = part.stream().map(Turn::text).collect(Collectors.joining("\n"));
        String title = text.keywords(body, 3).stream().map(TextKit.Keyword::term)
                .collect(Collectors.joining(", "));
        if (title.isBlank()) {
            title = headline(part.get(0).text());
        } else {
            title = Character.toUpperCase(title.charAt(0)) + title.substring(1);
        }
        if (summary.isBlank()) {
            summary = part.get(0).text();
        }
        boolean timed = turns.stream().allMatch(Turn::timed);
        String source = timed
                ? Transcripts.clock(part.get(0).startSeconds()) + "–" + Transcripts.clock(part.get(part.size() - 1).endSeconds())
                : (from + 1 == to ? "turn " + to : "turns " + (from + 1) + "–" + to);
        return new Minutes.Topic(title, summary, source);
    }

    /** The first words of a turn, for a part whose keywords say nothing. */
    static String headline(String text) {
        String first = Extraction.sentences(text).stream().findFirst().orElse(text);
        int limit = mostlyChinese(first) ? 12 : 48;
        return first.codePointCount(0, first.length()) <= limit ? first
                : first.substring(0, first.offsetByCodePoints(0, limit)) + "…";
    }

    static int summarySentences(String text) {
        return Math.max(2, Math.min(6, text.length() / 800 + 2));
    }

    static List<String> attendees(SkillInput input, List<Turn> turns) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String name : input.text("attendees").orElse("").split("[,，、;；\\n]")) {
            if (!name.isBlank()) {
                names.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), name.strip());
            }
        }
        for (Turn turn : turns) {
            if (!turn.speaker().isEmpty()) {
                names.putIfAbsent(turn.speaker().toLowerCase(Locale.ROOT), turn.speaker());
            }
        }
        return List.copyOf(names.values());
    }

    static LocalDate meetingDate(SkillInput input, SkillContext context) {
        Optional<String> given = input.text("date").filter(d -> !d.isBlank());
        if (given.isEmpty()) {
            return LocalDate.now(context.clock());
        }
        try {
            return LocalDate.parse(given.get().strip());
        } catch (DateTimeParseException e) {
            throw new BadInputException("date", "input 'date' must be yyyy-MM-dd, got '" + given.get() + "'");
        }
    }

    static boolean mostlyChinese(String text) {
        long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        long letters = text.codePoints().filter(Character::isLetter).count();
        return letters > 0 && han * 3 >= letters;
    }

    private static String defaultTitle(Optional<Media> file, boolean chinese) {
        if (file.isPresent()) {
            String name = file.get().name();
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            if (!stem.isBlank()) {
                return stem.replace('_', ' ').strip();
            }
        }
        return chinese ? "会议纪要" : "Meeting minutes";
    }

    static String engineName(Engine summaryEngine) {
        if (summaryEngine == null) {
            return "embedded";
        }
        String component = summaryEngine.model().isEmpty() ? summaryEngine.provider() : summaryEngine.model();
        return "embedded+" + component;
    }
}
