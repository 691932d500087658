package org.reviewdesk.domain;

/** The reviewer's decision on one disputed item. */
public enum Decision {
    /** The denial stands: the treatment is not medically necessary. */
    UPHELD,
    /** The denial is reversed: the treatment is medically necessary. */
    OVERTURNED;

    /** The word the letter prints after the request. */
    public String label() {
        return this == UPHELD ? "Upheld" : "Overturned";
    }
}
