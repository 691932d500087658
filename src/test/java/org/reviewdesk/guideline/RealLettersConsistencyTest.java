package org.reviewdesk.guideline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.reviewdesk.TestData;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Item;
import org.reviewdesk.exchange.CaseJson;

class RealLettersConsistencyTest {

    record Finding(String caseNumber, int index, ConsistencyCheck check) {
    }

    static List<Finding> findings() throws Exception {
        List<Finding> all = new ArrayList<>();
        for (Path p : TestData.letterCases()) {
            CaseFile c = CaseJson.read(Files.readAllBytes(p));
            for (int i = 0; i < c.items().size(); i++) {
                Item item = c.items().get(i);
                for (ConsistencyCheck k : ConsistencyChecker.check(c, item, i, phrase -> List.of())) {
                    all.add(new Finding(c.caseNumber(), i, k));
                }
            }
        }
        return all;
    }

    @Test
    void realLettersCountsPerCheck() throws Exception {
        List<Finding> all = findings();
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding f : all) {
            String kind = f.check().key().replaceFirst(":.*", "") + " " + f.check().severity();
            counts.merge(kind, 1, Integer::sum);
            if (f.check().severity() != ConsistencyCheck.Severity.INFO && !f.check().key().equals("reading-grade")) {
                System.out.println(f.caseNumber() + " #" + f.index() + " " + f.check().message());
            }
        }
        System.out.println(counts);
    }
}
