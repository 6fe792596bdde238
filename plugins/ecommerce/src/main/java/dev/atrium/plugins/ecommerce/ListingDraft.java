package dev.atrium.plugins.ecommerce;

import java.util.List;

/**
 * What a remote model is asked to return for one listing (structured output).
 *
 * @param title the title
 * @param bullets the bullet points
 * @param description the description, line breaks as newlines
 * @param searchTerms backend search terms separated by spaces
 */
public record ListingDraft(String title, List<String> bullets, String description, String searchTerms) {

    Listing toListing() {
        return new Listing(title, bullets, description, searchTerms);
    }
}
