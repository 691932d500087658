package org.reviewdesk.domain;

/** Kind of review; it drives the statutory clock. */
public enum ReviewType {
    MEDICAL_NECESSITY, FORMULARY
}
