package org.reviewdesk.domain;

/** The parties of a case; any of them may be absent. */
public record Parties(Party employee, Party employer, Party claimsAdministrator, Party requestingPhysician) {
}
