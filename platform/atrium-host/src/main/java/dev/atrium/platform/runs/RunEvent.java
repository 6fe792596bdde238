package dev.atrium.platform.runs;

import java.time.Instant;

/**
 * One event of a run as clients see it on the SSE stream.
 *
 * @param seq position in the run's stream, from 1
 * @param type {@code status}, {@code progress}, {@code delta}, {@code artifact}, {@code warning},
 *             {@code result} or {@code error}
 * @param at when it happened
 * @param data the payload
 */
public record RunEvent(long seq, String type, Instant at, Object data) {
}
