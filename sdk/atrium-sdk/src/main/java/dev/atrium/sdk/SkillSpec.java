package dev.atrium.sdk;

import dev.atrium.sdk.model.Capability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the host and a generated page need to know about a skill, without running it.
 *
 * @param id stable identifier, unique within its plugin; part of the run URL
 * @param title human title
 * @param description what the skill does, one or two sentences
 * @param inputs typed inputs in display order
 * @param outputs what the skill produces
 * @param capabilities model capabilities it uses; the skill still runs offline unless it says otherwise
 * @param timeout run time limit, or {@code null} for the host default
 * @since 0.1
 */
public record SkillSpec(String id, String title, String description, List<InputSpec> inputs,
                        List<OutputSpec> outputs, Set<Capability> capabilities, Duration timeout) {

    /** Validates the description: identifiers well formed, input ids unique. */
    public SkillSpec {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("skill id must be lower-case letters, digits and dashes: " + id);
        }
        title = title == null || title.isBlank() ? id : title;
        description = description == null ? "" : description;
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        capabilities = capabilities == null || capabilities.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(capabilities));
        Set<String> seen = new HashSet<>();
        for (InputSpec input : inputs) {
            if (!seen.add(input.id())) {
                throw new IllegalArgumentException("duplicate input id " + input.id() + " in skill " + id);
            }
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** The input with the given id, if declared. */
    public Optional<InputSpec> input(String inputId) {
        return inputs.stream().filter(i -> i.id().equals(inputId)).findFirst();
    }

    /** Starts a specification. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Fluent builder of a {@link SkillSpec}. */
    public static final class Builder {
        private final String id;
        private String title;
        private String description;
        private final List<InputSpec> inputs = new ArrayList<>();
        private final List<OutputSpec> outputs = new ArrayList<>();
        private final Set<Capability> capabilities = new HashSet<>();
        private Duration timeout;

        private Builder(String id) {
            this.id = id;
        }

        /** Sets the title. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Sets the description. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Adds an input. */
        public Builder input(InputSpec input) {
            inputs.add(input);
            return this;
        }

        /** Adds an input from its builder. */
        public Builder input(InputSpec.Builder input) {
            return input(input.build());
        }

        /** Adds an output. */
        public Builder output(OutputSpec output) {
            outputs.add(output);
            return this;
        }

        /** Declares model capabilities the skill uses. */
        public Builder uses(Capability... used) {
            capabilities.addAll(List.of(used));
            return this;
        }

        /** Overrides the host's default run timeout. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Builds the specification. */
        public SkillSpec build() {
            return new SkillSpec(id, title, description, inputs, outputs, capabilities, timeout);
        }
    }
}
