package org.reviewdesk.letter.sign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What was found about one signature in a PDF. {@code intact} means the signed bytes hash to what the
 * signer signed and the signature verifies with the embedded certificate (and the time-stamp, if any,
 * matches the signature); it says nothing about whether the certificate is trusted.
 *
 * @param problem why the signature could not be checked at all, or null
 */
public record SignatureCheck(String fieldName, String signerName, Instant signingTime, boolean intact,
                             boolean coversWholeDocument, String subFilter, String certificateSubject,
                             String certificateIssuer, String serialNumber, Instant certificateNotBefore,
                             Instant certificateNotAfter, String sha256Fingerprint, boolean selfSigned,
                             Instant timestamp, String problem) {
    static final String PADES_SUBFILTER = "ETSI.CAdES.detached";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    /** Valid for a letter: unchanged since signing, and nothing added after the signature. */
    public boolean valid() {
        return intact && coversWholeDocument;
    }

    /** True when the signature carries an RFC 3161 time-stamp (PAdES B-T or higher). */
    public boolean timestamped() {
        return timestamp != null;
    }

    /** "PAdES B-B", "PAdES B-T", or the raw /SubFilter for older signature formats. */
    public String profile() {
        if (!PADES_SUBFILTER.equals(subFilter)) {
            return subFilter == null ? "unknown format" : subFilter;
        }
        return timestamped() ? "PAdES B-T" : "PAdES B-B";
    }

    /** Human-readable lines, the first naming the field and the verdict. */
    List<String> lines(ZoneId zone) {
        List<String> lines = new ArrayList<>();
        lines.add("Signature " + fieldName + ": " + (valid() ? "VALID" : "NOT VALID (" + reason() + ")"));
        if (problem != null && certificateSubject == null) {
            return lines;
        }
        lines.add("  Signer: " + signerName);
        lines.add("  Signed at: "
                + (signingTime == null ? "not stated" : TIME.format(signingTime.atZone(shown(zone)))));
        lines.add("  Signed content unchanged: " + (intact ? "yes" : "NO"));
        lines.add("  Covers the whole document: " + (coversWholeDocument ? "yes" : "NO"));
        lines.add("  Certificate: " + certificateSubject + ", issued by "
                + (selfSigned ? certificateIssuer + " (self-signed)" : certificateIssuer)
                + ", valid " + day(certificateNotBefore) + " to " + day(certificateNotAfter)
                + ", SHA-256 " + sha256Fingerprint);
        lines.add("  Certificate serial: " + serialNumber);
        lines.add("  Time-stamp: " + (timestamped()
                ? TIME.format(timestamp.atZone(shown(zone))) + " (" + profile() + ")"
                : "none (" + profile() + ")"));
        return lines;
    }

    private String reason() {
        if (problem != null) {
            return "could not be checked: " + problem;
        }
        if (!intact) {
            return "the signed content was changed after signing, or the signature is damaged";
        }
        return "content was added after the signature";
    }

    private static String day(Instant instant) {
        return instant == null ? "?" : DAY.format(instant.atZone(ZoneOffset.UTC));
    }

    private static ZoneId shown(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
    }
}
