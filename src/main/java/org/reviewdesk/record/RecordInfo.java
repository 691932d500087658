package org.reviewdesk.record;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a first look at a record file found: its kind and page count, and suggestions from its first page.
 *
 * @param suggestedDate         the date of service (or the first date) on the first page, or null when none
 * @param suggestedDocumentKind a {@code org.reviewdesk.domain.DocumentKind} name such as {@code PROGRESS_NOTE};
 *                              {@code OTHER} when nothing matched
 * @param suggestedTitle        the first meaningful line of the first page (at most 80 characters), else the
 *                              file name without its extension
 */
public record RecordInfo(String fileName, RecordKind kind, int pageCount, LocalDate suggestedDate,
                         String suggestedDocumentKind, String suggestedTitle) {
    public RecordInfo {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(suggestedDocumentKind, "suggestedDocumentKind");
        Objects.requireNonNull(suggestedTitle, "suggestedTitle");
    }
}
