package org.reviewdesk.guideline;

/** Whether a source belongs to the MTUS (cited first by law) or lies outside it. */
public enum GuidelineKind {
    MTUS,
    NON_MTUS
}
