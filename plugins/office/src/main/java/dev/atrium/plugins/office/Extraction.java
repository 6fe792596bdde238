package dev.atrium.plugins.office;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds decisions, action items and open questions in turns by cue phrases, in English and Chinese.
 * Every item keeps the turn it came from as its quote.
 */
final class Extraction {

    record Decision(String text, String quote) {
    }

    record ActionItem(String what, String owner, LocalDate due, String quote) {
    }

    record Found(List<Decision> decisions, List<ActionItem> actionItems, List<String> openQuestions) {
    }

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+|(?<=[。！？；])");

    private static final Pattern EN_DECISION = Pattern.compile(
            "\\b(we(?:'ve| have)? decided|decided to|decided that|decision is|decision:|we(?:'ve| have)? agreed|agreed (?:to|that|on)"
                    + "|let's go with|let us go with|we(?:'ll| will) go with|going with|settled on|we(?:'re| are) going with"
                    + "|approved|final answer|consensus is|the plan is)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A turn that only agrees ("Agreed.", "Sounds good, let's do that") confirms the previous proposal. */
    private static final Pattern EN_AGREEMENT = Pattern.compile(
            "^(?:ok(?:ay)?[, ]*)?(?:agreed|deal|sounds good|let's do (?:it|that)|fine by me|works for me|yes,? let's do (?:it|that)|approved)[.!]*(?: let's do (?:it|that)[.!]*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ZH_DECISION = Pattern.compile("决定|同意|就这么定|就这样定|定了|确定(?:用|采用|了)|通过了|采用|拍板|结论是|一致认为");
    private static final Pattern ZH_AGREEMENT = Pattern.compile("^(?:好的?[，,]?\\s*)?(?:同意|没问题|可以|就这么办|就这么定了?|行)[。！!.]*$");

    /** First-person commitments: the speaker owns them. */
    private static final Pattern EN_SELF = Pattern.compile(
            "\\b(?:I'll|I will|I'm going to|I am going to|I can take|I'll take|I will take|I'm on it|I'll handle|let me (?!know))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ZH_SELF = Pattern.compile("我来|我负责|我会|我去|我这边|交给我|我跟进|我今天|我明天");

    /** A named owner at the start: "John will ...", "Mary needs to ...", "Action item: Bob to ...". */
    private static final Pattern EN_NAMED = Pattern.compile(
            "^(?:(?i:and|so|then|ok(?:ay)?|also|action item(?: for)?|action|todo|to-do)[,:]?\\s+)*(\\p{Lu}\\p{L}+(?: \\p{Lu}\\p{L}+)?)"
                    + "(?:,\\s*(?:please|can you|could you)|\\s+(?:will|'ll|needs to|need to|has to|is going to|should|is to|to|can take|owns|takes))\\b");
    private static final Pattern EN_NAMED_CONTRACTION = Pattern.compile("^(\\p{Lu}\\p{L}+)'ll\\b");
    private static final Pattern EN_TASK = Pattern.compile(
            "\\b(?:action item|todo|to-do|follow up|needs? to|has to|have to|must|will|is going to|are going to|should)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ZH_NAMED = Pattern.compile(
            "^(?:由|请|让)?(\\p{IsHan}{2,3}?)(?:[，,]\\s*(?:你|请))?(?:负责|来做|来负责|来跟进|来|会|需要|去|跟进|要)");
    private static final Pattern ZH_TASK = Pattern.compile("负责|需要|要在|待办|行动项|跟进|之前完成|前完成|前提交|前给");

    private static final Set<String> NOT_NAMES = Set.of(
            "I", "We", "You", "They", "He", "She", "It", "That", "This", "There", "Everyone", "Everybody", "Someone",
            "Somebody", "Nobody", "Which", "What", "Who", "Then", "And", "So", "But", "Also", "Okay", "Ok", "Yes", "No",
            "Sure", "Great", "Well", "Next", "Maybe", "Now", "Today", "Tomorrow", "Let", "Please", "The", "Our", "My",
            "If", "When", "Action", "Todo", "Team", "All");
    private static final Set<String> ZH_NOT_NAMES = Set.of("我们", "你们", "他们", "大家", "这个", "那个", "这边", "我这", "谁来",
            "有人", "我们需", "这周", "下周", "明天", "今天", "后天", "然后", "那我", "所以", "另外", "还有", "我觉得");

    private Extraction() {
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String piece : SENTENCE_END.split(text)) {
            String s = piece.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    static Found extract(List<Turn> turns, LocalDate meeting, Runnable checkpoint) {
        List<Decision> decisions = new ArrayList<>();
        List<ActionItem> actions = new ArrayList<>();
        List<Integer> questionTurns = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        boolean[] decisionTurn = new boolean[turns.size()];

        for (int t = 0; t < turns.size(); t++) {
            checkpoint.run();
            Turn turn = turns.get(t);
            String quote = turn.quote();
            for (String said : sentences(turn.text())) {
                String sentence = said.replace('’', '\'');
                boolean question = isQuestion(sentence);
                if (!question && (EN_AGREEMENT.matcher(sentence).matches() || ZH_AGREEMENT.matcher(sentence).matches())) {
                    if (t > 0 && !decisionTurn[t - 1]) {
                        Turn previous = turns.get(t - 1);
                        decisions.add(new Decision(proposal(previous.text()), previous.quote() + " — " + quote));
                        decisionTurn[t - 1] = true;
                        decisionTurn[t] = true;
                    }
                    continue;
                }
                if (!question && (EN_DECISION.matcher(sentence).find() || ZH_DECISION.matcher(sentence).find())) {
                    decisions.add(new Decision(clean(sentence), quote));
                    decisionTurn[t] = true;
                }
                ActionItem item = question ? null : action(sentence, turn, meeting, quote);
                if (item != null) {
                    actions.add(item);
                }
                if (question && item == null && words(sentence) >= 3) {
                    questions.add(clean(sentence));
                    questionTurns.add(t);
                }
            }
        }

        // A question is open unless one of the next two turns settles it with a decision.
        List<String> open = new ArrayList<>();
        for (int q = 0; q < questions.size(); q++) {
            int t = questionTurns.get(q);
            boolean answered = false;
            for (int next = t + 1; next <= Math.min(t + 2, turns.size() - 1); next++) {
                answered |= decisionTurn[next];
            }
            if (!answered && !open.contains(questions.get(q))) {
                open.add(questions.get(q));
            }
        }
        return new Found(decisions, actions, open);
    }

    private static ActionItem action(String sentence, Turn turn, LocalDate meeting, String quote) {
        LocalDate due = DueDates.resolve(sentence, meeting).orElse(null);
        String owner = null;
        boolean task = false;

        Matcher self = EN_SELF.matcher(sentence);
        Matcher zhSelf = ZH_SELF.matcher(sentence);
        Matcher named = EN_NAMED.matcher(sentence);
        Matcher contraction = EN_NAMED_CONTRACTION.matcher(sentence);
        Matcher zhNamed = ZH_NAMED.matcher(sentence);
        if (named.find() && !NOT_NAMES.contains(named.group(1).split(" ")[0])) {
            owner = named.group(1);
            task = true;
        } else if (contraction.find() && !NOT_NAMES.contains(contraction.group(1))) {
            owner = contraction.group(1);
            task = true;
        } else if (zhNamed.find() && !ZH_NOT_NAMES.contains(zhNamed.group(1)) && !zhNamed.group(1).startsWith("我")) {
            owner = zhNamed.group(1);
            task = true;
        } else if (self.find() || zhSelf.find()) {
            owner = turn.speaker().isEmpty() ? null : turn.speaker();
            task = true;
        } else if (EN_TASK.matcher(sentence).find() && (due != null || sentence.toLowerCase(Locale.ROOT).contains("action item")
                || sentence.toLowerCase(Locale.ROOT).matches(".*\\b(needs? to|has to|have to|must|follow up)\\b.*"))) {
            task = true;
        } else if (ZH_TASK.matcher(sentence).find()) {
            task = true;
        } else if (due != null && sentence.toLowerCase(Locale.ROOT).matches(".*\\b(by|before|due|until)\\b.*|.*前.*")) {
            task = true;
        }
        if (!task) {
            return null;
        }
        // "we will" / "we decided" without a deadline or owner is a decision, not a task.
        if (owner == null && due == null && EN_DECISION.matcher(sentence).find()) {
            return null;
        }
        if (owner == null && due == null && ZH_DECISION.matcher(sentence).find()) {
            return null;
        }
        return new ActionItem(clean(sentence), owner, due, quote);
    }

    private static String proposal(String text) {
        List<String> all = sentences(text);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (!isQuestion(all.get(i)) || i == 0) {
                return clean(all.get(i));
            }
        }
        return clean(text);
    }

    /** Whether the sentence states a decision by its cue phrases (questions excluded). */
    static boolean isDecision(String sentence) {
        return !isQuestion(sentence)
                && (EN_DECISION.matcher(sentence).find() || ZH_DECISION.matcher(sentence).find());
    }

    static boolean isQuestion(String sentence) {
        String s = sentence.strip();
        return s.endsWith("?") || s.endsWith("？") || s.endsWith("吗") || s.endsWith("呢");
    }

    private static int words(String sentence) {
        int cjk = (int) sentence.codePoints()
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return cjk > 0 ? Math.max(cjk / 2, 1) + sentence.split("\\s+").length - 1 : sentence.split("\\s+").length;
    }

    private static String clean(String sentence) {
        return sentence.strip();
    }
}
