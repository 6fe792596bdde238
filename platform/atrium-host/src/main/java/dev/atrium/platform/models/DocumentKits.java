package dev.atrium.platform.models;

import dev.atrium.sdk.document.DocumentKit;
import dev.atrium.sdk.model.ModelGateway;

/** Makes the document kit a run uses; scanned pages are OCR'd through that run's gateway (metered). */
public interface DocumentKits {

    /** A document kit whose OCR goes through the given gateway. */
    DocumentKit using(ModelGateway gateway);
}
