package org.reviewdesk.domain;

/** A record document as stored: its metadata, what kind of file it is, its pages, hash and size. */
public record StoredDocument(RecordDocument document, String mediaKind, Integer pageCount, String sha256,
                             long size) {
}
