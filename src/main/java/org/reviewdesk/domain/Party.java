package org.reviewdesk.domain;

/** A party to the dispute; used for the conflict-of-interest check, never printed. */
public record Party(String name) {
}
