package org.reviewdesk.domain;

import java.time.OffsetDateTime;

/** One line of the audit log: when, what, which case, and a detail without record text. */
public record AuditEntry(long id, OffsetDateTime at, String action, String caseNumber, String detail) {
}
