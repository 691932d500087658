package org.reviewdesk.store;

/** A case with this case number is already in the store. */
public final class DuplicateCaseException extends StoreException {
    private final String caseNumber;

    public DuplicateCaseException(String caseNumber) {
        super("Case " + caseNumber + " is already in the store; it was not imported again.");
        this.caseNumber = caseNumber;
    }

    public String caseNumber() {
        return caseNumber;
    }
}
