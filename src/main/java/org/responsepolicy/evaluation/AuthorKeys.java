package org.responsepolicy.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * Pseudonyms for authors: history and erasure need to recognise an author, not to know who they are. The key is
 * SHA-256 of the brand and the author's id (or, without an id, their handle).
 */
public final class AuthorKeys {

    private AuthorKeys() {
    }

    /** Null when the caller sent neither an author id nor a handle. */
    public static String of(MentionInput mention) {
        MentionInput.Author a = mention.author();
        if (a == null) {
            return null;
        }
        if (a.id() != null && !a.id().isBlank()) {
            return byId(mention.brand(), a.id());
        }
        if (a.handle() != null && !a.handle().isBlank()) {
            return byHandle(mention.brand(), a.handle());
        }
        return null;
    }

    /**
     * Every key an erasure request for {@code who} must cover: the value may be the author id the CRM sent or,
     * for mentions that came with a handle only, that handle.
     */
    public static List<String> candidates(String brand, String who) {
        return List.of(byId(brand, who), byHandle(brand, who));
    }

    private static String byId(String brand, String id) {
        return Sha256.hex(brand + "|id:" + id.strip());
    }

    private static String byHandle(String brand, String handle) {
        return Sha256.hex(brand + "|handle:" + handle.strip().toLowerCase(Locale.ROOT));
    }
}
