package org.reviewdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.reviewdesk.domain.Citation;
import org.reviewdesk.guideline.TreatmentCategory;
import org.reviewdesk.precedent.PrecedentIndex;
import org.reviewdesk.service.PrecedentService;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "precedents", description = "Search the precedent library (imported public determination letters "
        + "and your finalized cases): the most similar decided items, one line each: case, item, decision, date, "
        + "request, cited guideline.", subcommands = PrecedentsCommand.Import.class)
final class PrecedentsCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Option(names = "--category", paramLabel = "KEY", description = "only items of this treatment category "
            + "(physical-therapy, imaging, opioid, ...)")
    String category;

    @Option(names = "--json", description = "one JSON document (format reviewdesk-precedents/1)")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "15", description = "at most this many items (default 15)")
    int limit;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "words of a request and its clinical "
            + "context, e.g. lumbar MRI 5 weeks after a contusion")
    List<String> query;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (query == null || query.isEmpty()) {
            // QUERY cannot be required in picocli's sense: "import" is a subcommand in the same place
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'QUERY'");
        }
        if (category != null && !TreatmentCategory.fromKey(category).key().equals(category.trim())) {
            throw new CliException("there is no treatment category \"" + category + "\"; the keys are "
                    + java.util.Arrays.stream(TreatmentCategory.values()).map(TreatmentCategory::key).toList());
        }
        try (Workbench w = root.open()) {
            PrecedentService p = w.precedents();
            String q = String.join(" ", query);
            List<PrecedentIndex.Hit> hits = p.search(q, category == null ? null : category.trim(), limit);
            if (json) {
                ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                ObjectNode doc = m.createObjectNode();
                doc.put("format", "reviewdesk-precedents/1");
                doc.put("query", q);
                if (category != null) {
                    doc.put("category", category.trim());
                }
                doc.put("summary", p.summaryLine(hits));
                ArrayNode arr = doc.putArray("items");
                for (PrecedentIndex.Hit h : hits) {
                    var e = h.entry();
                    ObjectNode o = arr.addObject();
                    o.put("caseNumber", e.precedent().caseNumber());
                    o.put("source", e.precedent().source().name().toLowerCase(java.util.Locale.ROOT));
                    if (e.precedent().decisionDate() != null) {
                        o.put("decisionDate", e.precedent().decisionDate().toString());
                    }
                    o.put("index", e.item().position());
                    o.put("request", e.item().request());
                    o.put("decision", e.item().decision().label());
                    o.put("category", e.category());
                    o.put("score", Math.round(h.score() * 100) / 100.0);
                    ArrayNode cites = o.putArray("citations");
                    for (Citation c : e.citations()) {
                        cites.add(p.citationLabel(c));
                    }
                    if (e.item().reviewerGuideline() != null) {
                        o.put("reviewerGuideline", e.item().reviewerGuideline());
                    }
                    o.put("rationale", e.item().rationale());
                }
                System.out.println(m.writeValueAsString(doc));
            } else {
                System.out.println(p.summaryLine(hits));
                for (PrecedentIndex.Hit h : hits) {
                    var e = h.entry();
                    System.out.println(e.precedent().caseNumber() + " #" + e.item().position() + "\t"
                            + e.item().decision().label() + "\t" + (e.precedent().decisionDate() == null ? ""
                            : e.precedent().decisionDate()) + "\t" + e.item().request() + "\t"
                            + String.join("; ", e.citations().stream().map(p::citationLabel).toList()));
                }
            }
        }
        return 0;
    }

    @Command(name = "import", description = "Import public IMR determination letters (PDF or text files, or folders "
            + "of them) into the precedent library; prints what was added and each letter that was not read, with "
            + "the reason. A letter already in the library is not added twice.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        PrecedentsCommand parent;

        @Parameters(arity = "1..*", paramLabel = "PATH", description = "letter PDFs or text files, or folders of them")
        List<Path> paths;

        @Override
        public Integer call() throws Exception {
            for (Path p : paths) {
                if (!Files.exists(p)) {
                    throw new CliException(p + " does not exist");
                }
            }
            try (Workbench w = parent.root.open()) {
                PrecedentService.ImportReport r = w.precedents().importLetters(paths, PrecedentService.Progress.NONE,
                        () -> false);
                for (PrecedentService.Failure f : r.failures()) {
                    System.out.println("not read: " + f.file() + ": " + f.reason());
                }
                System.out.println(r.summary() + " (" + r.filesRead() + " files; the library now holds "
                        + w.precedents().letterCount() + " letters)");
            }
            return 0;
        }
    }
}
