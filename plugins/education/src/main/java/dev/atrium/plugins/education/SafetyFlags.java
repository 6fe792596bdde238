package dev.atrium.plugins.education;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sorts out learner messages a teacher should see: distress, unsafe requests and off-topic chat. Cue phrases
 * in English and Chinese; deliberately simple and recorded, never acted on beyond a kind reply.
 */
final class SafetyFlags {

    static final String DISTRESS = "distress";
    static final String UNSAFE = "unsafe";
    static final String OFF_TOPIC = "off-topic";

    private static final List<String> DISTRESS_CUES = List.of("kill myself", "want to die", "wanna die", "suicide",
            "hurt myself", "self-harm", "self harm", "cut myself", "hopeless", "nobody cares", "no one cares",
            "hate myself", "i'm worthless", "i am worthless", "depressed", "hits me", "beats me", "bullied",
            "想死", "自杀", "不想活", "活着没意思", "伤害自己", "绝望", "没人在乎", "被欺负", "打我");

    private static final List<String> UNSAFE_CUES = List.of("bomb", "explosive", "weapon", "gun", "poison",
            "drugs", "hack into", "steal", "炸弹", "炸药", "武器", "枪", "毒药", "毒品", "黑进", "偷");

    private static final List<String> OFF_TOPIC_CUES = List.of("movie", "film", "football", "soccer", "video game",
            "fortnite", "minecraft", "tiktok", "youtube", "girlfriend", "boyfriend", "your favourite", "your favorite",
            "tell me a joke", "weather", "who are you", "电影", "游戏", "足球", "明星", "讲个笑话", "天气", "男朋友", "女朋友");

    private static final Set<String> ON_TASK = Set.of("answer", "hint", "help", "step", "understand", "know", "stuck",
            "confused", "explain", "why", "how", "what", "mean", "think", "sure", "idea", "add", "plus", "minus",
            "times", "divide", "multiply", "subtract", "sum", "total", "half", "number", "equation", "solve", "yes",
            "no", "ok", "okay", "thanks", "thank", "sorry", "don't", "dont", "can't", "cant", "next", "check", "right",
            "wrong", "again", "question", "problem");

    private static final Pattern WORDS = Pattern.compile("[a-z']+");

    private SafetyFlags() {
    }

    /** The flag a message deserves, if any; problem words keep a message on topic. */
    static Optional<String> classify(String message, String problem) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        String m = message.toLowerCase(Locale.ROOT);
        if (DISTRESS_CUES.stream().anyMatch(m::contains)) {
            return Optional.of(DISTRESS);
        }
        String p = problem == null ? "" : problem.toLowerCase(Locale.ROOT);
        // A cue the problem itself uses ("a thief steals 3 apples") is part of the exercise.
        if (UNSAFE_CUES.stream().anyMatch(cue -> contains(m, cue) && !contains(p, cue))) {
            return Optional.of(UNSAFE);
        }
        if (OFF_TOPIC_CUES.stream().anyMatch(cue -> contains(m, cue) && !contains(p, cue)) && !m.matches(".*\\d.*")) {
            boolean aboutProblem = WORDS.matcher(m).results().map(r -> r.group())
                    .anyMatch(w -> w.length() > 3 && (p.contains(w) || ON_TASK.contains(w)));
            if (!aboutProblem) {
                return Optional.of(OFF_TOPIC);
            }
        }
        return Optional.empty();
    }

    private static boolean contains(String text, String cue) {
        if (cue.chars().anyMatch(c -> c > 0x2E80)) {
            return text.contains(cue);
        }
        return Pattern.compile("\\b" + Pattern.quote(cue) + "s?\\b").matcher(text).find();
    }
}
