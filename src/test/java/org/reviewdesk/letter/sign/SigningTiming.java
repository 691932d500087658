package org.reviewdesk.letter.sign;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Arrays;

/**
 * Not a test: prints how long signing and key generation take in a warm JVM, for the benchmarks notes.
 * Run with {@code java -cp target/classes:target/test-classes:<test class path>
 * org.reviewdesk.letter.sign.SigningTiming [runs]}.
 */
final class SigningTiming {
    private SigningTiming() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long start = System.nanoTime();
        SigningFixture fixture = SigningFixture.get();
        System.out.printf("fixture (RSA 3072 key + certificate + p12, letter): %d ms%n", ms(start));
        byte[] letter = TestLetters.letter(3);
        SignatureAppearance look = TestLetters.look(SigningFixture.REVIEWER, 3);
        for (int i = 0; i < 10; i++) {
            fixture.signer.sign(letter, fixture.identity, look, null, SigningFixture.SIGNED_AT);
        }
        long[] sign = new long[runs];
        long[] verify = new long[runs];
        byte[] signed = null;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            signed = fixture.signer.sign(letter, fixture.identity, look, null, SigningFixture.SIGNED_AT);
            sign[i] = System.nanoTime() - t;
            t = System.nanoTime();
            SignatureVerifier.verify(signed);
            verify[i] = System.nanoTime() - t;
        }
        System.out.printf("3-page letter %d bytes, signed %d bytes%n", letter.length, signed.length);
        report("sign (B-B)", sign);
        report("verify", verify);
        for (int bits : new int[] {2048, 3072}) {
            long[] gen = new long[5];
            for (int i = 0; i < gen.length; i++) {
                long t = System.nanoTime();
                var generator = java.security.KeyPairGenerator.getInstance("RSA");
                generator.initialize(bits);
                generator.generateKeyPair();
                gen[i] = System.nanoTime() - t;
            }
            report("RSA " + bits + " key generation", gen);
        }
        long[] create = new long[5];
        for (int i = 0; i < create.length; i++) {
            long t = System.nanoTime();
            SelfSignedIdentity.create("Dr. Timing", Period.ofYears(5), SigningFixture.PASSWORD);
            create[i] = System.nanoTime() - t;
        }
        report("SelfSignedIdentity.create (RSA 3072)", create);
        System.out.println("at " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-40s n=%d median %.1f ms, min %.1f ms, max %.1f ms%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static long ms(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
