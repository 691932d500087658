package org.reviewdesk.guideline;

/** How an MTUS entry's sections are printed in a citation string. */
public enum CitationStyle {
    /** {@code <guideline>, Section(s): <a>, <b>}: the 2016-17 letters. */
    SECTIONS,
    /** {@code <guideline> <section> Page(s): <pages>}: the older (2015) letters, e.g. the sample case. */
    INLINE
}
