package org.reviewdesk.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.RecordContent;
import org.reviewdesk.domain.RecordDocument;

/**
 * Opens a case file, a packet folder or a packet {@code .zip} and checks everything in it (paths,
 * sizes, hashes) before the caller writes anything.
 */
public final class PacketReader {
    public static final String CASE_FILE = "case.json";

    private final PacketLimits limits;

    public PacketReader(PacketLimits limits) {
        this.limits = limits;
    }

    public PacketReader() {
        this(PacketLimits.DEFAULT);
    }

    public Packet read(Path path) throws CaseFormatException, IOException {
        if (!Files.exists(path)) {
            throw new CaseFormatException("No such file or folder: " + shown(path), (Throwable) null);
        }
        if (Files.isDirectory(path)) {
            Path caseFile = path.resolve(CASE_FILE);
            if (Files.isSymbolicLink(caseFile)) {
                throw new CaseFormatException("The folder's " + CASE_FILE + " is a symbolic link; refused (a "
                        + "packet's files must be inside the packet folder)", (Throwable) null);
            }
            if (Files.exists(caseFile, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(caseFile,
                    LinkOption.NOFOLLOW_LINKS)) {
                throw new CaseFormatException("The folder's " + CASE_FILE + " is not a regular file (a folder, "
                        + "FIFO or device); refused", (Throwable) null);
            }
            if (!Files.isRegularFile(caseFile)) {
                throw new CaseFormatException("The folder " + shown(path) + " has no " + CASE_FILE + " at its root",
                        (Throwable) null);
            }
            return readFolder(path, caseFile);
        }
        if (!Files.isRegularFile(path)) {
            throw new CaseFormatException(shown(path) + " is not a regular file (a FIFO, socket or device); only "
                    + "case files, packet folders and .zip packets can be imported", (Throwable) null);
        }
        String name = path.getFileName().toString().toLowerCase();
        if (name.endsWith(".zip")) {
            return readZip(path);
        }
        return readFolder(path.toAbsolutePath().getParent(), path);
    }

    private Packet readFolder(Path root, Path caseFile) throws CaseFormatException, IOException {
        if (Files.size(caseFile) > limits.maxCaseFileBytes()) {
            throw new CaseFormatException("The case file " + caseFile + " is larger than "
                    + limits.maxCaseFileBytes() / (1024 * 1024) + " MB", (Throwable) null);
        }
        CaseFile c = CaseJson.read(Files.readAllBytes(caseFile));
        Path realRoot = root.toRealPath();
        Map<String, RecordContent> records = new LinkedHashMap<>();
        long total = 0;
        List<RecordDocument> docs = c.documentList();
        for (int i = 0; i < docs.size(); i++) {
            RecordDocument d = docs.get(i);
            String where = "documents[" + i + "].file";
            Path file = realRoot.resolve(d.file()).normalize();
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new CaseFormatException(where, "\"" + d.file() + "\" is not a regular file (a folder, FIFO "
                        + "or device)");
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
                throw new CaseFormatException(where, "\"" + d.file() + "\" is not in the packet folder " + root);
            }
            if (!file.toRealPath().startsWith(realRoot)) {
                throw new CaseFormatException(where, "\"" + d.file() + "\" leads outside the packet folder");
            }
            Path target = file.toRealPath();
            checkRecordSize(Files.size(target), d, i);
            total += Files.size(target);
            checkTotal(total);
            String sha = sha256(Files.newInputStream(target), d, i);
            records.put(d.id(), new RecordContent(d.id(), Files.size(target), sha, () -> Files.newInputStream(target)));
        }
        return new Packet(c, records, null);
    }

    private Packet readZip(Path path) throws CaseFormatException, IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new CaseFormatException("The file " + path.getFileName() + " is not a readable ZIP archive ("
                    + e.getMessage() + ")", e);
        }
        boolean ok = false;
        try {
            Packet p = readZip(zip);
            ok = true;
            return p;
        } finally {
            if (!ok) {
                zip.close();
            }
        }
    }

    private Packet readZip(ZipFile zip) throws CaseFormatException, IOException {
        if (zip.size() > limits.maxEntries()) {
            throw new CaseFormatException("The packet has " + zip.size() + " entries; at most "
                    + limits.maxEntries() + " are allowed", (Throwable) null);
        }
        long declared = 0;
        List<String> names = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            String name = e.isDirectory() && e.getName().endsWith("/")
                    ? e.getName().substring(0, e.getName().length() - 1) : e.getName();
            String problem = PacketPaths.problem(name);
            if (problem != null) {
                throw new CaseFormatException("The packet entry \"" + e.getName() + "\" is refused: " + problem,
                        (Throwable) null);
            }
            if (e.getSize() > 0) {
                declared += e.getSize();
                checkTotal(declared);
            }
            if (names.contains(e.getName())) {
                throw new CaseFormatException("The packet holds two entries named \"" + e.getName() + "\"; refused "
                        + "(which one is meant cannot be told)", (Throwable) null);
            }
            names.add(e.getName());
        }
        for (String n : names) {
            String lower = n.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("letter/") || lower.endsWith("manifest.json.p7s")
                    || lower.endsWith("-determination.pdf")) {
                throw new CaseFormatException("The packet carries a signed letter (" + n + ") but no manifest: an "
                        + "archive bundle whose manifest was removed is refused", (Throwable) null);
            }
        }
        String prefix = rootPrefix(names);
        ZipEntry caseEntry = zip.getEntry(prefix + CASE_FILE);
        if (caseEntry == null) {
            throw new CaseFormatException("The packet has no " + CASE_FILE + " at its root", (Throwable) null);
        }
        byte[] json;
        try (InputStream in = zip.getInputStream(caseEntry)) {
            json = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxCaseFileBytes() + 1));
        }
        if (json.length > limits.maxCaseFileBytes()) {
            throw new CaseFormatException("The packet's " + CASE_FILE + " is larger than "
                    + limits.maxCaseFileBytes() / (1024 * 1024) + " MB", (Throwable) null);
        }
        long total = json.length;
        CaseFile c = CaseJson.read(json);
        Map<String, RecordContent> records = new LinkedHashMap<>();
        List<RecordDocument> docs = c.documentList();
        for (int i = 0; i < docs.size(); i++) {
            RecordDocument d = docs.get(i);
            ZipEntry entry = zip.getEntry(prefix + d.file());
            if (entry == null || entry.isDirectory()) {
                throw new CaseFormatException("documents[" + i + "].file", "\"" + d.file() + "\" is not in the packet");
            }
            checkRecordSize(entry.getSize(), d, i);
            CountingStream counted = new CountingStream(zip.getInputStream(entry),
                    Math.min(limits.maxUncompressedBytes() - total, PacketLimits.MAX_RECORD_BYTES + 1));
            String sha;
            try {
                sha = sha256(counted, d, i);
            } catch (CaseFormatException e) {
                // the entry unpacked to more than it declared: which limit did it pass?
                checkRecordSize(counted.count(), d, i);
                throw e;
            }
            checkRecordSize(counted.count(), d, i);
            total += counted.count();
            checkTotal(total);
            long size = counted.count();
            records.put(d.id(), new RecordContent(d.id(), size, sha, () -> zip.getInputStream(entry)));
        }
        return new Packet(c, records, zip);
    }

    /** "" when case.json is at the root, or "folder/" when the whole packet sits in one top folder. */
    private static String rootPrefix(List<String> names) {
        if (names.contains(CASE_FILE)) {
            return "";
        }
        String prefix = null;
        for (String n : names) {
            int slash = n.indexOf('/');
            if (slash < 0) {
                return "";
            }
            String top = n.substring(0, slash + 1);
            if (prefix == null) {
                prefix = top;
            } else if (!prefix.equals(top)) {
                return "";
            }
        }
        return prefix == null ? "" : prefix;
    }

    /** A record over 1 GB is refused before anything is written (the whole import, in one piece). */
    private static void checkRecordSize(long size, RecordDocument d, int index) throws CaseFormatException {
        if (size > PacketLimits.MAX_RECORD_BYTES) {
            throw new CaseFormatException("documents[" + index + "].file", "\"" + d.file() + "\" is larger than "
                    + "1 GB (" + size / (1024 * 1024) + " MB), the largest record file ReviewDesk reads; split it; "
                    + "nothing of the packet was imported");
        }
    }

    private void checkTotal(long total) throws CaseFormatException {
        if (total > limits.maxUncompressedBytes()) {
            throw new CaseFormatException("The packet holds more than " + human(limits.maxUncompressedBytes())
                    + " uncompressed; it is refused as a possible ZIP bomb", (Throwable) null);
        }
    }

    private String sha256(InputStream in, RecordDocument d, int index)
            throws IOException, CaseFormatException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (in) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        } catch (CountingStream.LimitExceeded e) {
            checkTotal(Long.MAX_VALUE);
        }
        String sha = HexFormat.of().formatHex(md.digest());
        if (d.sha256() != null && !d.sha256().equals(sha)) {
            throw new CaseFormatException("documents[" + index + "].sha256", "the file \"" + d.file()
                    + "\" does not match its SHA-256 (the file is " + sha + ")");
        }
        return sha;
    }

    private static String shown(Path p) {
        return org.reviewdesk.files.Escape.controls(p.toString());
    }

    private static String human(long bytes) {
        return bytes >= 1024L * 1024 * 1024 ? bytes / (1024L * 1024 * 1024) + " GB" : bytes / (1024 * 1024) + " MB";
    }
}
