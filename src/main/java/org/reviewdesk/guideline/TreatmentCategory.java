package org.reviewdesk.guideline;

import java.util.Locale;

/** The kind of treatment an item asks for; the key is the case file's {@code treatmentCategory}. */
public enum TreatmentCategory {
    PHYSICAL_THERAPY("physical-therapy", "Physical or occupational therapy"),
    CHIROPRACTIC("chiropractic", "Chiropractic and manipulation"),
    ACUPUNCTURE("acupuncture", "Acupuncture"),
    IMAGING("imaging", "Imaging (MRI, CT, X-ray)"),
    ELECTRODIAGNOSTIC("electrodiagnostic", "Electrodiagnostic studies (EMG/NCS)"),
    OPIOID("opioid", "Opioids"),
    NSAID("nsaid", "NSAIDs"),
    MUSCLE_RELAXANT("muscle-relaxant", "Muscle relaxants"),
    TOPICAL("topical", "Topical analgesics and compounds"),
    TENS_DME("tens-dme", "TENS and durable medical equipment"),
    INJECTION("injection", "Injections"),
    SURGERY("surgery", "Surgery and post-operative items"),
    PSYCH("psych", "Psychological treatment"),
    PREOP("preop", "Pre-operative testing and medical clearance"),
    SURGICAL_ASSISTANT("surgical-assistant", "Surgical assistant"),
    CONSULTATION("consultation", "Consultation, office visit or referral"),
    GI_PROTECTION("gi-protection", "GI protection (PPI, H2 blocker)"),
    HOME_HEALTH("home-health", "Home health services"),
    FACILITY("facility", "Inpatient rehabilitation, skilled nursing, facility level"),
    DRUG_TESTING("drug-testing", "Urine drug testing"),
    FCE("fce", "Functional capacity evaluation"),
    OTHER("other", "Other treatment");

    private final String key;
    private final String label;

    TreatmentCategory(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The key used in case files and the guideline library, e.g. {@code physical-therapy}. */
    public String key() {
        return key;
    }

    /** A short name for people. */
    public String label() {
        return label;
    }

    /** The category with this key (case and surrounding blanks ignored); {@link #OTHER} for null or unknown keys. */
    public static TreatmentCategory fromKey(String key) {
        if (key == null) {
            return OTHER;
        }
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (TreatmentCategory c : values()) {
            if (c.key.equals(k)) {
                return c;
            }
        }
        return OTHER;
    }
}
