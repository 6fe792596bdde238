package dev.atrium.plugins.ecommerce;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The four text fields of a listing.
 *
 * @param title the title
 * @param bullets the bullet points
 * @param description the description (line breaks as {@code \n})
 * @param searchTerms space-separated backend search terms
 */
record Listing(String title, List<String> bullets, String description, String searchTerms) {

    /** Field names as rule packs name them. */
    static final List<String> FIELDS = List.of("title", "bullets", "description", "searchTerms");

    Listing {
        title = title == null ? "" : title;
        bullets = bullets == null ? List.of() : bullets.stream().filter(b -> b != null && !b.isBlank()).toList();
        description = description == null ? "" : description;
        searchTerms = searchTerms == null ? "" : searchTerms;
    }

    Listing withTitle(String value) {
        return new Listing(value, bullets, description, searchTerms);
    }

    Listing withBullets(List<String> value) {
        return new Listing(title, value, description, searchTerms);
    }

    Listing withDescription(String value) {
        return new Listing(title, bullets, value, searchTerms);
    }

    Listing withSearchTerms(String value) {
        return new Listing(title, bullets, description, value);
    }

    /** The listing with one field changed by the function (each bullet separately). */
    Listing mapField(String field, UnaryOperator<String> change) {
        return switch (field) {
            case "title" -> withTitle(change.apply(title));
            case "bullets" -> {
                List<String> out = new ArrayList<>();
                bullets.forEach(b -> out.add(change.apply(b)));
                yield withBullets(out);
            }
            case "description" -> withDescription(change.apply(description));
            case "searchTerms" -> withSearchTerms(change.apply(searchTerms));
            default -> throw new IllegalArgumentException("unknown field " + field);
        };
    }

    /** The texts of a field (one per bullet). */
    List<String> texts(String field) {
        return switch (field) {
            case "title" -> List.of(title);
            case "bullets" -> bullets;
            case "description" -> List.of(description);
            case "searchTerms" -> List.of(searchTerms);
            default -> throw new IllegalArgumentException("unknown field " + field);
        };
    }
}
