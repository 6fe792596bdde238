package dev.atrium.plugins.office;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.Transcript;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The meeting a skill works on, given as pasted {@code transcript} text or as a {@code file} (transcript
 * document, subtitles or recording): the two inputs every office meeting skill declares, and their turns.
 */
final class TranscriptInput {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private TranscriptInput() {
    }

    /** The pasted-transcript input. */
    static InputSpec.Builder transcript() {
        return InputSpec.longText("transcript").label("Transcript")
                .description("One 'Speaker: words' line per turn; give this or a file.");
    }

    /** The file input: transcript documents, subtitles and recordings. */
    static InputSpec.Builder file() {
        return InputSpec.file("file").label("File")
                .description("A transcript (TXT, Markdown, DOCX, PDF), subtitles (VTT, SRT) or a recording "
                        + "(audio or video; needs a transcription provider).")
                .accept("text/plain", "text/markdown", "text/vtt", "application/x-subrip", DOCX,
                        "application/pdf", "audio/*", "video/*");
    }

    /**
     * The meeting's turns: the pasted transcript when it has text, else the file's.
     *
     * @param language {@code auto}, {@code en} or {@code zh}, passed to transcription
     * @throws BadInputException naming the input when neither gives any text
     */
    static List<Turn> turns(SkillInput input, String language, SkillContext context) {
        Optional<String> transcript = input.text("transcript").filter(t -> !t.isBlank());
        Optional<Media> file = input.file("file");
        List<Turn> turns;
        if (transcript.isPresent()) {
            turns = Transcripts.fromText(transcript.get());
        } else if (file.isPresent()) {
            turns = turnsOf(file.get(), language, context);
            if (turns.isEmpty()) {
                throw new BadInputException("file", file.get().name() + " holds no transcript text");
            }
        } else {
            throw new BadInputException("transcript", "give a transcript or a file");
        }
        if (turns.isEmpty()) {
            throw new BadInputException("transcript", "input 'transcript' holds no text");
        }
        return turns;
    }

    /** Turns of a file: transcribed when it is a recording, from cues for subtitles, else from its text. */
    static List<Turn> turnsOf(Media file, String language, SkillContext context) {
        if (isRecording(file)) {
            if (!context.models().isAvailable(Capability.TRANSCRIPTION)) {
                throw new CapabilityUnavailableException("A recording needs speech-to-text: configure a "
                        + "transcription provider, or upload a transcript or subtitles instead.");
            }
            Transcript transcript = context.models().transcribe(file, "auto".equals(language) ? null : language);
            return Transcripts.fromTranscript(transcript);
        }
        ExtractedDocument document = context.documents().read(file);
        if (document.cues() != null && !document.cues().isEmpty()) {
            return Transcripts.fromCues(document.cues());
        }
        return Transcripts.fromText(document.text() == null ? "" : document.text());
    }

    static boolean isRecording(Media file) {
        String type = file.mediaType().toLowerCase(Locale.ROOT);
        if (type.startsWith("audio/") || type.startsWith("video/")) {
            return true;
        }
        String name = file.name().toLowerCase(Locale.ROOT);
        return name.matches(".*\\.(mp3|wav|m4a|aac|ogg|oga|opus|flac|webm|mp4|mov|mkv|avi)$");
    }
}
