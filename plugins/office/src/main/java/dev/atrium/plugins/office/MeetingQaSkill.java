package dev.atrium.plugins.office;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CancellationSignal;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.OutputSpec;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.model.ChatResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import reactor.core.publisher.Flux;

/**
 * Answers a question from a meeting's transcript, with the turns that support the answer as quotes.
 *
 * <p>Offline, the turns (and the sentences of long turns) are searched with the text kit's passage index,
 * re-ranked by the question's keywords and by the speakers it names, and the answer is a short paragraph of the
 * best sentences of the best turns. With a
 * chat model, the same best turns are sent as numbered excerpts and the model answers from them, citing
 * them by number.
 */
@Extension
public class MeetingQaSkill implements Skill {

    private static final String SYSTEM = """
            You answer a question about a meeting using ONLY the numbered transcript excerpts given, as
            "[n] Speaker: words", where n is the turn's number in the meeting (consecutive numbers are turns that
            follow each other). Answer briefly, in the language of the question. Cite every excerpt you use by
            its number in square brackets, for example [3]. If the excerpts do not answer the question, say so
            and cite nothing.""";

    private static final Pattern CITATION = Pattern.compile("\\[\\s*(?:turn\\s*)?(\\d+(?:\\s*[,;，]\\s*(?:turn\\s*)?\\d+)*)\\s*]",
            Pattern.CASE_INSENSITIVE);

    /** An offline answer holds at most this many sentences, and only those that fit in this many words. */
    static final int ANSWER_SENTENCES = 5;
    static final int ANSWER_WORDS = 70;

    /** Neighbouring turns join the excerpts while all of them hold at most this many characters. */
    static final int EXCERPT_CHARS = 8000;

    private static final SkillSpec SPEC = SkillSpec.builder("meeting-qa")
            .title("Meeting Q&A")
            .description("Answers a question from a meeting transcript, subtitles, a document or a recording, "
                    + "quoting the turns the answer comes from.")
            .input(TranscriptInput.transcript())
            .input(TranscriptInput.file())
            .input(InputSpec.text("question").label("Question").required())
            .output(OutputSpec.result("answer", "the answer, from the meeting's own words"))
            .output(OutputSpec.result("quotes", "speaker, text and source (turn n or mm:ss) of each supporting turn"))
            .output(OutputSpec.result("engine", "what produced the answer"))
            .uses(Capability.CHAT, Capability.TRANSCRIPTION)
            .timeout(Duration.ofMinutes(5))
            .build();

    /**
     * Creates the skill; the host instantiates it through PF4J.
     */
    public MeetingQaSkill() {
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
            String question = input.text("question").map(String::strip).orElse("");
            if (question.isEmpty()) {
                throw new BadInputException("question", "input 'question' is required");
            }
            List<Turn> turns = TranscriptInput.turns(input, "auto", context);
            cancellation.throwIfCancelled();

            sink.next(SkillEvent.progress(20, "indexing"));
            MeetingRetrieval.Ranking ranking = MeetingRetrieval.rank(turns, question, context.text(), cancellation);
            cancellation.throwIfCancelled();

            Map<String, Object> result = null;
            if (context.models().isAvailable(Capability.CHAT)) {
                sink.next(SkillEvent.progress(50, "asking the model"));
                result = remote(turns, question, ranking, context, sink::next);
            }
            if (result == null) {
                sink.next(SkillEvent.progress(60, "answering"));
                result = offline(turns, ranking, context);
            }
            sink.next(SkillEvent.progress(100, "done"));
            sink.next(SkillEvent.result(result));
            sink.complete();
        });
    }

    /** The extractive answer: the best sentences of the best turns, in transcript order. */
    static Map<String, Object> offline(List<Turn> turns, MeetingRetrieval.Ranking ranking, SkillContext context) {
        String engine = MinutesSkill.engineName(ranking.engine());
        if (!ranking.relevant()) {
            return result(notCovered(ranking.chinese()), List.of(), turns, engine);
        }
        List<MeetingRetrieval.Sentence> picked = ranking.answerSentences(ANSWER_SENTENCES, ANSWER_WORDS);
        StringBuilder answer = new StringBuilder();
        int lastTurn = -1;
        for (MeetingRetrieval.Sentence sentence : picked) {
            if (sentence.turn() != lastTurn) {
                if (!answer.isEmpty()) {
                    answer.append('\n');
                }
                Turn turn = turns.get(sentence.turn());
                if (!turn.speaker().isEmpty()) {
                    answer.append(turn.speaker()).append(": ");
                }
            } else {
                answer.append(ranking.chinese() ? "" : " ");
            }
            answer.append(sentence.text());
            lastTurn = sentence.turn();
        }
        // Quotes: the turns the answer came from, best turn first.
        Set<Integer> used = new LinkedHashSet<>();
        picked.stream().map(MeetingRetrieval.Sentence::turn).forEach(used::add);
        List<Integer> quoted = ranking.topTurns(turns.size()).stream().filter(used::contains).toList();
        return result(answer.toString(), quoted, turns, engine);
    }

    /**
     * The model's answer from the top turns as numbered excerpts; null (after a warning) when the provider
     * fails or the answer cites no excerpt, so the caller answers offline.
     */
    static Map<String, Object> remote(List<Turn> turns, String question, MeetingRetrieval.Ranking ranking,
                                      SkillContext context, java.util.function.Consumer<SkillEvent> events) {
        List<Integer> excerpts = excerpts(turns, ranking.topTurns(MeetingRetrieval.TOP_TURNS));
        StringBuilder prompt = new StringBuilder("Transcript excerpts:\n");
        for (int i : excerpts) {
            prompt.append('[').append(i + 1).append("] ").append(turns.get(i).quote().replaceAll("\\s*\\R\\s*", " "))
                    .append('\n');
        }
        prompt.append("\nQuestion: ").append(question);
        ChatResult reply;
        try {
            context.cancellation().throwIfCancelled();
            reply = context.models().chat(new ChatRequest(
                    List.of(ChatMessage.system(SYSTEM), ChatMessage.user(prompt.toString())), 0.0, null));
        } catch (ProviderException | CapabilityUnavailableException e) {
            events.accept(SkillEvent.warning("the model could not answer (" + e.getMessage()
                    + "); answering from the transcript offline instead"));
            return null;
        }
        context.cancellation().throwIfCancelled();
        String text = reply.text() == null ? "" : reply.text().strip();
        List<Integer> cited = citations(text, excerpts);
        if (cited.isEmpty()) {
            events.accept(SkillEvent.warning("the model's answer cites no excerpt of the transcript; "
                    + "answering from the transcript offline instead"));
            return null;
        }
        return result(text, cited, turns, RemoteMinutes.name(reply.engine()));
    }

    /**
     * The turns a model is sent, in transcript order: the best turns, each with the turn before and after it
     * while they fit in {@link #EXCERPT_CHARS} (the question an answer replies to, the reply to a proposal),
     * nearest the best turn first.
     */
    static List<Integer> excerpts(List<Turn> turns, List<Integer> top) {
        TreeSet<Integer> chosen = new TreeSet<>(top);
        int chars = top.stream().mapToInt(t -> turns.get(t).quote().length()).sum();
        for (int t : top) {
            for (int neighbour : new int[] {t - 1, t + 1}) {
                if (neighbour < 0 || neighbour >= turns.size() || chosen.contains(neighbour)) {
                    continue;
                }
                int length = turns.get(neighbour).quote().length();
                if (chars + length <= EXCERPT_CHARS) {
                    chosen.add(neighbour);
                    chars += length;
                }
            }
        }
        return List.copyOf(chosen);
    }

    /** Turn indexes (0-based) cited as [n] that were among the excerpts, in citation order. */
    static List<Integer> citations(String answer, List<Integer> excerpts) {
        Set<Integer> cited = new LinkedHashSet<>();
        Matcher m = CITATION.matcher(answer);
        while (m.find()) {
            for (String number : m.group(1).split("[^0-9]+")) {
                if (number.isEmpty()) {
                    continue;
                }
                try {
                    int turn = Integer.parseInt(number) - 1;
                    if (excerpts.contains(turn)) {
                        cited.add(turn);
                    }
                } catch (NumberFormatException e) {
                    // too long to be a turn number
                }
            }
        }
        return List.copyOf(cited);
    }

    static String notCovered(boolean chinese) {
        return chinese ? "会议中似乎没有谈到这个问题。" : "The meeting does not seem to cover this question.";
    }

    private static Map<String, Object> result(String answer, List<Integer> quoted, List<Turn> turns, String engine) {
        List<Map<String, Object>> quotes = new ArrayList<>();
        for (int i : quoted) {
            Turn turn = turns.get(i);
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("speaker", turn.speaker());
            q.put("text", turn.text());
            q.put("source", turn.timed() ? Transcripts.clock(turn.startSeconds()) : "turn " + (i + 1));
            quotes.add(q);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("answer", answer);
        result.put("quotes", quotes);
        result.put("engine", engine);
        return result;
    }
}
