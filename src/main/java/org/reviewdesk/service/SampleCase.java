package org.reviewdesk.service;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.RecordContent;
import org.reviewdesk.domain.RecordDocument;
import org.reviewdesk.exchange.CaseFormatException;
import org.reviewdesk.exchange.CaseJson;

/** The built-in sample case: the seed letter's case with synthetic record documents, from the jar. */
public record SampleCase(CaseFile caseFile, Map<String, RecordContent> records) {
    private static final String BASE = "/org/reviewdesk/sample/";

    public static SampleCase load() throws IOException, CaseFormatException {
        return load(java.time.Clock.systemDefaultZone());
    }

    /**
     * The sample case assigned the day before {@code clock}'s today, so its due date lies ahead and it
     * is never overdue on the first day (the clinical dates are the record's own).
     */
    public static SampleCase load(java.time.Clock clock) throws IOException, CaseFormatException {
        CaseFile read = CaseJson.read(resource(BASE + "case.json"));
        CaseFile c = new CaseFile(read.caseNumber(), read.priority(), read.reviewType(),
                java.time.LocalDate.now(clock).minusDays(1), read.dateOfInjury(), read.urDenialDate(),
                read.applicationReceived(), read.decisionDate(), null, read.organization(), read.reviewer(),
                read.parties(), read.clinicalSummary(), read.items(), read.documents(), read.evidence());
        Map<String, RecordContent> records = new LinkedHashMap<>();
        for (RecordDocument d : c.documentList()) {
            byte[] bytes = resource(BASE + d.file());
            records.put(d.id(), new RecordContent(d.id(), bytes.length, sha256(bytes),
                    () -> new java.io.ByteArrayInputStream(bytes)));
        }
        return new SampleCase(c, records);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SampleCase.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("The sample case resource " + name + " is missing from the application");
            }
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
