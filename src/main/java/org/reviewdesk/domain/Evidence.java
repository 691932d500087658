package org.reviewdesk.domain;

/** An excerpt the reviewer marked in the record; itemIndex is the item it supports, or null. */
public record Evidence(String documentId, int page, String quote, String note, Integer itemIndex) {
}
