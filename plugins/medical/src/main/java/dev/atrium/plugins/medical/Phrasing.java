package dev.atrium.plugins.medical;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Light normalisation of spoken sentences into note style: fillers and transcription spacing removed, the
 * patient's first person turned into the third, a yes/no answer to a clinician's question turned into
 * "Reports …" or "Denies …". Never touches a negation cue: the drafter checks that anyway.
 */
final class Phrasing {

    private static final Pattern FILLERS = Pattern.compile(
            "(?i)(?:^|(?<=[\\s,]))(?:um+|uh+|uh-huh|mm-hmm|mhm|hmm+|er|ah|you know|i mean)(?=[\\s,.!?]|$)\\s*,?");
    /** Words that are fillers only when a comma follows ("well," but not "well controlled"). */
    private static final Pattern COMMA_FILLERS = Pattern.compile(
            "(?i)(?:^|(?<=[\\s,]))(?:okay|ok|alright|all right|well|yeah|yes|so|like|oh|anyway|basically|actually|right|now)\\s*,\\s*");
    private static final Pattern LEADING = Pattern.compile("(?i)^(?:\\s*(?:and|but|so|now|then|also|okay|well|because)\\b\\s*,?)+");
    private static final Pattern REPEAT = Pattern.compile("(?i)\\b(\\w+)(?:\\s*,?\\s+\\1\\b)+");
    /** Commands to a dictation assistant ("hey dragon, show me the chest x-ray"): not part of the visit. */
    private static final Pattern WAKE_WORDS = Pattern.compile("(?i)\\b(?:hey|okay|ok),?\\s+(?:dragon|dax|siri|alexa)\\b[?,.!]*\\s*"
            + "(?:(?:show|pull up|open|bring up) me\\s+[^.?!]*[.?!]?)?");
    /** Greetings and pleasantries carry nothing clinical. */
    static final Pattern PLEASANTRY = Pattern.compile("(?i)^\\W*(?:hi|hello|hey|good (?:morning|afternoon|evening)|"
            + "(?:it's |it is )?(?:good|nice|great) to (?:see|meet) you|how are you|thank you|thanks|bye|goodbye|take care|"
            + "you're welcome|see you)\\b.*");
    private static final Pattern ZH_FILLERS = Pattern.compile("嗯+|啊+|呃+|哦+|那个|就是说|然后呢|对吧");
    private static final Set<String> MODAL = Set.of("can", "could", "will", "would", "should", "may", "might", "must",
            "did", "was", "had", "used", "never", "always", "just", "also", "really", "still", "usually", "only",
            "actually", "sometimes", "often", "recently", "definitely", "probably", "even", "already", "not", "do");
    private static final Set<String> ADVERBS = Set.of("just", "also", "really", "still", "usually", "only", "actually",
            "sometimes", "often", "recently", "definitely", "probably", "even", "already", "never", "always", "kinda");
    private static final Pattern YES = Pattern.compile("(?i)^\\s*(?:yes|yeah|yep|yup|uh-huh|mm-hmm|i do|i have|i did|"
            + "i am|correct|right|sometimes|a little|a bit|definitely|absolutely)\\b.*|^\\s*(?:有|是|是的|对|嗯|有的|有点)[。，！]?.*");
    private static final Pattern NO = Pattern.compile("(?i)^\\s*(?:no|nope|nah|not really|never|none|i don't|i do n't|"
            + "i haven't|i have n't|i didn't|i did n't|not that i|nothing)\\b.*|^\\s*(?:没有|没|不|无|否)[。，！]?.*");
    private static final Pattern QUESTION_LEAD = Pattern.compile("(?i)^(?:(?:and|so|okay|now|um|uh|alright|any|"
            + "how about|what about|do you|did you|have you|has there been|have you been|are you|were you|is there|"
            + "does it|do you have|did you have|have you had|been|had|having|experiencing|experienced|noticed|notice|"
            + "feeling|get|got|ever|also|other|still|currently|recently|any other)\\b[\\s,]*)+");
    private static final Pattern ZH_QUESTION = Pattern.compile("^(?:请问|那|您|你|最近|有没有|有无|是否|还|会|平时)+|(?:吗|呢|没有|吧|啊)?[？?。]*$");

    private Phrasing() {
    }

    /** A spoken or dictated sentence in note style. */
    static String normalise(String sentence, String speaker, String sex, boolean chinese) {
        if (chinese) {
            String s = ZH_FILLERS.matcher(sentence).replaceAll("").strip();
            if ("patient".equals(speaker)) {
                s = s.replace("我们", "患者家属").replace("我", "患者");
            }
            s = s.replaceAll("^[，,、]+", "");
            return s.isEmpty() ? s : s.matches(".*[。！？.]$") ? s : s + "。";
        }
        String s = sentence.replaceAll("\\s+([,.;:!?%])", "$1").replaceAll("\\s+n't", "n't")
                .replaceAll("\\s+'(s|re|ve|ll|d|m)\\b", "'$1").replaceAll("\\(\\s+", "(").replaceAll("\\s+\\)", ")");
        s = FILLERS.matcher(s).replaceAll("");
        s = COMMA_FILLERS.matcher(s).replaceAll("");
        s = LEADING.matcher(s).replaceAll("");
        s = REPEAT.matcher(s).replaceAll("$1");
        s = s.replaceAll("\\s*,\\s*,", ",").replaceAll("^[\\s,.]+", "").replaceAll("\\s{2,}", " ").strip();
        s = WAKE_WORDS.matcher(s).replaceAll("").strip();
        if ("patient".equals(speaker)) {
            s = thirdPerson(s, sex);
        } else if ("doctor".equals(speaker)) {
            s = addressedInThirdPerson(s, sex);
        }
        if (s.isEmpty()) {
            return s;
        }
        s = capitaliseSentences(s);
        return s.matches(".*[.!?]$") ? s : s + ".";
    }

    /** A clinician speaking to the patient: "your lungs are clear" → "his lungs are clear". */
    static String addressedInThirdPerson(String s, String sex) {
        String subject = "female".equals(sex) ? "she" : "male".equals(sex) ? "he" : "the patient";
        String possessive = "female".equals(sex) ? "her" : "male".equals(sex) ? "his" : "the patient's";
        String object = "female".equals(sex) ? "her" : "male".equals(sex) ? "him" : "the patient";
        String be = "the patient".equals(subject) ? " is" : " is";
        return s.replaceAll("(?i)\\byou're\\b", subject + be).replaceAll("(?i)\\byou are\\b", subject + be)
                .replaceAll("(?i)\\byou've\\b", subject + " has").replaceAll("(?i)\\byou have\\b", subject + " has")
                .replaceAll("(?i)\\byou were\\b", subject + " was").replaceAll("(?i)\\byour\\b", possessive)
                .replaceAll("(?i)\\byourself\\b", "female".equals(sex) ? "herself" : "male".equals(sex) ? "himself" : "themselves")
                .replaceAll("(?i)(?<=\\b(?:to|for|with|tell|ask|give|see|call|send|show|let)\\s)you\\b", object)
                .replaceAll("(?i)\\byou\\b", subject);
    }

    /** Upper-cases the first letter of every sentence (transcripts are often lower case). */
    static String capitaliseSentences(String s) {
        Matcher m = Pattern.compile("(^|[.!?]\\s+)([a-z])").matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + m.group(2).toUpperCase(Locale.ROOT)));
        }
        m.appendTail(b);
        return b.toString().replaceAll("\\bi\\b", "I");
    }

    /** "I feel tired and my knee hurts" → "The patient feels tired and his knee hurts". */
    static String thirdPerson(String s, String sex) {
        String subject = "female".equals(sex) ? "she" : "male".equals(sex) ? "he" : "the patient";
        String possessive = "female".equals(sex) ? "her" : "male".equals(sex) ? "his" : "their";
        String object = "female".equals(sex) ? "her" : "male".equals(sex) ? "him" : "them";
        String reflexive = "female".equals(sex) ? "herself" : "male".equals(sex) ? "himself" : "themselves";
        String out = s.replaceAll("(?i)\\bi'm\\b", subject + " is").replaceAll("(?i)\\bi am\\b", subject + " is")
                .replaceAll("(?i)\\bi've\\b", subject + " has").replaceAll("(?i)\\bi'll\\b", subject + " will")
                .replaceAll("(?i)\\bi'd\\b", subject + " would").replaceAll("(?i)\\bmyself\\b", reflexive)
                .replaceAll("(?i)\\bmy\\b", possessive).replaceAll("(?i)\\bme\\b", object)
                .replaceAll("(?i)\\bmine\\b", possessive.equals("their") ? "theirs" : possessive.equals("his") ? "his" : "hers");
        // "I <verb>" → "<subject> <verb>s", past the adverbs.
        Matcher m = Pattern.compile("\\b[Ii]\\s+((?:(?:" + String.join("|", ADVERBS) + ")\\s+)*)([a-z']+)").matcher(out);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(subject + " " + m.group(1) + conjugate(m.group(2))));
        }
        m.appendTail(b);
        out = b.toString().replaceAll("\\b(he|she) have\\b", "$1 has").replaceAll("(?i)\\bthe patient have\\b", "the patient has");
        return out.replaceAll("\\bwe\\b", "they").replaceAll("\\bour\\b", "their").replaceAll("\\bus\\b", "them");
    }

    private static String conjugate(String verb) {
        String v = verb.toLowerCase(Locale.ROOT);
        if (MODAL.contains(v) || v.endsWith("ed") || v.endsWith("ing") || v.contains("'") || v.length() < 2) {
            return switch (v) {
                case "do" -> "does";
                case "don't", "dont" -> "doesn't";
                default -> verb;
            };
        }
        return switch (v) {
            case "have" -> "has";
            case "am" -> "is";
            case "go" -> "goes";
            case "was", "were" -> "was";
            default -> v.endsWith("s") || v.endsWith("sh") || v.endsWith("ch") || v.endsWith("x") ? verb + "es"
                    : v.matches(".*[^aeiou]y") ? verb.substring(0, verb.length() - 1) + "ies" : verb + "s";
        };
    }

    /** +1 yes, -1 no, 0 neither, for a short answer. */
    static int answer(String sentence) {
        String s = sentence.strip();
        if (s.split("\\s+").length > 12 && !s.matches("(?s).*\\p{IsHan}.*")) {
            return 0;
        }
        if (NO.matcher(s).matches()) {
            return -1;
        }
        return YES.matcher(s).matches() ? 1 : 0;
    }

    /** What a yes/no question asks about: "do you have any fevers or chills?" → "fevers or chills". */
    static String questionTopic(String question, boolean chinese) {
        if (chinese) {
            return ZH_QUESTION.matcher(question.strip()).replaceAll("").strip();
        }
        String q = normaliseSpacing(question).replaceAll("[?]+$", "").strip();
        q = QUESTION_LEAD.matcher(q).replaceAll("").strip();
        q = q.replaceAll("(?i)\\b(?:your|you)\\b", "").replaceAll("(?i)^(?:any|some)\\s+", "").replaceAll("\\s{2,}", " ")
                .replaceAll("^[\\s,]+|[\\s,]+$", "");
        return q;
    }

    /** "Denies fevers or chills." / "Reports fevers or chills." (or the Chinese forms). */
    static String answered(String topic, int answer, boolean chinese) {
        if (chinese) {
            return (answer < 0 ? "否认" : "有") + topic + "。";
        }
        return (answer < 0 ? "Denies " : "Reports ") + topic + ".";
    }

    private static String normaliseSpacing(String s) {
        return s.replaceAll("\\s+([,.;:!?%])", "$1").replaceAll("\\s+n't", "n't").replaceAll("\\s+'(s|re|ve|ll|d|m)\\b", "'$1");
    }
}
