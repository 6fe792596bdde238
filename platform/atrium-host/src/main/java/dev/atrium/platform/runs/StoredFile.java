package dev.atrium.platform.runs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;

/**
 * A file kept for a run: an uploaded input or a produced artifact.
 *
 * @param input the input it was given for, or {@code null} for artifacts
 * @param name file name
 * @param mediaType media type
 * @param size bytes
 * @param sha256 hex checksum
 * @param path where it is stored
 */
public record StoredFile(String input, String name, String mediaType, long size, String sha256,
                         @JsonIgnore Path path) {
}
