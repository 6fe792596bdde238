package dev.atrium.platform.models;

import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.text.TextKit;

/** Makes the text tools a run uses, embedding through that run's gateway (remote or embedded, metered). */
public interface TextKits {

    /** Text tools whose embeddings go through the given gateway. */
    TextKit using(ModelGateway gateway);
}
