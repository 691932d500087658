package org.reviewdesk.cli;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.exchange.CaseFormatException;
import org.reviewdesk.exchange.CaseJson;
import org.reviewdesk.guideline.DocumentedSearch;
import org.reviewdesk.guideline.GuidelineLibrary;
import org.reviewdesk.service.SearchService;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code CASE | --case FILE.json} of {@code suggest} and {@code check}: a stored case, or a case file as it is. */
final class BuilderCaseSource {
    @Parameters(paramLabel = "CASE", description = "case number of a stored case")
    String caseNumber;

    @Option(names = "--case", paramLabel = "FILE.json", description = "a case file, checked as it is; nothing is stored")
    Path caseFile;

    /** What a command works on: the case, for a stored case a search of its record, and the guideline library. */
    record Loaded(CaseFile caseFile, DocumentedSearch search, GuidelineLibrary library) {
    }

    interface Work<T> {
        T run(Loaded loaded) throws Exception;
    }

    <T> T with(ReviewDeskCommand root, Work<T> work) throws Exception {
        if (caseFile != null) {
            CaseFile c;
            if (!java.nio.file.Files.exists(caseFile)) {
                throw new CliException("there is no case file " + caseFile);
            }
            try {
                c = CaseJson.read(PlainFiles.read(caseFile, "the case file",
                        org.reviewdesk.exchange.PacketLimits.DEFAULT.maxCaseFileBytes()));
            } catch (NoSuchFileException e) {
                throw new CliException("there is no case file " + caseFile);
            } catch (CaseFormatException e) {
                throw new CliException(caseFile + " is not a valid case file: " + e.getMessage());
            }
            // the data folder's own rules and guidelines, as for a stored case (its store stays closed)
            return work.run(new Loaded(c, null, Workbench.guidelinesOf(root.dataDir())));
        }
        try (Workbench w = root.open()) {
            CaseFile c = w.cases().get(caseNumber);
            String number = c.caseNumber();
            DocumentedSearch search = phrase -> {
                try {
                    return w.search().search("\"" + phrase.replace("\"", "") + "\"", number, 20).stream()
                            .filter(h -> !SearchService.negated(h.snippet(), h.snippetMarks())).limit(5)
                            .map(h -> h.documentTitle() + ", page " + h.page() + ": " + h.snippet()).toList();
                } catch (Exception e) {
                    return List.of();
                }
            };
            return work.run(new Loaded(c, search, w.guidelines()));
        }
    }
}
