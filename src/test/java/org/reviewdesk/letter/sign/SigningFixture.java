package org.reviewdesk.letter.sign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** One self-signed reviewer identity and one letter, made once: RSA 3072 key generation is the slow part. */
final class SigningFixture {
    static final String REVIEWER = "Dr. Example Reviewer";
    static final char[] PASSWORD = "correct horse battery".toCharArray();
    /** A fixed signing time, so texts and dates are predictable. */
    static final Instant SIGNED_AT = Instant.parse("2026-11-26T23:10:05Z");
    static final Instant CERT_START = SIGNED_AT.minus(Duration.ofDays(1));

    private static SigningFixture instance;

    final byte[] p12;
    final SigningIdentity identity;
    final byte[] letter;
    final LetterSigner signer;

    private SigningFixture() throws Exception {
        p12 = SelfSignedIdentity.create(REVIEWER, Period.ofYears(5), PASSWORD, Clock.fixed(CERT_START, ZoneOffset.UTC));
        identity = SigningIdentity.fromPkcs12(p12, PASSWORD, SIGNED_AT);
        letter = TestLetters.letter(2);
        signer = new LetterSigner(TestLetters.fontBytes(), ZoneId.of("UTC"));
    }

    static synchronized SigningFixture get() throws Exception {
        if (instance == null) {
            instance = new SigningFixture();
        }
        return instance;
    }

    byte[] signedLetter() throws SigningException {
        return signer.sign(letter, identity, TestLetters.look(REVIEWER, 2), null, SIGNED_AT);
    }
}
