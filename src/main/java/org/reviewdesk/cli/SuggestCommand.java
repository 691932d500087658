package org.reviewdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Citation;
import org.reviewdesk.domain.Item;
import org.reviewdesk.guideline.CategorySuggester;
import org.reviewdesk.guideline.CitationText;
import org.reviewdesk.guideline.GuidelineLibrary;
import org.reviewdesk.guideline.GuidelineRanker;
import org.reviewdesk.guideline.RulesData;
import org.reviewdesk.guideline.SearchHit;
import org.reviewdesk.guideline.TreatmentCategory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code suggest (CASE | --case FILE.json) [--json]}: per disputed item the suggested treatment category
 * and the first 10 guideline entries the Cite dialog opens with; {@code suggest --categories} lists the keys.
 */
@Command(name = "suggest", description = "Per disputed item: the suggested treatment category and the first 10 "
        + "guideline entries the Cite dialog opens with.")
final class SuggestCommand implements Callable<Integer> {
    /** This command as the parser built it: a usage error names it as "reviewdesk NAME". */
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final int SHOWN = 10;

    @ParentCommand
    ReviewDeskCommand root;

    @ArgGroup(multiplicity = "0..1")
    BuilderCaseSource source;

    @Option(names = "--json", description = "one JSON document (reviewdesk-suggest/1) on standard output")
    boolean json;

    @Option(names = "--categories", description = "list the treatment category keys and exit")
    boolean categories;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (categories) {
            for (TreatmentCategory c : TreatmentCategory.values()) {
                out.println(c.key() + "\t" + c.label());
            }
            return 0;
        }
        if (source == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give a CASE number or --case FILE.json");
        }
        return source.with(root, loaded -> print(loaded.caseFile(), loaded.library(), out));
    }

    private int print(CaseFile c, GuidelineLibrary lib, PrintStream out) throws Exception {
        GuidelineRanker ranker = new GuidelineRanker(lib, RulesData.active());
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < c.items().size(); i++) {
            Item item = c.items().get(i);
            // the item's chosen category, or the suggestion with the case's other items as context
            TreatmentCategory category = CategorySuggester.ofItem(c, i);
            List<SearchHit> hits = ranker.forItem(item.request(), category.key(), Map.of());
            List<Map<String, Object>> guidelines = new ArrayList<>();
            for (SearchHit h : hits.subList(0, Math.min(SHOWN, hits.size()))) {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("id", h.entry().id());
                g.put("kind", h.entry().kind().name());
                g.put("name", h.entry().name());
                if (h.section() != null) {
                    g.put("section", h.section().name());
                }
                g.put("citation", CitationText.sentence(new Citation(h.entry().id(),
                        h.section() == null ? List.of() : List.of(h.section().name()), null), lib)
                        .replaceFirst("^Decision based on (Non-MTUS Citation )?", "").replaceFirst("\\.$", ""));
                guidelines.add(g);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", i + 1);
            row.put("request", GuidelineRanker.cleanRequest(item.request()));
            row.put("category", category.key());
            row.put("guidelines", guidelines);
            items.add(row);
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("format", "reviewdesk-suggest/1");
            doc.put("caseNumber", c.caseNumber());
            doc.put("items", items);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            return 0;
        }
        out.println(c.caseNumber());
        for (Map<String, Object> row : items) {
            out.println();
            out.println("Item " + row.get("index") + ": " + row.get("request"));
            out.println("  category: " + row.get("category") + " ("
                    + TreatmentCategory.fromKey((String) row.get("category")).label() + ")");
            int n = 1;
            for (Object o : (List<?>) row.get("guidelines")) {
                Map<?, ?> g = (Map<?, ?>) o;
                out.println(String.format("  %2d. %s", n++, g.get("citation")));
            }
        }
        return 0;
    }
}
