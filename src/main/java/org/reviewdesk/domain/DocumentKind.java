package org.reviewdesk.domain;

/** What a record document is. */
public enum DocumentKind {
    PROGRESS_NOTE("Progress note"),
    UR_DECISION("Utilization review"),
    IMR_APPLICATION("IMR application"),
    IMAGING_REPORT("Imaging report"),
    CONSULT_REPORT("Consultation report"),
    THERAPY_NOTE("Therapy note"),
    OPERATIVE_REPORT("Operative report"),
    LAB_REPORT("Laboratory report"),
    MEDICAL_LEGAL_REPORT("Medical-legal report"),
    PHARMACY_RECORD("Pharmacy record"),
    REQUEST_FOR_AUTHORIZATION("Request for authorization"),
    CORRESPONDENCE("Correspondence"),
    OTHER("Other");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
