package org.reviewdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Period;
import java.util.Arrays;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.exchange.CaseJson;
import org.reviewdesk.letter.RenderedLetter;
import org.reviewdesk.letter.sign.SelfSignedIdentity;
import org.reviewdesk.letter.sign.SigningIdentity;
import org.reviewdesk.service.LetterService;

/**
 * Render and sign a letter in a warm process, many times; prints the median and 95th percentile.
 * Run with src/test/bench/letter-benchmark.sh (target: under 300 ms for a three-page letter).
 */
public final class LetterBenchmark {
    private LetterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path caseFile = Path.of(args[0]);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        CaseFile c = CaseJson.read(Files.readAllBytes(caseFile));
        char[] pw = "bench password".toCharArray();
        SigningIdentity id = SigningIdentity.fromPkcs12(SelfSignedIdentity.create("Benchmark Reviewer",
                Period.ofYears(1), pw), pw);
        int pages = 0;
        for (int i = 0; i < warmup; i++) {
            pages = once(c, id).pages();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            once(c, id);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("letter %s: %d pages; render+sign warm: median %.1f ms, p95 %.1f ms, max %.1f ms "
                + "(%d runs after %d warm-up)%n", c.caseNumber(), pages, ms[runs / 2], ms[(int) (runs * 0.95) - 1],
                ms[runs - 1], runs, warmup);
    }

    private static RenderedLetter once(CaseFile c, SigningIdentity id) throws Exception {
        RenderedLetter r = LetterService.render(c);
        byte[] signed = LetterService.signOutsideStore(r, id, Clock.systemDefaultZone());
        if (signed.length <= r.pdf().length) {
            throw new IllegalStateException("not signed");
        }
        return r;
    }
}
