package org.reviewdesk.store;

/** A finalized case is read-only; changes go into an amendment. */
public final class CaseLockedException extends StoreException {
    public CaseLockedException(String caseNumber) {
        super("Case " + caseNumber + " is finalized and read-only; open an amendment to change it.");
    }
}
