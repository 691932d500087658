package org.reviewdesk.store;

/** No case with this case number is in the store. */
public final class NoSuchCaseException extends StoreException {
    public NoSuchCaseException(String caseNumber) {
        super("There is no case " + caseNumber + " in the store; 'reviewdesk list' shows the cases.");
    }
}
