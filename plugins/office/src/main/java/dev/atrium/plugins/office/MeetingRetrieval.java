package dev.atrium.plugins.office;

import dev.atrium.sdk.CancellationSignal;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.text.PassageIndex;
import dev.atrium.sdk.text.TextKit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ranks the turns and sentences of a meeting against a question: the passage index's similarity plus the
 * share of the question's keywords (weighted by rarity across turns) that the passage contains, so that
 * an exact entity such as "battery" wins over turns that are merely about the same subject.
 */
final class MeetingRetrieval {

    static final int TOP_TURNS = 5;
    /** Weight of keyword overlap (0–1) next to the index's similarity (-1–1). */
    static final double OVERLAP_WEIGHT = 0.5;
    /** Without any keyword in common, a similarity below this means the meeting does not cover the question. */
    static final double MIN_SIMILARITY = 0.45;
    /** Share of the question's keyword weight a passage must hold to count as relevant on keywords alone. */
    static final double MIN_OVERLAP = 0.2;
    /** Added to sentences that state a decision when the question asks what was decided. */
    static final double DECISION_BOOST = 0.25;
    /** Taken from passages that are questions: an answer is rarely a question. */
    static final double QUESTION_PENALTY = 0.1;
    /** Weight of the words of a possessor ("the remote control's battery"): the question is about the battery. */
    static final double MODIFIER_WEIGHT = 0.5;
    /** A full sentence leads the answer over a better-scoring fragment when it scores at least this share. */
    static final double FRAGMENT_SHARE = 0.5;
    /** A sentence of another top turn joins the answer at this share of the first sentence's score. */
    static final double ANSWER_SHARE = 0.7;
    /** The turns an answer's sentences are drawn from: the best this many. */
    static final int ANSWER_TURNS = 8;
    /** Shorter sentences are fragments: they join an answer only when nothing fuller does. */
    static final int MIN_ANSWER_WORDS = 5;
    /** A named speaker's turn this many turns or fewer from one that covers the question … */
    static final int REPLY_TURNS = 3;
    /** … covers it too when at least this similar to the question: loosely related, not another subject. */
    static final double REPLY_SIMILARITY = 0.2;
    /** Taken from the turns of other speakers when the question names whose words it asks for. */
    static final double OTHER_SPEAKER_PENALTY = 1.0;
    /** Turns up to this length are indexed whole as well as sentence by sentence. */
    static final int WHOLE_TURN_CHARS = 600;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
    private static final Pattern ASKS_DECISION = Pattern.compile(
            "\\b(?:decide[sd]?|decision|decisions|agree[sd]?|settled?|conclu(?:de|ded|sion)|cho(?:ose|se|sen)|outcome)\\b"
                    + "|决定|结论|同意|定了|确定|拍板|选择|选了", Pattern.CASE_INSENSITIVE);
    /** A possessive noun phrase: the words before "'s" back to the previous stop word are modifiers. */
    private static final Pattern POSSESSOR = Pattern.compile("((?:[\\p{L}\\p{N}]+\\s+){0,3}[\\p{L}\\p{N}]+)['’]s\\b");
    private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}+");

    private static final Set<String> EN_STOP = Set.of(
            "a", "an", "the", "of", "to", "in", "on", "for", "about", "and", "or", "with", "at", "by", "as", "from",
            "into", "over", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "done", "has",
            "have", "had", "will", "would", "should", "can", "could", "may", "might", "must", "shall",
            "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whether",
            "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they",
            "them", "their", "this", "that", "these", "those", "there", "here", "any", "some", "all", "anyone",
            "someone", "anything", "something", "not", "no", "yes", "so", "if", "then", "than", "also", "just",
            "group", "team", "meeting", "everyone", "people", "decide", "decided", "decision", "decisions",
            "discuss", "discussed", "discussion", "say", "said", "says", "talk", "talked", "mention", "mentioned",
            "agree", "agreed", "think", "thought", "get", "got", "let", "lets", "let's", "tell", "know");
    /** Removed from a Chinese question before it is cut into character pairs. */
    private static final List<String> ZH_STOP = List.of(
            "关于", "我们", "你们", "他们", "大家", "什么", "怎么", "怎样", "如何", "为什么", "哪些", "哪个", "谁",
            "会议", "会上", "讨论", "决定", "提到", "说了", "是否", "有没有", "吗", "呢", "了", "的", "是", "在", "对",
            "和", "把", "被", "要", "有", "就", "都", "也", "还", "这", "那", "个");

    record Sentence(int turn, int order, String text, double score) {
    }

    /**
     * The outcome for one question.
     *
     * @param turnScores score of each turn: its best passage
     * @param sentences every sentence of every turn with its score, in transcript order
     * @param relevant whether anything in the meeting seems to answer the question
     * @param speakerTurns the turns of the speakers the question names; empty when it names none
     * @param chinese whether the question is in Chinese
     * @param engine what embedded the passages
     */
    record Ranking(double[] turnScores, List<Sentence> sentences, boolean relevant, Set<Integer> speakerTurns,
                   boolean chinese, Engine engine) {

        /** Indexes of the best turns, best first. */
        List<Integer> topTurns(int k) {
            return best(turnScores, k);
        }

        /**
         * The answer's sentences, in transcript order: the best sentence of the top turns (of the named
         * speakers' turns, when the question names some), then the next best while they score at least
         * {@link #ANSWER_SHARE} of it and fit in {@code maxWords} words, at most {@code maxSentences}.
         * Fragments ("So, uh, the battery.") answer nothing on their own: one leads only when no fuller
         * sentence scores within {@link #FRAGMENT_SHARE} of it, and joins never.
         */
        List<Sentence> answerSentences(int maxSentences, int maxWords) {
            List<Integer> top = topTurns(turnScores.length).stream()
                    .filter(t -> speakerTurns.isEmpty() || speakerTurns.contains(t)).limit(ANSWER_TURNS).toList();
            Comparator<Sentence> byScore = Comparator.comparingDouble((Sentence s) -> -s.score())
                    .thenComparingInt(Sentence::turn).thenComparingInt(Sentence::order);
            List<Sentence> candidates = sentences.stream().filter(s -> top.contains(s.turn())).sorted(byScore).toList();
            if (candidates.isEmpty()) {
                return List.of();
            }
            Sentence leader = candidates.get(0);
            Sentence first = candidates.stream().filter(s -> informative(s.text()))
                    .filter(s -> atLeast(s.score(), FRAGMENT_SHARE, leader.score())).findFirst().orElse(leader);
            List<Sentence> picked = new ArrayList<>(List.of(first));
            int words = MeetingSummary.words(first.text());
            for (Sentence s : candidates) {
                if (picked.size() >= maxSentences) {
                    break;
                }
                int more = MeetingSummary.words(s.text());
                if (s != first && s.score() > 0 && informative(s.text()) && atLeast(s.score(), ANSWER_SHARE, first.score())
                        && words + more <= maxWords) {
                    picked.add(s);
                    words += more;
                }
            }
            picked.sort(Comparator.comparingInt(Sentence::turn).thenComparingInt(Sentence::order));
            return picked;
        }

        /** Whether {@code score} is within {@code share} of {@code best}, also when scores are negative. */
        private static boolean atLeast(double score, double share, double best) {
            return score >= best - (1 - share) * Math.abs(best);
        }
    }

    /** Whether a turn within {@link #REPLY_TURNS} of turn {@code t} covers the question. */
    private static boolean nearCovering(boolean[] turnCovers, int t) {
        for (int i = Math.max(0, t - REPLY_TURNS); i <= Math.min(turnCovers.length - 1, t + REPLY_TURNS); i++) {
            if (turnCovers[i]) {
                return true;
            }
        }
        return false;
    }

    /** Indexes of the {@code k} highest scores, highest first; ties go to the earlier index. */
    static List<Integer> best(double[] scores, int k) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> i));
        return List.copyOf(order.subList(0, Math.min(k, order.size())));
    }

    /** Whether a sentence says something on its own rather than being a fragment or a filler. */
    static boolean informative(String sentence) {
        return MeetingSummary.words(sentence) >= MIN_ANSWER_WORDS;
    }

    private MeetingRetrieval() {
    }

    static Ranking rank(List<Turn> turns, String question, TextKit text, CancellationSignal cancellation) {
        List<String> passages = new ArrayList<>();
        List<Integer> passageTurn = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        // For each sentence, the passage that holds exactly it.
        List<Integer> sentencePassage = new ArrayList<>();
        for (int t = 0; t < turns.size(); t++) {
            String said = turns.get(t).text();
            List<String> split = text.sentences(said).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (split.isEmpty()) {
                split = List.of(said);
            }
            if (split.size() > 1 && said.length() <= WHOLE_TURN_CHARS) {
                passages.add(said);
                passageTurn.add(t);
            }
            for (int s = 0; s < split.size(); s++) {
                sentences.add(new Sentence(t, s, split.get(s), 0));
                sentencePassage.add(passages.size());
                passages.add(split.get(s));
                passageTurn.add(t);
            }
        }
        cancellation.throwIfCancelled();

        PassageIndex index = text.index(passages);
        double[] similarity = new double[passages.size()];
        for (PassageIndex.Hit hit : index.search(question, passages.size())) {
            if (hit.index() >= 0 && hit.index() < similarity.length) {
                similarity[hit.index()] = hit.score();
            }
        }
        cancellation.throwIfCancelled();

        // Keyword weights: rarer across turns counts more; a word absent from the meeting counts most.
        AskedSpeakers.Asked speakersAsked = AskedSpeakers.in(question, turns);
        String withoutNames = question;
        for (String name : speakersAsked.mentions()) {
            // A Chinese name would leave character pairs straddling it ("张三觉得" → "三觉").
            if (AskedSpeakers.han(name.codePointAt(0))) {
                withoutNames = withoutNames.replace(name, " ");
            }
        }
        Set<String> asked = new LinkedHashSet<>(questionTerms(withoutNames));
        if (speakersAsked.any()) {
            // "What did Carol suggest?" asks for Carol's suggestions, whatever words they are in.
            asked.removeIf(AskedSpeakers::sayingWord);
        }
        // "What did C think about the battery?" asks about the battery among C's turns: C is no keyword.
        speakersAsked.mentions().forEach(name -> asked.removeAll(terms(name)));
        Set<Integer> speakerTurns = new LinkedHashSet<>();
        for (int t = 0; t < turns.size(); t++) {
            if (speakersAsked.speakers().contains(turns.get(t).speaker())) {
                speakerTurns.add(t);
            }
        }
        List<Set<String>> turnTerms = turns.stream().map(t -> terms(t.speaker() + " " + t.text())).toList();
        Map<String, Double> weight = new HashMap<>();
        double total = 0;
        Set<String> modifiers = modifierTerms(question);
        for (String term : asked) {
            long df = turnTerms.stream().filter(s -> s.contains(term)).count();
            double w = Math.log(1.0 + (turns.size() + 1.0) / (df + 0.5));
            if (modifiers.contains(term)) {
                w *= MODIFIER_WEIGHT;
            }
            weight.put(term, w);
            total += w;
        }

        boolean asksDecision = ASKS_DECISION.matcher(question).find();
        double[] turnScores = new double[turns.size()];
        Arrays.fill(turnScores, Double.NEGATIVE_INFINITY);
        double[] passageScores = new double[passages.size()];
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        double bestOverlap = 0;
        double[] turnSimilarity = new double[turns.size()];
        Arrays.fill(turnSimilarity, Double.NEGATIVE_INFINITY);
        boolean[] turnCovers = new boolean[turns.size()];
        for (int p = 0; p < passages.size(); p++) {
            int t = passageTurn.get(p);
            Set<String> own = terms(turns.get(t).speaker() + " " + passages.get(p));
            double held = 0;
            for (String term : asked) {
                if (own.contains(term)) {
                    held += weight.get(term);
                }
            }
            double overlap = total > 0 ? held / total : 0;
            passageScores[p] = Math.max(0, similarity[p]) + OVERLAP_WEIGHT * overlap;
            if (asksDecision && Extraction.isDecision(passages.get(p))) {
                passageScores[p] += DECISION_BOOST;
            }
            if (Extraction.isQuestion(passages.get(p))) {
                passageScores[p] -= QUESTION_PENALTY;
            }
            turnScores[t] = Math.max(turnScores[t], passageScores[p]);
            turnSimilarity[t] = Math.max(turnSimilarity[t], similarity[p]);
            turnCovers[t] |= similarity[p] >= MIN_SIMILARITY || overlap >= MIN_OVERLAP;
            bestSimilarity = Math.max(bestSimilarity, similarity[p]);
            bestOverlap = Math.max(bestOverlap, overlap);
        }
        if (speakersAsked.any()) {
            // The named speakers' turns come first: in the answer alone, and in the excerpts a model is sent.
            Arrays.fill(turnScores, Double.NEGATIVE_INFINITY);
            for (int p = 0; p < passages.size(); p++) {
                int t = passageTurn.get(p);
                if (!speakerTurns.contains(t)) {
                    passageScores[p] -= OTHER_SPEAKER_PENALTY;
                }
                turnScores[t] = Math.max(turnScores[t], passageScores[p]);
            }
        }
        List<Sentence> scored = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            scored.add(new Sentence(s.turn(), s.order(), s.text(), passageScores[sentencePassage.get(i)]));
        }
        // "What did Carol say?" asks for nothing but Carol's words: covered when she spoke. "What did Carol say
        // about the battery?" is covered only when she, or the turn she answered, spoke to it.
        boolean onlyWho = speakersAsked.any() && total == 0;
        boolean relevant;
        if (passages.isEmpty()) {
            relevant = false;
        } else if (!speakersAsked.any()) {
            relevant = bestSimilarity >= MIN_SIMILARITY || bestOverlap >= MIN_OVERLAP;
        } else {
            // A named speaker speaks to the subject in their own words, or in loosely related words near a turn
            // that does ("What did A think about the setup?" answered by A's "the consent forms first").
            relevant = onlyWho || speakerTurns.stream().anyMatch(t -> turnCovers[t]
                    || turnSimilarity[t] >= REPLY_SIMILARITY && nearCovering(turnCovers, t));
        }
        return new Ranking(turnScores, List.copyOf(scored), relevant, Set.copyOf(speakerTurns),
                MinutesSkill.mostlyChinese(question), index.engine());
    }

    /** The question's content words (English, lightly stemmed) and Chinese character pairs, stop words removed. */
    static Set<String> questionTerms(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        StringBuilder han = new StringBuilder();
        Matcher runs = HAN_RUN.matcher(q);
        while (runs.find()) {
            String run = runs.group();
            for (String stop : ZH_STOP) {
                run = run.replace(stop, " ");
            }
            han.append(run).append(' ');
        }
        Set<String> terms = new LinkedHashSet<>();
        Matcher words = WORD.matcher(HAN_RUN.matcher(q).replaceAll(" "));
        while (words.find()) {
            String word = normalise(words.group());
            if (!word.isEmpty() && !EN_STOP.contains(word) && !EN_STOP.contains(words.group())) {
                terms.add(word);
            }
        }
        for (String segment : han.toString().split("\\s+")) {
            if (segment.codePointCount(0, segment.length()) >= 2) {
                addPairs(segment, terms);
            }
        }
        return terms;
    }

    /** Words of the question's possessors that are not stop words: "remote", "control" in "the remote control's battery". */
    static Set<String> modifierTerms(String question) {
        Set<String> modifiers = new HashSet<>();
        Matcher m = POSSESSOR.matcher(question.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String[] words = m.group(1).split("\\s+");
            // Walk back from the possessor to the first stop word: "about the remote control" gives "remote control".
            for (int i = words.length - 1; i >= 0; i--) {
                if (EN_STOP.contains(words[i])) {
                    break;
                }
                modifiers.add(normalise(words[i]));
            }
        }
        return modifiers;
    }

    /** Every word and Chinese character pair of a text. */
    static Set<String> terms(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        Set<String> terms = new HashSet<>();
        Matcher runs = HAN_RUN.matcher(t);
        while (runs.find()) {
            addPairs(runs.group(), terms);
        }
        Matcher words = WORD.matcher(runs.replaceAll(" "));
        while (words.find()) {
            String word = normalise(words.group());
            if (!word.isEmpty()) {
                terms.add(word);
            }
        }
        return terms;
    }

    private static void addPairs(String han, Set<String> into) {
        if (han.codePointCount(0, han.length()) == 1) {
            into.add(han);
            return;
        }
        int[] cps = han.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            into.add(new String(cps, i, 2));
        }
    }

    /** Drops a possessive and a plural ending: "control's" → "control", "batteries" → "battery". */
    static String normalise(String word) {
        String w = word.replace('’', '\'');
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        w = w.replace("'", "");
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
