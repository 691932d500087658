package org.reviewdesk.cli;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.reviewdesk.files.Escape;
import org.reviewdesk.service.OcrService;
import org.reviewdesk.service.RecordService;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "records", description = "The clinical record of a case.",
        subcommands = {RecordsCommand.Add.class, RecordsCommand.ListCommand.class})
final class RecordsCommand implements Callable<Integer> {
    /** This command as the parser built it: a usage error names it as "reviewdesk NAME". */
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    ReviewDeskCommand root;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "records needs a subcommand: records add CASE FILE..., records list CASE");
    }

    @Command(name = "add", description = "Add record files (PDF, text, PNG, JPEG, TIFF) to a case; prints one line "
            + "per file. Scanned pages are read by OCR (progress on standard error) unless --no-ocr.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        RecordsCommand records;

        @Parameters(index = "0", paramLabel = "CASE", description = "case number")
        String caseNumber;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "record files")
        List<Path> files;

        @Option(names = "--no-ocr", description = "do not read scanned pages now (the window reads them later)")
        boolean noOcr;

        @Override
        public Integer call() throws Exception {
            int refused = 0;
            try (Workbench w = records.root.open()) {
                w.cases().get(caseNumber);
                // a served command stops when its client goes (Ctrl+C): what was being read is removed
                for (RecordService.AddResult r : w.records().addFiles(caseNumber, files, RecordService.Progress.NONE,
                        records.root.cancelled)) {
                    if (r.error() != null) {
                        refused++;
                        // the file's name comes from the reviewer's disk, whoever named it: no control characters
                        System.err.println("error: " + Escape.controls(r.error()));
                    } else if (r.duplicate()) {
                        System.out.println(Escape.controls(r.fileName()) + ": already in the case as " + r.documentId()
                                + "; not stored again");
                    } else {
                        System.out.println(Escape.controls(r.fileName()) + ": added as " + r.documentId() + " (" + r.pages()
                                + (r.pages() == 1 ? " page)" : " pages)"));
                    }
                }
                OcrService.Status s = w.ocr().status(caseNumber);
                if (s.pending() > 0 && !noOcr) {
                    // the files' lines first, whole: the progress below rewrites its own line on standard error
                    System.out.flush();
                    long t0 = System.nanoTime();
                    int[] last = {-1};
                    // progress of this command's pages (the case may hold pages read before)
                    int before = s.done() + s.failed();
                    int waiting = s.pending();
                    s = w.ocr().runNow(caseNumber, (done, total) -> {
                        if (done != last[0]) {
                            last[0] = done;
                            System.err.print("\rOCR " + (done - before) + " of " + waiting + " pages");
                        }
                    });
                    double secs = (System.nanoTime() - t0) / 1e9;
                    int read = s.done() + s.failed() - before;
                    System.err.printf("%nOCR read %d %s in %.1f s%n", read, read == 1 ? "page" : "pages", secs);
                    if (s.failed() > 0) {
                        System.err.println("warning: " + s.failed() + (s.failed() == 1 ? " page" : " pages")
                                + " could not be read by OCR");
                    }
                } else if (s.pending() > 0) {
                    System.err.println(s.pending() + (s.pending() == 1 ? " scanned page waits" : " scanned pages wait")
                            + " for OCR (run without --no-ocr, or open the case in the window)");
                }
            }
            return refused == 0 ? 0 : 1;
        }
    }

    @Command(name = "list", description = "The case's record as a chronology: one line per document, oldest first: "
            + "date, kind, author, pages, file.")
    static final class ListCommand implements Callable<Integer> {
        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

        @ParentCommand
        RecordsCommand records;

        @Parameters(index = "0", paramLabel = "CASE", description = "case number")
        String caseNumber;

        @Override
        public Integer call() throws Exception {
            try (Workbench w = records.root.open()) {
                w.cases().get(caseNumber);
                var dups = w.records().duplicates(caseNumber);
                for (RecordService.ChronologyEntry e : w.records().chronology(caseNumber)) {
                    long dupPages = dups.stream().filter(d -> d.documentId().equals(e.documentId())
                            && d.page() >= e.firstPage() && d.page() <= e.lastPage()).count();
                    String pages = e.firstPage() == e.lastPage() ? "p. " + e.firstPage()
                            : "pp. " + e.firstPage() + "-" + e.lastPage();
                    System.out.println(String.join("\t",
                            e.date() == null ? "undated" : DATE.format(e.date()),
                            e.kind() == null ? "Other" : e.kind().label(),
                            e.author() == null ? "" : Escape.controls(e.author()),
                            pages + (dupPages > 0 ? " (" + dupPages + " duplicate)" : ""),
                            Escape.controls(e.fileTitle())));
                }
                OcrService.Status s = w.ocr().status(caseNumber);
                if (s.unfinished()) {
                    System.err.println("note: " + s.label() + "; the chronology may change as OCR goes on");
                }
            }
            return 0;
        }
    }
}
