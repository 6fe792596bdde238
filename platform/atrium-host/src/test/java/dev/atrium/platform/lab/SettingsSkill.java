package dev.atrium.platform.lab;

import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import reactor.core.publisher.Flux;

/** Reports the settings it was given: plain ones as they are, the secret only as a SHA-256. */
@org.pf4j.Extension
public class SettingsSkill implements Skill {

    @Override
    public SkillSpec spec() {
        return SkillSpec.builder("settings").title("Settings").build();
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        return Flux.defer(() -> {
            String secret = context.settings().get("apiKey", "");
            String digest;
            try {
                digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(secret.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                return Flux.error(e);
            }
            return Flux.just(SkillEvent.result(Map.of("currency", context.settings().get("currency", ""),
                    "limit", context.settings().get("mealLimit", ""), "apiKeySha256", digest)));
        });
    }
}
