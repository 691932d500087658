package org.reviewdesk.cli;

import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.reviewdesk.domain.Citation;
import org.reviewdesk.guideline.CitationText;
import org.reviewdesk.guideline.GuidelineFormatException;
import org.reviewdesk.guideline.GuidelineLibrary;
import org.reviewdesk.guideline.GuidelineSection;
import org.reviewdesk.guideline.SearchHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code guidelines [QUERY]}: library entries and sections with their citation text; needs no store. The library is
 * the shipped one extended by {@code --library FILE}, else by the data folder's {@code guidelines.json} if there is
 * one (as the window and {@code suggest} extend it).
 */
@Command(name = "guidelines", description = "Guideline library entries matching QUERY, each with its citation text.")
final class GuidelinesCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "words that must all match (prefixes)")
    List<String> query = List.of();

    @Option(names = "--library", paramLabel = "FILE",
            description = "a library file of your own, merged over the shipped one")
    Path library;

    @ParentCommand
    ReviewDeskCommand root;

    @Override
    public Integer call() throws Exception {
        if (library == null && root != null) {
            Path own = root.dataDir().resolve("guidelines.json");
            if (java.nio.file.Files.exists(own)) {
                library = own;
            }
        }
        GuidelineLibrary lib = library == null ? GuidelineLibrary.shipped() : loadWithUserFile();
        String q = String.join(" ", query);
        List<SearchHit> hits = lib.search(q);
        if (hits.isEmpty()) {
            // Finding nothing is an answer, not a failure: exit 0 so scripts can tell it from an error.
            System.out.println("no guideline matches \"" + q + "\"");
            return 0;
        }
        for (SearchHit hit : hits) {
            GuidelineSection s = hit.section();
            Citation c = new Citation(hit.entry().id(), s == null ? List.of() : List.of(s.name()), null);
            System.out.println(hit.label() + ": " + CitationText.sentence(c, lib));
            String limits = s == null ? hit.entry().limits() : s.limits();
            if (limits != null) {
                String source = s == null ? hit.entry().source() : s.source();
                System.out.println("    limits: " + limits + (source == null ? "" : " [" + source + "]"));
            }
        }
        return 0;
    }

    private GuidelineLibrary loadWithUserFile() throws Exception {
        // The shipped file is read from the guideline package so that it stays the one copy of the data.
        try (InputStream shipped = GuidelineLibrary.class.getResourceAsStream("library.json")) {
            return GuidelineLibrary.load(shipped, library);
        } catch (NoSuchFileException e) {
            throw new CliException("there is no library file " + library);
        } catch (GuidelineFormatException e) {
            throw new CliException("the library file is not valid: " + e.getMessage());
        }
    }
}
