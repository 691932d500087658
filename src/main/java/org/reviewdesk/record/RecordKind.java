package org.reviewdesk.record;

/** The kinds of record file ReviewDesk reads, told apart by their content, not their name. */
public enum RecordKind {
    /** A PDF document: text is extracted page by page. */
    PDF,
    /** Plain text: pages split at form feeds, else every 60 lines. */
    TEXT,
    /** A PNG, JPEG or (multi-page) TIFF image: one page per image, no text. */
    IMAGE
}
