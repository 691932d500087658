package org.reviewdesk.domain;

import java.time.LocalDate;

/** One document of the clinical record: its metadata; the bytes live in the store. */
public record RecordDocument(String id, String title, DocumentKind kind, LocalDate date, String author,
                             String file, String sha256) {
}
