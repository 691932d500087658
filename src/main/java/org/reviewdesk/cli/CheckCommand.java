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
import org.reviewdesk.guideline.ConsistencyCheck;
import org.reviewdesk.guideline.ConsistencyChecker;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code check (CASE | --case FILE.json) [--json]}: the consistency findings of every item; exit 1 on an ERROR. */
@Command(name = "check", description = "The consistency findings of every item; exit 1 when any is an ERROR.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @ArgGroup(multiplicity = "1")
    BuilderCaseSource source;

    @Option(names = "--json", description = "one JSON document (reviewdesk-check/1) on standard output")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        return source.with(root, loaded -> print(loaded, out));
    }

    private int print(BuilderCaseSource.Loaded loaded, PrintStream out) throws Exception {
        CaseFile c = loaded.caseFile();
        boolean error = false;
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < c.items().size(); i++) {
            List<Map<String, Object>> findings = new ArrayList<>();
            for (ConsistencyCheck k : ConsistencyChecker.check(c, c.items().get(i), i, loaded.search())) {
                error |= k.severity() == ConsistencyCheck.Severity.ERROR;
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("severity", k.severity().name());
                f.put("kind", k.key().replaceFirst(":.*", ""));
                f.put("message", k.message());
                findings.add(f);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", i + 1);
            row.put("findings", findings);
            items.add(row);
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("format", "reviewdesk-check/1");
            doc.put("caseNumber", c.caseNumber());
            doc.put("items", items);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            out.println(c.caseNumber());
            for (Map<String, Object> row : items) {
                for (Object o : (List<?>) row.get("findings")) {
                    Map<?, ?> f = (Map<?, ?>) o;
                    // a message may quote the record (a hostile file's escape sequences): never raw to a terminal
                    out.println(f.get("severity") + "\t" + f.get("kind") + "\t"
                            + org.reviewdesk.files.Escape.controls(String.valueOf(f.get("message"))));
                }
            }
        }
        if (error) {
            System.err.println("error: the case has consistency ERRORs; fix them before signing");
            return 1;
        }
        return 0;
    }
}
