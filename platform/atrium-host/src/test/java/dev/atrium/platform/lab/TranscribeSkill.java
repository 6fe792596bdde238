package dev.atrium.platform.lab;

import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.model.Transcript;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Flux;

/** Transcribes a recording and, for a video, counts its keyframes: exercises transcription and the media kit. */
@org.pf4j.Extension
public class TranscribeSkill implements Skill {

    @Override
    public SkillSpec spec() {
        return SkillSpec.builder("transcribe").title("Transcribe")
                .input(InputSpec.file("recording").required().accept("audio/*", "video/*"))
                .build();
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        Media recording = input.file("recording").orElseThrow();
        Map<String, Object> result = new LinkedHashMap<>();
        if (recording.mediaType().startsWith("video/")) {
            result.put("frames", context.media().keyframes(recording, 2).size());
        }
        Transcript transcript = context.models().transcribe(recording, "en");
        result.put("text", transcript.text());
        result.put("engine", transcript.engine().provider() + "/" + transcript.engine().model());
        return Flux.just(SkillEvent.result(result));
    }
}
