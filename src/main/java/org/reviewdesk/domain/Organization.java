package org.reviewdesk.domain;

/** The independent review organization, e.g. MAXIMUS Federal Services (short name MAXIMUS). */
public record Organization(String name, String shortName) {
}
