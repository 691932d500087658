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
 * <p>Like PDF readers, integrity and identity are separate: {@link #verdict()} is VALID only when the
 * signature is intact, covers the whole file and its certificate is trusted (in the trust list, or issued
 * by a CA in it); an intact signature by an unknown certificate is "INTACT, SIGNER NOT TRUSTED".
 *
 * @param problem why the signature could not be checked at all, or null
 * @param trustedBy what made the certificate trusted ("the trust list", "CA ..."), or null when it is not
 * @param auditHead the ReviewDesk audit head recorded in the signed signature dictionary, or null
 */
public record SignatureCheck(String fieldName, String signerName, Instant signingTime, boolean intact,
                             boolean coversWholeDocument, String subFilter, String certificateSubject,
                             String certificateIssuer, String serialNumber, Instant certificateNotBefore,
                             Instant certificateNotAfter, String sha256Fingerprint, boolean selfSigned,
                             Instant timestamp, String problem, String trustedBy, String auditHead) {
    /** The three results a check can have. */
    public enum Verdict {
        VALID("VALID"), INTACT_UNTRUSTED("INTACT, SIGNER NOT TRUSTED"), INVALID("INVALID");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    static final String PADES_SUBFILTER = "ETSI.CAdES.detached";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    /** Unchanged since signing, and nothing added after the signature (integrity, not identity). */
    public boolean intactAndWhole() {
        return intact && coversWholeDocument && problem == null;
    }

    /** Whether the signing certificate is trusted. */
    public boolean trusted() {
        return trustedBy != null;
    }

    /** VALID: intact, whole and by a trusted certificate. */
    public boolean valid() {
        return intactAndWhole() && trusted();
    }

    public Verdict verdict() {
        return !intactAndWhole() ? Verdict.INVALID : trusted() ? Verdict.VALID : Verdict.INTACT_UNTRUSTED;
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
        lines.add("Signature " + fieldName + ": " + (verdict() == Verdict.INVALID
                ? "INVALID (" + reason() + ")" : verdict().text()));
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
        lines.add("  Certificate SHA-256 fingerprint: " + sha256Fingerprint);
        lines.add("  Signer trusted: " + (trusted() ? "yes (" + trustedBy + ")"
                : "NO: " + (selfSigned ? "a self-signed certificate" : "a certificate") + " that is not in the trust "
                + "list and not issued by a CA in it. Anyone can make a certificate with any name: compare the "
                + "fingerprint above with the one the signer gives you (by phone), then trust it with "
                + "'reviewdesk trust add' or check once with 'verify --trust FILE.cer'"));
        if (auditHead != null) {
            lines.add("  Audit head at signing: " + auditHead);
        }
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
