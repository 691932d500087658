package org.reviewdesk.domain;

import java.util.List;

/** The expert reviewer's credentials as the letter prints them. */
public record Reviewer(List<String> licensure, List<String> specialties) {
    public Reviewer {
        licensure = licensure == null ? null : List.copyOf(licensure);
        specialties = specialties == null ? null : List.copyOf(specialties);
    }
}
