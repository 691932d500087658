package org.reviewdesk.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.CaseSummary;
import org.reviewdesk.domain.Citation;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.Item;
import org.reviewdesk.guideline.GuidelineEntry;
import org.reviewdesk.guideline.GuidelineKind;
import org.reviewdesk.guideline.GuidelineLibrary;
import org.reviewdesk.precedent.CitationKeys;
import org.reviewdesk.precedent.LetterFiles;
import org.reviewdesk.precedent.LetterParseException;
import org.reviewdesk.precedent.Precedent;
import org.reviewdesk.precedent.PrecedentIndex;
import org.reviewdesk.precedent.PrecedentItem;
import org.reviewdesk.store.PrecedentRepository;
import org.reviewdesk.store.Store;
import org.reviewdesk.store.StoreException;

/**
 * The precedent library: public determination letters the reviewer imports (kept in the encrypted store) and the
 * reviewer's own finalized cases, ranked by similarity to an item under review. The ranking index lives in memory
 * only and is rebuilt from the store after an import.
 */
public final class PrecedentService {
    /** Letter files larger than this are not determination letters. */
    static final long MAX_LETTER_BYTES = 20L * 1024 * 1024;
    static final int SHOWN = 15;
    static final double SHOWN_SCORE_SHARE = 0.35;

    /** Progress of an import: files read so far, of how many, and the file just read. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, file) -> { };

        void filesRead(int done, int total, String fileName);
    }

    /** A letter that did not go in, and why. */
    public record Failure(String file, String reason) {
    }

    /** What an import did. */
    public record ImportReport(int filesRead, List<String> added, List<String> alreadyInLibrary,
                               List<Failure> failures) {
        public String summary() {
            return added.size() + " letter" + (added.size() == 1 ? "" : "s") + " added, " + alreadyInLibrary.size()
                    + " already in the library, " + failures.size() + " not read";
        }
    }

    /** The similar decisions for one item, with the panel's summary line. */
    public record Similar(List<PrecedentIndex.Hit> hits, String summaryLine, Map<String, Double> citedBoost) {
        public long upheld() {
            return hits.stream().filter(h -> h.entry().item().decision() == Decision.UPHELD).count();
        }
    }

    private final Store store;
    private final CaseLibrary cases;
    private final Callable<GuidelineLibrary> guidelines;
    private PrecedentIndex index;
    private List<String> indexedOwn = List.of();

    PrecedentService(Store store, CaseLibrary cases, Callable<GuidelineLibrary> guidelines) {
        this.store = store;
        this.cases = cases;
        this.guidelines = guidelines;
    }

    /** How many public letters the library holds. */
    public int letterCount() throws StoreException {
        return store.precedents().count();
    }

    /** Whether the first-run offer to import published decisions was dismissed (or used). */
    public boolean offerDismissed() throws StoreException {
        return store.settings().get("precedents.offerDismissed").isPresent();
    }

    public void dismissOffer() throws StoreException {
        store.settings().put("precedents.offerDismissed", "true");
    }

    /**
     * Imports determination letters (PDF or text files, or folders of them, searched recursively). Files are read
     * on two threads in memory; the letters that parse go into the store in one transaction; a letter already in
     * the library (same case number) is not added twice. Nothing is written when {@code cancelled} turns true.
     */
    public ImportReport importLetters(List<Path> paths, Progress progress, BooleanSupplier cancelled)
            throws IOException, StoreException, InterruptedException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> LetterFiles.isLetterFile(f.getFileName().toString()))
                            .sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IOException(p + " is neither a file nor a folder");
            }
        }
        List<Precedent> parsed = Collections.synchronizedList(new ArrayList<>());
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "letter-import");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (Path f : files) {
                jobs.add(pool.submit(() -> {
                    if (stop.get() || cancelled.getAsBoolean()) {
                        stop.set(true);
                        return;
                    }
                    String name = f.getFileName().toString();
                    try {
                        if (Files.size(f) > MAX_LETTER_BYTES) {
                            failures.add(new Failure(name, "larger than 20 MB: not a determination letter"));
                        } else {
                            parsed.add(LetterFiles.read(name, Files.readAllBytes(f)));
                        }
                    } catch (LetterParseException e) {
                        failures.add(new Failure(name, e.getMessage()));
                    } catch (IOException | RuntimeException e) {
                        failures.add(new Failure(name, "could not be read: " + e.getMessage()));
                    }
                    progress.filesRead(done.incrementAndGet(), files.size(), name);
                }));
            }
            for (Future<?> j : jobs) {
                try {
                    j.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (stop.get() || cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("The import was cancelled; nothing was added.");
        }
        List<Precedent> sorted = new ArrayList<>(parsed);
        sorted.sort(java.util.Comparator.comparing(Precedent::caseNumber));
        List<PrecedentRepository.Letter> rows = new ArrayList<>();
        for (Precedent p : sorted) {
            rows.add(toRow(p));
        }
        List<String> added = store.precedents().addNew(rows);
        List<String> already = new ArrayList<>();
        java.util.Set<String> counted = new java.util.HashSet<>();
        for (Precedent p : sorted) {
            // a letter counts as added once; another copy of it (its text beside its PDF) is already in the library
            if (!added.contains(p.caseNumber()) || !counted.add(p.caseNumber())) {
                already.add(p.caseNumber());
            }
        }
        List<Failure> failed = new ArrayList<>(failures);
        failed.sort(java.util.Comparator.comparing(Failure::file));
        if (!added.isEmpty()) {
            invalidate();
        }
        return new ImportReport(files.size(), added, already, failed);
    }

    /** Forgets the in-memory index; the next search rebuilds it from the store (after imports and finalizing). */
    public synchronized void invalidate() {
        if (index != null) {
            index.close();
            index = null;
        }
    }

    /** The index over every precedent: public letters and the reviewer's own finalized cases. */
    public synchronized PrecedentIndex index() throws StoreException {
        List<String> finalized = cases.list().stream().filter(s -> s.status().locked()).map(CaseSummary::caseNumber)
                .sorted().toList();
        if (!finalized.equals(indexedOwn)) {
            invalidate(); // a case was finalized (or archived away) since the index was built
        }
        if (index == null) {
            indexedOwn = finalized;
            List<Precedent> all = new ArrayList<>();
            for (PrecedentRepository.Letter l : store.precedents().all()) {
                all.add(fromRow(l));
            }
            all.addAll(ownFinalized());
            index = PrecedentIndex.build(all, library());
        }
        return index;
    }

    /** Every precedent letter (public and own), in case-number order. */
    public List<Precedent> precedents() throws StoreException {
        List<Precedent> all = new ArrayList<>();
        for (PrecedentRepository.Letter l : store.precedents().all()) {
            all.add(fromRow(l));
        }
        all.addAll(ownFinalized());
        return all;
    }

    /** The reviewer's finalized (or later) cases as precedents. */
    List<Precedent> ownFinalized() throws StoreException {
        List<Precedent> out = new ArrayList<>();
        for (CaseSummary s : cases.list()) {
            if (!s.status().locked()) {
                continue;
            }
            Optional<CaseFile> c = cases.find(s.caseNumber());
            if (c.isEmpty()) {
                continue;
            }
            List<PrecedentItem> items = new ArrayList<>();
            List<Item> is = c.get().items();
            for (int i = 0; i < is.size(); i++) {
                Item it = is.get(i);
                if (it.decision() != null && it.request() != null) {
                    items.add(new PrecedentItem(i + 1, it.request(), it.decision(),
                            it.claimsAdministratorGuideline(), it.reviewerGuideline(), it.rationale()));
                }
            }
            if (!items.isEmpty()) {
                CaseFile f = c.get();
                out.add(new Precedent(f.caseNumber(), Precedent.Source.OWN, f.dateAssigned(), f.dateOfInjury(),
                        f.urDenialDate(), f.decisionDate(), null, f.clinicalSummary(), items));
            }
        }
        return out;
    }

    /** The reviewer's own record for the dashboard, as of {@code today}. */
    public ReviewerRecord reviewerRecord(java.time.LocalDate today) throws StoreException {
        List<Precedent> publicLetters = new ArrayList<>();
        for (PrecedentRepository.Letter l : store.precedents().all()) {
            publicLetters.add(fromRow(l));
        }
        return ReviewerRecord.compute(cases, publicLetters, today);
    }

    /** One precedent letter by case number. */
    public Optional<Precedent> find(String caseNumber) throws StoreException {
        return precedents().stream().filter(p -> p.caseNumber().equals(caseNumber)).findFirst();
    }

    /**
     * The precedent items most similar to an item of a case (its request, the case's clinical summary, its
     * category): up to {@value #SHOWN}, those scoring at least {@value #SHOWN_SCORE_SHARE} of the best; the case
     * itself is left out.
     */
    public Similar similar(String request, String summary, String category, String caseNumber)
            throws StoreException {
        List<PrecedentIndex.Hit> hits = index().similar(new PrecedentIndex.Query(request, summary,
                category == null || category.isBlank() ? PrecedentIndex.categoryOf(request) : category,
                claimsAdministratorGuideline(caseNumber, request), caseNumber), SHOWN);
        if (!hits.isEmpty()) {
            float floor = (float) (hits.get(0).score() * SHOWN_SCORE_SHARE);
            hits = hits.stream().filter(h -> h.score() >= floor).toList();
        }
        return new Similar(hits, summaryLine(hits), PrecedentIndex.citedBoost(hits.subList(0,
                Math.min(10, hits.size()))));
    }

    /**
     * The claims administrator's guideline line of the case's item with this request (what utilization review
     * cited, known before the reviewer decides), or null.
     */
    private String claimsAdministratorGuideline(String caseNumber, String request) throws StoreException {
        if (caseNumber == null || request == null) {
            return null;
        }
        Optional<CaseFile> c = cases.find(caseNumber);
        if (c.isEmpty()) {
            return null;
        }
        return c.get().items().stream().filter(i -> request.equals(i.request()))
                .map(Item::claimsAdministratorGuideline).filter(g -> g != null && !g.isBlank()).findFirst()
                .orElse(null);
    }

    /**
     * Weights for the guideline picker: library entry id to weight (0..1, the heaviest first), from the guidelines
     * the most similar precedents' reviewers cited (each precedent counts 1/(rank+1)). The picker puts entries
     * with a weight first, heaviest first, and the rest in its own order.
     */
    public Map<String, Double> citationBoost(String request, String summary, String category, String caseNumber)
            throws StoreException {
        return similar(request, summary, category, caseNumber).citedBoost();
    }

    /** Free-text search of the precedent items, optionally in one treatment category. */
    public List<PrecedentIndex.Hit> search(String query, String category, int limit) throws StoreException {
        return index().search(query, category, limit);
    }

    /** "14 similar: 11 upheld, 3 overturned; most cited: MTUS Low Back Complaints 2004, Special Studies". */
    public String summaryLine(List<PrecedentIndex.Hit> hits) {
        if (hits.isEmpty()) {
            return "No similar decisions in the precedent library.";
        }
        long upheld = hits.stream().filter(h -> h.entry().item().decision() == Decision.UPHELD).count();
        StringBuilder sb = new StringBuilder().append(hits.size()).append(" similar: ").append(upheld)
                .append(" upheld, ").append(hits.size() - upheld).append(" overturned");
        // counted as guideline and topic, not as spelling ("ODG Low back section, Physical therapy" and "ODG Low
        // Back Chapter, Physical Therapy" are one); named by the spelling the shown precedents used most
        GuidelineLibrary lib = library();
        Map<String, Integer> perTopic = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> labels = new LinkedHashMap<>();
        for (PrecedentIndex.Hit h : hits) {
            java.util.Set<String> counted = new java.util.HashSet<>();
            for (Citation c : h.entry().citations()) {
                String label = citationLabel(c);
                for (String topic : CitationKeys.of(List.of(c), lib).topics()) {
                    if (counted.add(topic)) {
                        perTopic.merge(topic, 1, Integer::sum);
                    }
                    labels.computeIfAbsent(topic, k -> new LinkedHashMap<>()).merge(label, 1, Integer::sum);
                }
            }
        }
        perTopic.entrySet().stream().max(Map.Entry.comparingByValue()).ifPresent(e -> sb.append("; most cited: ")
                .append(labels.get(e.getKey()).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow()
                        .getKey()));
        return sb.toString();
    }

    /** A citation for people: "MTUS Low Back Complaints 2004, Special Studies". */
    public String citationLabel(Citation c) {
        GuidelineLibrary lib = library();
        Optional<GuidelineEntry> e = lib.byId(c.guidelineId());
        if (e.isEmpty()) {
            return c.guidelineId();
        }
        String name = (e.get().kind() == GuidelineKind.MTUS ? "MTUS " : "") + e.get().name();
        return c.sections() == null || c.sections().isEmpty() ? name : name + ", " + c.sections().get(0);
    }

    /** The guideline library (for rendering citations). */
    public GuidelineLibrary library() {
        try {
            return guidelines.call();
        } catch (Exception e) {
            throw new IllegalStateException("The guideline library could not be read: " + e.getMessage(), e);
        }
    }

    private static PrecedentRepository.Letter toRow(Precedent p) {
        List<PrecedentRepository.Item> items = p.items().stream().map(i -> new PrecedentRepository.Item(i.position(),
                i.request(), i.decision().name(), i.claimsAdministratorGuideline(), i.reviewerGuideline(),
                i.rationale())).toList();
        return new PrecedentRepository.Letter(p.caseNumber(), p.source().name(), null, p.dateAssigned(),
                p.dateOfInjury(), p.urDenialDate(), p.decisionDate(), p.specialty(), p.clinicalSummary(), items);
    }

    private static Precedent fromRow(PrecedentRepository.Letter l) {
        List<PrecedentItem> items = l.items().stream().map(i -> new PrecedentItem(i.position(), i.request(),
                Decision.valueOf(i.decision()), i.claimsAdministratorGuideline(), i.reviewerGuideline(),
                i.rationale())).toList();
        return new Precedent(l.caseNumber(), Precedent.Source.valueOf(l.source()), l.dateAssigned(),
                l.dateOfInjury(), l.urDenialDate(), l.decisionDate(), l.specialty(), l.clinicalSummary(), items);
    }
}
