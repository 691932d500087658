package org.reviewdesk.service;

import java.io.IOException;
import java.nio.file.Path;
import org.reviewdesk.exchange.CaseFormatException;
import org.reviewdesk.exchange.PacketLimits;
import org.reviewdesk.exchange.PacketReader;
import org.reviewdesk.store.Store;
import org.reviewdesk.store.StoreException;

/** An unlocked store and the services on it; what the window and each command work with. */
public final class Workbench implements AutoCloseable {
    private final Store store;
    private final CaseLibrary cases;
    private final LetterService letters;
    private final SearchService search;
    private final RecordService records;
    private final OcrService ocr;
    private final DeliveryService delivery;
    private final ArchiveService archives;
    private org.reviewdesk.guideline.GuidelineLibrary guidelines;
    private final PrecedentService precedents;

    private Workbench(Store store) {
        this.store = store;
        this.cases = new CaseLibrary(store);
        this.letters = new LetterService(store, cases, java.time.Clock.systemDefaultZone());
        this.search = new SearchService(store);
        this.records = new RecordService(store, search);
        // the pre-sign checks look the record up the way the workspace's checks do
        letters.useRecordSearch(caseNumber -> phrase -> {
            try {
                return search.search("\"" + phrase.replace("\"", "") + "\"", caseNumber, 20).stream()
                        .filter(h -> !SearchService.negated(h.snippet(), h.snippetMarks()))
                        .limit(5)
                        .map(h -> h.documentTitle() + ", page " + h.page() + ": " + h.snippet()).toList();
            } catch (Exception e) {
                return java.util.List.of();
            }
        });
        this.ocr = new OcrService(store, search, records);
        records.afterAdd(ocr::kick);
        records.ocr(ocr);
        this.delivery = new DeliveryService(store, letters);
        this.archives = new ArchiveService(store, cases, letters, search);
        this.precedents = new PrecedentService(store, cases, this::guidelines);
        cases.onImported(n -> {
            search.documentRemoved(n, null);
            records.readMissingPages(RecordService.Progress.NONE);
        });
        // the reviewer's dictionary: the spelling checks accept its words (the lists are read at the first check)
        try {
            org.reviewdesk.guideline.Spelling.useOwnWords(ownWords());
        } catch (StoreException e) {
            org.reviewdesk.guideline.Spelling.useOwnWords(java.util.List.of());
        }
    }

    private static final String OWN_WORDS = "spelling.words";

    /** The words the reviewer added to their dictionary (kept in the encrypted store), sorted. */
    public java.util.List<String> ownWords() throws StoreException {
        String all = store.settings().get(OWN_WORDS).orElse("");
        return all.lines().map(String::strip).filter(w -> !w.isEmpty()).sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
    }

    /**
     * Replaces the reviewer's dictionary with {@code words} (one word each: no spaces), which the spelling checks
     * accept from now on.
     */
    public void saveOwnWords(java.util.Collection<String> words) throws StoreException {
        String bad = notOneWord(words);
        if (bad != null) {
            throw new StoreException("\"" + bad + "\" is not one word: the dictionary takes one word a line.");
        }
        java.util.TreeSet<String> kept = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String w : words) {
            if (!w.isBlank()) {
                kept.add(w.strip());
            }
        }
        store.settings().put(OWN_WORDS, String.join("\n", kept));
        org.reviewdesk.guideline.Spelling.useOwnWords(kept);
    }

    /**
     * The first line of {@code lines} the dictionary refuses (words with a space, or over 60 characters), as shown to
     * the reviewer (cut at 60 characters), or null when every line is one word or blank.
     */
    public static String notOneWord(java.util.Collection<String> lines) {
        for (String w : lines) {
            String t = w.strip();
            if (t.chars().anyMatch(Character::isWhitespace) || t.length() > 60) {
                return t.length() > 60 ? t.substring(0, 60) + "…" : t;
            }
        }
        return null;
    }

    /** Adds one word to the reviewer's dictionary. */
    public void addOwnWord(String word) throws StoreException {
        java.util.List<String> words = new java.util.ArrayList<>(ownWords());
        words.add(word);
        saveOwnWords(words);
    }

    /** Starts stretching the store key for a command about to open the store (see Store#startKeyDerivation). */
    public static void startKeyDerivation(Path dataDir, char[] password) {
        Store.startKeyDerivation(dataDir, password);
    }

    public static boolean storeExists(Path dataDir) {
        return Store.exists(dataDir);
    }

    /** Creates a new encrypted store, with the built-in sample case unless {@code empty}. */
    public static Workbench create(Path dataDir, char[] password, boolean empty)
            throws StoreException, CaseFormatException, IOException {
        Store store = Store.create(dataDir, password);
        Workbench w = new Workbench(store);
        try {
            store.audit().append("STORE_CREATED", null, null);
            if (!empty) {
                w.cases.addSampleCase();
            }
            return w;
        } catch (StoreException | CaseFormatException | IOException | RuntimeException e) {
            w.close();
            throw e;
        }
    }

    /**
     * Opens the store. When another ReviewDesk process holds it, asks that process to hand it over (see
     * {@link #setHandover}): a server kept after a command does, and this open then waits for it to let go.
     */
    public static Workbench open(Path dataDir, char[] password) throws StoreException {
        return open(dataDir, password, true);
    }

    /** As {@link #open(Path, char[])}; {@code handOver} false fails at once on a store another process holds. */
    public static Workbench open(Path dataDir, char[] password, boolean handOver) throws StoreException {
        Store store = handOver ? handingOver(dataDir, password, () -> Store.open(dataDir, password))
                : Store.open(dataDir, password);
        try {
            store.audit().append("STORE_OPENED", null, null);
        } catch (StoreException e) {
            store.close();
            throw e;
        }
        Workbench w = new Workbench(store);
        w.removeUnfinishedImports();
        return w;
    }

    public static void changePassword(Path dataDir, char[] oldPassword, char[] newPassword) throws StoreException {
        handingOver(dataDir, oldPassword, () -> {
            Store.changePassword(dataDir, oldPassword, newPassword);
            return null;
        });
    }

    /**
     * How a process that needs the store asks the ReviewDesk process holding it to let go: the app sets it to the
     * command server's client (docs/decisions/0022-the-store-kept-open-after-a-command.md). Null: no asking.
     */
    public interface Handover {
        /** What the holder answered. */
        enum Answer {
            /** It lets go of the store (a server kept after a command); opening again succeeds once it has. */
            HANDED_OVER,
            /** It keeps the store (the window, or a 'reviewdesk serve' the reviewer started). */
            REFUSED,
            /** The password is not the store's. */
            WRONG_PASSWORD,
            /** Nothing answers: another command in its own process, or a kept server still starting. */
            NO_SERVER
        }

        Answer ask(Path dataDir, char[] password);
    }

    private static volatile Handover handover;

    /** Sets how a store held by another ReviewDesk process is asked for (null: never). */
    public static void setHandover(Handover h) {
        handover = h;
    }

    /** How long an open waits for a store held by a process that does not answer (a kept server starting up). */
    static final long UNANSWERED_WAIT_MILLIS = 5_000;
    /** How long an open waits for a server that agreed to hand the store over (its running command first). */
    static final long HANDED_OVER_WAIT_MILLIS = 40_000;

    private interface StoreCall<T> {
        T run() throws StoreException;
    }

    private static <T> T handingOver(Path dir, char[] password, StoreCall<T> call) throws StoreException {
        long deadline = 0;
        boolean handedOver = false;
        while (true) {
            try {
                return call.run();
            } catch (StoreException.InUse e) {
                Handover h = handover;
                if (h == null) {
                    throw e;
                }
                if (!handedOver) {
                    Handover.Answer answer = h.ask(dir, password);
                    switch (answer) {
                        case REFUSED:
                            throw e;
                        case WRONG_PASSWORD:
                            throw new StoreException.WrongPassword();
                        case HANDED_OVER:
                            handedOver = true;
                            deadline = System.nanoTime() + HANDED_OVER_WAIT_MILLIS * 1_000_000;
                            break;
                        default:
                            if (deadline == 0) {
                                deadline = System.nanoTime() + UNANSWERED_WAIT_MILLIS * 1_000_000;
                            }
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(handedOver ? 50 : 250);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Where automatic backups go (null when not set) and how many are kept. */
    public record BackupPlan(Path dir, int keep) {
    }

    public BackupPlan backupPlan() throws StoreException {
        String dir = store.settings().get("backup.dir").orElse("");
        int keep = Integer.parseInt(store.settings().get("backup.keep").orElse("10"));
        // daily backups by default, into the data folder's backups/ (encrypted like the store) until the
        // reviewer chooses a folder on another disk
        return new BackupPlan(dir.isBlank() ? store.dir().resolve("backups") : Path.of(dir), keep);
    }

    public void saveBackupPlan(BackupPlan plan) throws StoreException {
        store.settings().put("backup.dir", plan.dir() == null ? "" : plan.dir().toString());
        store.settings().put("backup.keep", String.valueOf(Math.max(1, plan.keep())));
    }

    /**
     * The daily backup: writes one when a backup folder is set and its newest backup is a day old
     * (or {@code force}, as on exit). Returns the file written, or null.
     */
    public Path scheduledBackup(boolean force) throws StoreException, IOException {
        BackupPlan plan = backupPlan();
        if (plan.dir() == null) {
            return null;
        }
        if (!force && java.nio.file.Files.isDirectory(plan.dir())) {
            try (var files = java.nio.file.Files.list(plan.dir())) {
                var newest = files.filter(f -> org.reviewdesk.store.Backups.isBackupName(f.getFileName().toString()))
                        .map(f -> f.toFile().lastModified()).max(Long::compare);
                if (newest.isPresent() && System.currentTimeMillis() - newest.get() < 24L * 3600 * 1000) {
                    return null;
                }
            }
        }
        return backup(plan.dir(), plan.keep());
    }

    /** Writes a backup of the whole store into {@code dir}, keeping the newest {@code keep}. */
    public Path backup(Path dir, int keep) throws StoreException {
        return org.reviewdesk.store.Backups.backup(store, dir, keep);
    }

    /** As {@link #backup(Path, int)}, telling {@code progress} how the copy goes; stopped, no backup is listed. */
    public Path backup(Path dir, int keep, org.reviewdesk.files.WorkProgress progress) throws StoreException {
        return org.reviewdesk.store.Backups.backupIncremental(store, dir, keep, progress).manifest();
    }

    /** What the open store holds, to compare with a backup before restoring it. */
    public org.reviewdesk.store.Backups.BackupInfo storeInfo() throws StoreException {
        return org.reviewdesk.store.Backups.current(store);
    }

    /** What a backup holds (opened with the password in a scratch folder inside the data folder). */
    public static org.reviewdesk.store.Backups.BackupInfo inspectBackup(Path backup, Path dataDir, char[] password)
            throws StoreException {
        boolean created = createDataFolder(dataDir);
        try {
            return org.reviewdesk.store.Backups.inspect(backup, dataDir.resolve(".inspect"), password);
        } catch (StoreException | RuntimeException e) {
            removeIfCreatedAndEmpty(created, dataDir);
            throw e;
        }
    }

    /**
     * Replaces the closed store with a backup; the current file is kept aside until that succeeded. A data folder
     * that does not exist yet (a restore onto a new computer) is made, and removed again when the restore fails.
     */
    public static void restore(Path backup, Path dataDir, char[] password) throws StoreException {
        boolean created = createDataFolder(dataDir);
        try {
            org.reviewdesk.store.Backups.restore(backup, dataDir, password);
        } catch (StoreException | RuntimeException e) {
            removeIfCreatedAndEmpty(created, dataDir);
            throw e;
        }
    }

    /** True when the folder was made here (owner-only); a path that exists and is no folder is refused. */
    private static boolean createDataFolder(Path dataDir) throws StoreException {
        if (java.nio.file.Files.isDirectory(dataDir)) {
            return false;
        }
        if (java.nio.file.Files.exists(dataDir)) {
            throw new StoreException("The data folder " + dataDir + " is a file, not a folder.");
        }
        try {
            org.reviewdesk.files.PrivateFiles.privateDirectory(dataDir);
            return true;
        } catch (java.io.IOException e) {
            throw new StoreException("The data folder " + dataDir + " could not be made: "
                    + org.reviewdesk.files.PrivateFiles.describe(e), e);
        }
    }

    private static void removeIfCreatedAndEmpty(boolean created, Path dataDir) {
        if (created) {
            removeEmptyDataFolder(dataDir);
        }
    }

    /** Removes the data folder when nothing but the operation lock's empty file is in it (a declined restore). */
    public static void removeEmptyDataFolder(Path dataDir) {
        try (var left = java.nio.file.Files.list(dataDir)) {
            // the operation lock's empty file is all a refused restore leaves
            if (left.allMatch(p -> p.getFileName().toString().equals("reviewdesk.oplock"))) {
                java.nio.file.Files.deleteIfExists(dataDir.resolve("reviewdesk.oplock"));
                java.nio.file.Files.deleteIfExists(dataDir);
            }
        } catch (java.io.IOException ignored) {
            // an empty folder left behind holds nothing
        }
    }

    /** The audit log for the window: entries, and the chain's check (null problem when intact). */
    public java.util.List<org.reviewdesk.domain.AuditEntry> auditLog() throws StoreException {
        return store.audit().entries().stream().map(e -> new org.reviewdesk.domain.AuditEntry(e.id(), e.at(),
                e.action(), e.caseNumber(), e.detail())).toList();
    }

    /** Null when the audit log's hash chain is intact, else what is wrong. */
    public String auditProblem() throws StoreException {
        var v = store.audit().verify();
        return v.intact() ? null : v.problem();
    }

    /** The audit log, and whether its hash chain is intact. */
    public java.util.List<org.reviewdesk.store.AuditLog.Entry> auditEntries() throws StoreException {
        return store.audit().entries();
    }

    /**
     * Checks the audit chain and compares it with every anchor that can be found: the audit head in each
     * signed letter kept in the store (intact signatures only) and in the newest backup of the backup folder.
     */
    public org.reviewdesk.store.AuditLog.Verification verifyAudit() throws StoreException {
        return store.audit().verify(auditAnchors());
    }

    /** The heads recorded outside the chain that {@link #verifyAudit()} compares with. */
    public java.util.List<org.reviewdesk.store.AuditLog.Anchor> auditAnchors() throws StoreException {
        java.util.List<org.reviewdesk.store.AuditLog.Anchor> anchors = new java.util.ArrayList<>();
        for (var l : store.letters().allSigned()) {
            try {
                var report = org.reviewdesk.letter.sign.SignatureVerifier.verify(l.getValue());
                if (!report.allIntact()) {
                    continue;
                }
                var head = org.reviewdesk.store.AuditLog.Head.parse(report.signatures().get(0).auditHead());
                if (head != null) {
                    anchors.add(new org.reviewdesk.store.AuditLog.Anchor(head, "the signed letter of case "
                            + l.getKey()));
                }
            } catch (org.reviewdesk.letter.sign.SigningException e) {
                // a letter that cannot be read anchors nothing
            }
        }
        org.reviewdesk.store.Backups.newest(backupPlan().dir()).ifPresent(b -> {
            var head = org.reviewdesk.store.Backups.auditHead(b);
            if (head != null) {
                anchors.add(new org.reviewdesk.store.AuditLog.Anchor(head, "the backup " + b.getFileName()));
            }
        });
        return anchors;
    }

    /**
     * What opening the store found and did: an interrupted restore or password change finished or rolled
     * back, a key upgrade, read-only media. The window and the command line tell the reviewer.
     */
    public java.util.List<String> openingNotes() {
        java.util.List<String> out = new java.util.ArrayList<>(store.notes());
        out.addAll(importNotes);
        return out;
    }

    /** Record imports cut off by a stopped program, removed whole at opening (issue 11: streamed imports). */
    private final java.util.List<String> importNotes = new java.util.ArrayList<>();

    private void removeUnfinishedImports() throws StoreException {
        if (store.readOnly()) {
            return;
        }
        for (String f : store.records().removeUnfinished()) {
            importNotes.add("Adding the record file " + f.substring(f.indexOf(": ") + 2) + " to case "
                    + f.substring(0, f.indexOf(": ")) + " was interrupted when ReviewDesk stopped; nothing of it "
                    + "was kept: add the file again.");
        }
    }

    /** Whether the store is open read-only (read-only media): nothing can be saved. */
    public boolean readOnly() {
        return store.readOnly();
    }

    /** Whether this is the store's password (the idle lock asks for it again). */
    public boolean checkPassword(char[] password) {
        return store.checkPassword(password);
    }

    public Path dataDir() {
        return store.dir();
    }

    public CaseLibrary cases() {
        return cases;
    }

    /**
     * The builder's rules (categories, brands, synonyms, checklists): the shipped {@code rules.json} with the
     * data folder's {@code rules.json} merged over it, if there is one; from then on the rules in use.
     */
    public org.reviewdesk.guideline.RulesData rules() throws IOException,
            org.reviewdesk.guideline.GuidelineFormatException {
        return org.reviewdesk.guideline.RulesData.useDataFolder(store.dir());
    }

    /** The shipped guideline library, extended by {@code guidelines.json} in the data folder if there is one. */
    public synchronized org.reviewdesk.guideline.GuidelineLibrary guidelines() throws IOException,
            org.reviewdesk.guideline.GuidelineFormatException {
        if (guidelines == null) {
            guidelines = guidelinesOf(store.dir());
        }
        return guidelines;
    }

    /**
     * The guideline library and the rules of the data folder {@code dataDir} ({@code rules.json},
     * {@code guidelines.json}) without opening its store: a case file checked as it is uses the reviewer's own
     * rules too.
     */
    public static org.reviewdesk.guideline.GuidelineLibrary guidelinesOf(java.nio.file.Path dataDir)
            throws IOException, org.reviewdesk.guideline.GuidelineFormatException {
        org.reviewdesk.guideline.RulesData.useDataFolder(dataDir);
        java.nio.file.Path user = dataDir.resolve("guidelines.json");
        try (var in = org.reviewdesk.guideline.GuidelineLibrary.class.getResourceAsStream("library.json")) {
            return org.reviewdesk.guideline.GuidelineLibrary.load(in, java.nio.file.Files.exists(user) ? user : null);
        }
    }

    public PrecedentService precedents() {
        return precedents;
    }

    public ArchiveService archives() {
        return archives;
    }

    public DeliveryService delivery() {
        return delivery;
    }

    /** For tests of this package: the store itself. */
    Store store() {
        return store;
    }

    public RecordService records() {
        return records;
    }

    /** OCR of scanned pages (background in the window, {@code runNow} on the command line). */
    public OcrService ocr() {
        return ocr;
    }

    public SearchService search() {
        return search;
    }

    public LetterService letters() {
        return letters;
    }

    /** The case services with other packet limits than the defaults. */
    public CaseLibrary cases(PacketLimits limits) {
        return new CaseLibrary(store, new PacketReader(limits));
    }

    /** A setting of the window (open case tabs, split positions), kept in the encrypted store. */
    public java.util.Optional<String> windowState(String name) throws StoreException {
        return store.settings().get("window." + name);
    }

    public void saveWindowState(String name, String value) throws StoreException {
        store.settings().put("window." + name, value == null ? "" : value);
    }

    /**
     * Keeps this workbench open through {@link #close()} while {@code held} (a command server lends it to one
     * command after another, each of which closes what it opened); {@code false} makes close() close again.
     */
    public void hold(boolean held) {
        this.held = held;
    }

    private volatile boolean held;

    @Override
    public void close() {
        if (held) {
            return;
        }
        ocr.close();
        search.close();
        store.close();
        // the dictionary was this store's: another store opened in this process starts from its own
        org.reviewdesk.guideline.Spelling.useOwnWords(java.util.List.of());
    }
}
