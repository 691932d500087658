package org.reviewdesk.service;

import java.util.List;

/** Signing was refused: the case still lacks what {@link #missing()} lists. */
public final class LetterNotReadyException extends Exception {
    private final List<String> missing;

    public LetterNotReadyException(List<String> missing) {
        super("The letter cannot be signed yet: " + String.join(" ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
