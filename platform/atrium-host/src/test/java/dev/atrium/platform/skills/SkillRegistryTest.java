package dev.atrium.platform.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class SkillRegistryTest {

    private final SkillRegistry registry = new SkillRegistry();
    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void registersAPluginsSkillsAndFindsThemByPluginAndId() {
        registry.register("office", "1.0.0", List.of(skill("minutes"), skill("expenses")), loader);

        assertThat(registry.find("office", "minutes")).get().extracting(RegisteredSkill::key).isEqualTo("office/minutes");
        assertThat(registry.find("office", "nope")).isEmpty();
        assertThat(registry.skillsOf("office")).extracting(s -> s.spec().id()).containsExactly("expenses", "minutes");
        assertThat(registry.all()).hasSize(2);
    }

    @Test
    void unregisteringRemovesTheSkillsAndTellsListenersOnce() {
        List<String> stopped = new ArrayList<>();
        registry.onUnregister(stopped::add);
        registry.register("hello", "1.0.0", List.of(skill("echo")), loader);

        registry.unregister("hello");
        registry.unregister("hello");

        assertThat(registry.find("hello", "echo")).isEmpty();
        assertThat(registry.hasPlugin("hello")).isFalse();
        assertThat(stopped).containsExactly("hello");
    }

    @Test
    void refusesTwoSkillsWithTheSameIdInOnePlugin() {
        assertThatThrownBy(() -> registry.register("dup", "1.0.0", List.of(skill("same"), skill("same")), loader))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same");
        assertThat(registry.hasPlugin("dup")).isFalse();
    }

    @Test
    void readsTheSpecUnderThePluginsContextClassLoader() {
        ClassLoader pluginLoader = new ClassLoader(loader) { };
        List<ClassLoader> seen = new ArrayList<>();
        Skill probing = new Skill() {
            @Override
            public SkillSpec spec() {
                seen.add(Thread.currentThread().getContextClassLoader());
                return SkillSpec.builder("probe").build();
            }

            @Override
            public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
                return Flux.empty();
            }
        };

        registry.register("p", "1.0.0", List.of(probing), pluginLoader);

        assertThat(seen).containsExactly(pluginLoader);
        assertThat(Thread.currentThread().getContextClassLoader()).isNotSameAs(pluginLoader);
    }

    private static Skill skill(String id) {
        return new Skill() {
            @Override
            public SkillSpec spec() {
                return SkillSpec.builder(id).build();
            }

            @Override
            public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
                return Flux.just(SkillEvent.result(id));
            }
        };
    }
}
