package org.reviewdesk.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.reviewdesk.service.SearchService.SearchHit;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "search", description = "Full-text search of the records: words, \"a phrase\", prefix*. "
        + "One line per hit: case, document, page, snippet.")
final class SearchCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Option(names = "--case", paramLabel = "CASE", description = "search this case only")
    String caseNumber;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "at most this many hits (default 50)")
    int limit;

    @Option(names = "--fuzzy", description = "also match words one or two letters off (typos, OCR errors); "
            + "word~ asks that for one word")
    boolean fuzzy;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "words, \"phrases\", prefix*, fuzzy~; pages "
            + "with every part first, best first")
    List<String> query;

    @Override
    public Integer call() throws Exception {
        try (Workbench w = root.open()) {
            if (caseNumber != null) {
                w.cases().get(caseNumber);
            }
            for (SearchHit h : w.search().search(String.join(" ", query), caseNumber, limit, fuzzy)) {
                // a snippet is the record's text, a hostile sender's included: no control characters
                System.out.println(h.caseNumber() + "\t" + h.documentId() + "\tp. " + h.page() + "\t"
                        + org.reviewdesk.files.Escape.controls(h.snippet()));
            }
            if (caseNumber != null && w.ocr().status(caseNumber).unfinished()) {
                // issue 11: scanned pages still waiting for OCR are not searched yet
                System.err.println("note: " + w.ocr().status(caseNumber).label() + "; pages not read yet are not "
                        + "searched");
            }
        }
        return 0;
    }
}
