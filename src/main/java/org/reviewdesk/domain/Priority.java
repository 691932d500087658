package org.reviewdesk.domain;

/** Review priority; expedited reviews run on a 3-day clock. */
public enum Priority {
    STANDARD, EXPEDITED;

    /** The word the letter prints. */
    public String label() {
        return this == STANDARD ? "Standard" : "Expedited";
    }
}
