package dev.atrium.plugins.office;

import dev.atrium.sdk.CancellationSignal;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.model.ChatResult;
import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.model.StructuredResult;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Minutes drafted by a structured-output model: the transcript is cut into chunks of about
 * {@link #CHUNK_CHARS} characters on turn boundaries, each chunk is drafted on its own, and the drafts are
 * merged (map-reduce): items are deduplicated, and the parts' summaries are combined into one by a further
 * request. Every item is tied back to a turn of the transcript, whose text becomes its quote; an item the
 * model cannot tie to the transcript is dropped.
 */
final class RemoteMinutes {

    static final int CHUNK_CHARS = 8000;

    private static final String SYSTEM = """
            You write meeting minutes from a transcript given as numbered lines "[n] Speaker: words".
            Answer in the language of the transcript. Report only what was said; do not invent owners or dates.
            summary: %s. topics: the subjects discussed, each with firstTurn and lastTurn numbers.
            decisions: what was decided, with the number of the turn that states it and its exact words as quote.
            actionItems: what must be done, the owner's name as spoken (empty if nobody), the due date as spoken
            or as yyyy-MM-dd (empty if none), the turn number and its exact words as quote.
            openQuestions: questions that were asked and not settled, with their turn number.""";

    private static final String COMBINE = """
            You combine the summaries of consecutive parts of one meeting into one summary of the whole meeting:
            %s, in the language of the summaries, in the order things were discussed, keeping every
            decision they mention. Use only what the summaries say. Answer with the summary alone.""";

    record Result(String summary, List<Minutes.Topic> topics, List<Extraction.Decision> decisions,
                  List<Extraction.ActionItem> actionItems, List<String> openQuestions, String engine) {
    }

    private RemoteMinutes() {
    }

    /** Chunks of turn indexes (0-based, end exclusive), each at most about CHUNK_CHARS characters. */
    static List<int[]> chunks(List<Turn> turns) {
        List<int[]> chunks = new ArrayList<>();
        int start = 0;
        int size = 0;
        for (int i = 0; i < turns.size(); i++) {
            int line = line(turns, i).length() + 1;
            if (i > start && size + line > CHUNK_CHARS) {
                chunks.add(new int[] {start, i});
                start = i;
                size = 0;
            }
            size += line;
        }
        if (start < turns.size()) {
            chunks.add(new int[] {start, turns.size()});
        }
        return chunks;
    }

    static Result draft(List<Turn> turns, LocalDate meeting, MinutesDetail detail, ModelGateway models,
                        CancellationSignal cancellation, Runnable onChunk) {
        String system = SYSTEM.formatted(detail.sentences);
        List<String> summaries = new ArrayList<>();
        List<Minutes.Topic> topics = new ArrayList<>();
        Map<String, Extraction.Decision> decisions = new LinkedHashMap<>();
        Map<String, Extraction.ActionItem> actions = new LinkedHashMap<>();
        Map<String, String> questions = new LinkedHashMap<>();
        Engine engine = null;
        boolean timed = turns.stream().allMatch(Turn::timed);

        for (int[] chunk : chunks(turns)) {
            cancellation.throwIfCancelled();
            StringBuilder prompt = new StringBuilder("Meeting date: ").append(meeting).append("\nTranscript:\n");
            for (int i = chunk[0]; i < chunk[1]; i++) {
                prompt.append(line(turns, i)).append('\n');
            }
            StructuredResult<MinutesDraft> answer = models.structured(new ChatRequest(
                    List.of(ChatMessage.system(system), ChatMessage.user(prompt.toString())), 0.0, null),
                    MinutesDraft.class);
            onChunk.run();
            engine = answer.engine();
            MinutesDraft draft = answer.value();
            if (draft == null) {
                continue;
            }
            if (draft.summary() != null && !draft.summary().isBlank()) {
                summaries.add(draft.summary().strip());
            }
            for (MinutesDraft.Topic topic : nonNull(draft.topics())) {
                if (topic.title() == null || topic.title().isBlank()) {
                    continue;
                }
                int first = clamp(topic.firstTurn(), chunk[0] + 1, chunk[1]);
                int last = Math.max(first, clamp(topic.lastTurn(), chunk[0] + 1, chunk[1]));
                String source = timed
                        ? Transcripts.clock(turns.get(first - 1).startSeconds()) + "–"
                                + Transcripts.clock(turns.get(last - 1).endSeconds())
                        : first == last ? "turn " + first : "turns " + first + "–" + last;
                topics.add(new Minutes.Topic(topic.title().strip(), text(topic.summary()), source));
            }
            for (MinutesDraft.Decision decision : nonNull(draft.decisions())) {
                String quote = quote(turns, decision.turn(), decision.quote());
                if (quote != null && decision.text() != null && !decision.text().isBlank()) {
                    decisions.putIfAbsent(key(decision.text()), new Extraction.Decision(decision.text().strip(), quote));
                }
            }
            for (MinutesDraft.ActionItem item : nonNull(draft.actionItems())) {
                String quote = quote(turns, item.turn(), item.quote());
                if (quote != null && item.what() != null && !item.what().isBlank()) {
                    String owner = item.owner() == null || item.owner().isBlank() ? null : item.owner().strip();
                    actions.putIfAbsent(key(item.what()),
                            new Extraction.ActionItem(item.what().strip(), owner, due(item.due(), meeting), quote));
                }
            }
            for (MinutesDraft.OpenQuestion question : nonNull(draft.openQuestions())) {
                if (question.text() != null && !question.text().isBlank()) {
                    questions.putIfAbsent(key(question.text()), question.text().strip());
                }
            }
        }
        return new Result(combined(summaries, detail, models, cancellation), topics, List.copyOf(decisions.values()),
                List.copyOf(actions.values()), List.copyOf(questions.values()), name(engine));
    }

    /**
     * One summary from the parts' summaries: a meeting of several chunks would otherwise get one summary per
     * chunk end to end. Joined as they are when the model cannot combine them.
     */
    static String combined(List<String> summaries, MinutesDetail detail, ModelGateway models,
                           CancellationSignal cancellation) {
        if (summaries.size() < 2) {
            return String.join(" ", summaries);
        }
        StringBuilder prompt = new StringBuilder();
        for (int i = 0; i < summaries.size(); i++) {
            prompt.append("Part ").append(i + 1).append(" of ").append(summaries.size()).append(": ")
                    .append(summaries.get(i)).append('\n');
        }
        try {
            cancellation.throwIfCancelled();
            ChatResult reply = models.chat(new ChatRequest(
                    List.of(ChatMessage.system(COMBINE.formatted(detail.sentences)), ChatMessage.user(prompt.toString())),
                    0.0, null));
            String text = reply.text() == null ? "" : reply.text().strip();
            if (!text.isEmpty()) {
                return text;
            }
        } catch (ProviderException | CapabilityUnavailableException e) {
            // the parts' summaries, joined, are still the model's and still true
        }
        return String.join(" ", summaries);
    }

    static String name(Engine engine) {
        if (engine == null) {
            return "remote";
        }
        return engine.model().isEmpty() ? engine.provider() : engine.provider() + "/" + engine.model();
    }

    private static String line(List<Turn> turns, int i) {
        return "[" + (i + 1) + "] " + turns.get(i).quote().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The source turn's own words when the number is valid, else the model's quote if it occurs verbatim. */
    private static String quote(List<Turn> turns, Integer turn, String modelQuote) {
        if (turn != null && turn >= 1 && turn <= turns.size()) {
            return turns.get(turn - 1).quote();
        }
        if (modelQuote != null && !modelQuote.isBlank()) {
            String wanted = modelQuote.strip();
            for (Turn candidate : turns) {
                if (candidate.quote().contains(wanted)) {
                    return candidate.quote();
                }
            }
        }
        return null;
    }

    private static LocalDate due(String due, LocalDate meeting) {
        if (due == null || due.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(due.strip());
        } catch (DateTimeParseException e) {
            return DueDates.resolve(due, meeting).orElse(null);
        }
    }

    private static int clamp(Integer turn, int min, int max) {
        return turn == null ? min : Math.max(min, Math.min(max, turn));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\s]+", " ");
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    }
}
