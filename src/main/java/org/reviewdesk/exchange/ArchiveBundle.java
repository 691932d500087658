package org.reviewdesk.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.FileHeader;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.EncryptionMethod;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.RecordContent;
import org.reviewdesk.domain.RecordDocument;
import org.reviewdesk.files.WorkProgress;

/**
 * An archive bundle: the case file, its records, the signed letter and {@code manifest.json} with
 * every file's SHA-256 and size; AES-256 encrypted unless the reviewer asks for a plain one.
 */
public final class ArchiveBundle {
    public static final String MANIFEST = "manifest.json";
    /** The detached CMS signature over {@code manifest.json}, by the reviewer who signed the letter. */
    public static final String MANIFEST_SIGNATURE = "manifest.json.p7s";

    /** Signs the manifest bytes (a detached CMS signature). */
    @FunctionalInterface
    public interface ManifestSigner {
        byte[] sign(byte[] manifest) throws IOException;
    }
    public static final String FORMAT = "reviewdesk-bundle/1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_ENTRY = 2L * 1024 * 1024 * 1024;

    /**
     * A bundle read back and checked against its manifest: the packet to import, the signed letter, and
     * the manifest with its signature (which the caller must verify: this layer knows no keys).
     */
    public record Contents(CaseFile caseFile, Map<String, RecordContent> records, byte[] letter, byte[] manifest,
                           byte[] manifestSignature, String auditHead) {
    }

    private ArchiveBundle() {
    }

    public static String letterPath(String caseNumber) {
        return "letter/" + caseNumber + "-determination.pdf";
    }

    /**
     * Writes the bundle (to a temporary file first, then moved into place). Each record is streamed from the store
     * into the zip and hashed on the way (a case's scans can be larger than the heap); the manifest and its
     * signature are the last entries.
     */
    public static void write(CaseFile c, PacketWriter.RecordSource records, byte[] letter, Path out,
                             char[] passwordOrNull, String auditHead, ManifestSigner signer) throws IOException {
        write(c, records, letter, out, passwordOrNull, auditHead, signer, Map.of(), WorkProgress.NONE);
    }

    /**
     * As {@link #write(CaseFile, PacketWriter.RecordSource, byte[], Path, char[], String, ManifestSigner)}, telling
     * {@code progress} the record bytes written of all the records' {@code sizes} (by document id; a record whose
     * size is given and that is compressed already is stored, not deflated again); a progress that stops the work
     * leaves nothing behind.
     */
    public static void write(CaseFile c, PacketWriter.RecordSource records, byte[] letter, Path out,
                             char[] passwordOrNull, String auditHead, ManifestSigner signer, Map<String, Long> sizes,
                             WorkProgress progress) throws IOException {
        long recordBytes = sizes.values().stream().mapToLong(Long::longValue).sum();
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".reviewdesk-bundle", ".part");
        try {
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("format", FORMAT);
            manifest.put("caseNumber", c.caseNumber());
            manifest.put("letterSha256", sha256(letter));
            manifest.put("auditHead", auditHead);
            ArrayNode list = manifest.putArray("files");
            try (OutputStream os = Files.newOutputStream(tmp);
                 ZipOutputStream zip = passwordOrNull == null ? new ZipOutputStream(os)
                         : new ZipOutputStream(os, passwordOrNull)) {
                byte[] caseJson = CaseJson.write(c);
                entry(zip, PacketReader.CASE_FILE, passwordOrNull);
                zip.write(caseJson);
                zip.closeEntry();
                list.addObject().put("path", PacketReader.CASE_FILE).put("sha256", sha256(caseJson))
                        .put("size", caseJson.length);
                byte[] buf = new byte[1 << 16];
                long written = 0;
                for (RecordDocument d : c.documentList()) {
                    MessageDigest md = sha256();
                    long size = 0;
                    entry(zip, d.file(), passwordOrNull, sizes.getOrDefault(d.id(), -1L));
                    try (InputStream in = progress.counting(records.open(d.id()), "Writing the records", written,
                            recordBytes)) {
                        for (int n; (n = in.read(buf)) > 0;) {
                            md.update(buf, 0, n);
                            zip.write(buf, 0, n);
                            size += n;
                        }
                    }
                    zip.closeEntry();
                    written += size;
                    list.addObject().put("path", d.file()).put("sha256", HexFormat.of().formatHex(md.digest()))
                            .put("size", size);
                }
                String letterPath = letterPath(c.caseNumber());
                entry(zip, letterPath, passwordOrNull);
                zip.write(letter);
                zip.closeEntry();
                list.addObject().put("path", letterPath).put("sha256", sha256(letter)).put("size", letter.length);
                byte[] manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
                entry(zip, MANIFEST, passwordOrNull);
                zip.write(manifestBytes);
                zip.closeEntry();
                entry(zip, MANIFEST_SIGNATURE, passwordOrNull);
                zip.write(signer.sign(manifestBytes));
                zip.closeEntry();
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void entry(ZipOutputStream zip, String name, char[] passwordOrNull) throws IOException {
        entry(zip, name, passwordOrNull, -1);
    }

    /** An entry; one of {@code size} bytes (known, else -1) that is compressed already is stored, not deflated. */
    private static void entry(ZipOutputStream zip, String name, char[] passwordOrNull, long size) throws IOException {
        ZipParameters p = new ZipParameters();
        p.setFileNameInZip(name);
        if (size >= 0 && passwordOrNull != null && compressed(name)) {
            // PDFs and images are compressed already: deflating them again gained little and took a quarter of the
            // time (a 114 MB scan: 10.2 s to archive, against 3.3 s for zip -P). zip4j wants a stored entry's size
            // up front (it writes the real one at the entry's end). Only in encrypted bundles: a plain bundle's
            // stored entries would carry a data descriptor, which java.util.zip's streaming reader refuses, and a
            // plain bundle is the one meant for other programs.
            p.setCompressionMethod(net.lingala.zip4j.model.enums.CompressionMethod.STORE);
            p.setEntrySize(size);
        }
        if (passwordOrNull != null) {
            p.setEncryptFiles(true);
            p.setEncryptionMethod(EncryptionMethod.AES);
            p.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
        }
        zip.putNextEntry(p);
    }

    /** Whether a record is of a kind whose bytes are compressed already (stored, not deflated again). */
    static boolean compressed(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".pdf") || n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg")
                || n.endsWith(".tif") || n.endsWith(".tiff") || n.endsWith(".gif");
    }

    /** Whether a file is an archive bundle (it has a manifest), encrypted or not. */
    public static boolean isBundle(Path p) {
        if (!p.getFileName().toString().toLowerCase().endsWith(".zip") || !Files.isRegularFile(p)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(p.toFile())) {
            return zip.isValidZipFile() && zip.getFileHeader(MANIFEST) != null;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean isEncrypted(Path p) throws CaseFormatException {
        try (ZipFile zip = new ZipFile(p.toFile())) {
            return zip.isEncrypted();
        } catch (IOException e) {
            throw new CaseFormatException(p.getFileName() + " is not a readable bundle: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a bundle and checks every file against the manifest (hash and size) before anything is
     * handed over; a damaged or altered bundle is refused with what is wrong.
     */
    public static Contents read(Path p, char[] passwordOrNull) throws CaseFormatException {
        return read(p, passwordOrNull, PacketLimits.DEFAULT);
    }

    /** As {@link #read(Path, char[])} within {@code limits} (entries, bytes unpacked in all). */
    static Contents read(Path p, char[] passwordOrNull, PacketLimits limits) throws CaseFormatException {
        return read(p, passwordOrNull, limits, WorkProgress.NONE);
    }

    /** As {@link #read(Path, char[])}, telling {@code progress} the bytes checked of all the bundle holds. */
    public static Contents read(Path p, char[] passwordOrNull, WorkProgress progress) throws CaseFormatException {
        return read(p, passwordOrNull, PacketLimits.DEFAULT, progress);
    }

    static Contents read(Path p, char[] passwordOrNull, PacketLimits limits, WorkProgress progress)
            throws CaseFormatException {
        String name = p.getFileName().toString();
        try (ZipFile zip = passwordOrNull == null ? new ZipFile(p.toFile()) : new ZipFile(p.toFile(), passwordOrNull)) {
            if (!zip.isValidZipFile()) {
                throw new CaseFormatException(name + " is not a readable ZIP archive", (Throwable) null);
            }
            if (zip.isEncrypted() && passwordOrNull == null) {
                throw new CaseFormatException(name + " is encrypted: give its password", (Throwable) null);
            }
            List<FileHeader> headers = zip.getFileHeaders();
            if (headers.size() > limits.maxEntries()) {
                throw new CaseFormatException(name + " has more than 10,000 entries", (Throwable) null);
            }
            // the case file, the manifest, its signature and the letter are read; every other entry (the records,
            // possibly larger than the heap) is only hashed here and streamed again, checked, when it is stored
            Map<String, byte[]> files = new LinkedHashMap<>();
            Map<String, Hashed> hashed = new LinkedHashMap<>();
            Map<String, FileHeader> entries = new LinkedHashMap<>();
            long total = 0;
            long announced = 0;
            for (FileHeader h : headers) {
                // what the headers say, only for the progress shown (the caps below count what is read)
                announced += Math.max(0, h.getUncompressedSize());
            }
            for (FileHeader h : headers) {
                if (h.isDirectory()) {
                    continue;
                }
                String problem = PacketPaths.problem(h.getFileName());
                if (problem != null) {
                    throw new CaseFormatException("The bundle entry \"" + h.getFileName() + "\" is refused: " + problem,
                            (Throwable) null);
                }
                if (h.getUncompressedSize() > MAX_ENTRY) {
                    throw new CaseFormatException("The bundle entry " + h.getFileName() + " is larger than 2 GB",
                            (Throwable) null);
                }
                if (entries.containsKey(h.getFileName())) {
                    throw new CaseFormatException("The bundle holds two entries named \"" + h.getFileName()
                            + "\"; refused (which one is meant cannot be told)", (Throwable) null);
                }
                entries.put(h.getFileName(), h);
                long room = limits.maxUncompressedBytes() - total;
                try (InputStream in = progress.counting(zip.getInputStream(h), "Checking the bundle", total,
                        announced)) {
                    Hashed x;
                    if (kept(h.getFileName())) {
                        byte[] b = readCapped(in, h.getFileName(), Math.min(room, KEPT_MAX), room < KEPT_MAX,
                                limits);
                        files.put(h.getFileName(), b);
                        x = new Hashed(sha256(b), b.length);
                    } else {
                        x = hash(in, h.getFileName(), Math.min(room, PacketLimits.MAX_RECORD_BYTES),
                                room < PacketLimits.MAX_RECORD_BYTES, limits);
                    }
                    hashed.put(h.getFileName(), x);
                    total += x.size();
                }
            }
            byte[] manifestBytes = files.get(MANIFEST);
            if (manifestBytes == null) {
                throw new CaseFormatException(name + " has no " + MANIFEST + ": it is not an archive bundle",
                        (Throwable) null);
            }
            byte[] signature = files.get(MANIFEST_SIGNATURE);
            if (signature == null) {
                throw new CaseFormatException(name + ": the manifest is not signed (" + MANIFEST_SIGNATURE
                        + " is missing); a bundle must carry the reviewer's signature over its manifest",
                        (Throwable) null);
            }
            JsonNode manifest;
            try (com.fasterxml.jackson.core.JsonParser parser = JSON.createParser(manifestBytes)) {
                try {
                    manifest = JSON.readTree(parser);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    org.reviewdesk.files.JsonErrors.Problem at = org.reviewdesk.files.JsonErrors.of(parser, e);
                    throw new CaseFormatException(MANIFEST + " is not valid JSON" + (at.where().isEmpty() ? ""
                            : " at " + at.where()) + ": " + at.problem(), e);
                }
            }
            if (manifest == null) {
                throw new CaseFormatException(MANIFEST + " is empty", (Throwable) null);
            }
            if (!FORMAT.equals(manifest.path("format").asText())) {
                throw new CaseFormatException(MANIFEST + ".format: expected \"" + FORMAT + "\"", (Throwable) null);
            }
            for (JsonNode f : manifest.path("files")) {
                String path = f.path("path").asText();
                Hashed x = hashed.get(path);
                if (x == null) {
                    throw new CaseFormatException("The bundle lacks " + path + ", which its manifest lists",
                            (Throwable) null);
                }
                if (x.size() != f.path("size").asLong() || !x.sha256().equals(f.path("sha256").asText())) {
                    throw new CaseFormatException("The bundle's " + path + " does not match its manifest (SHA-256 "
                            + "or size): the bundle was damaged or altered", (Throwable) null);
                }
            }
            if (manifest.path("files").size() != hashed.size() - 2) {
                throw new CaseFormatException("The bundle holds files its manifest does not list", (Throwable) null);
            }
            byte[] caseBytes = files.get(PacketReader.CASE_FILE);
            if (caseBytes == null) {
                throw new CaseFormatException("The bundle has no " + PacketReader.CASE_FILE, (Throwable) null);
            }
            CaseFile c = CaseJson.read(caseBytes);
            if (!c.caseNumber().equals(manifest.path("caseNumber").asText())) {
                throw new CaseFormatException("The bundle's case.json names case " + c.caseNumber()
                        + " but its manifest names " + manifest.path("caseNumber").asText(), (Throwable) null);
            }
            byte[] letter = files.get(letterPath(c.caseNumber()));
            if (letter == null) {
                throw new CaseFormatException("The bundle has no signed letter", (Throwable) null);
            }
            if (!sha256(letter).equals(manifest.path("letterSha256").asText())) {
                throw new CaseFormatException("The bundle's letter is not the one its manifest names (letterSha256)",
                        (Throwable) null);
            }
            Map<String, RecordContent> records = new LinkedHashMap<>();
            List<RecordDocument> docs = c.documentList();
            for (int i = 0; i < docs.size(); i++) {
                RecordDocument d = docs.get(i);
                Hashed x = hashed.get(d.file());
                if (x == null || kept(d.file())) {
                    throw new CaseFormatException("documents[" + i + "].file", "\"" + d.file() + "\" is not in the bundle");
                }
                String entry = d.file();
                records.put(d.id(), new RecordContent(d.id(), x.size(), x.sha256(),
                        () -> reopen(p, passwordOrNull, entry, x)));
            }
            return new Contents(c, records, letter, manifestBytes, signature,
                    manifest.path("auditHead").isTextual() ? manifest.path("auditHead").asText() : null);
        } catch (net.lingala.zip4j.exception.ZipException e) {
            String m = String.valueOf(e.getMessage());
            if (e.getType() == net.lingala.zip4j.exception.ZipException.Type.WRONG_PASSWORD
                    || m.toLowerCase().contains("password")) {
                throw new CaseFormatException("The bundle password is not correct (or the bundle is damaged)", e);
            }
            throw new CaseFormatException(name + " is damaged: " + withoutClassName(m), e);
        } catch (IOException e) {
            throw new CaseFormatException(name + " cannot be read: " + withoutClassName(String.valueOf(e.getMessage())),
                    e);
        }
    }

    /** "java.util.zip.DataFormatException: invalid distance too far back" -> "invalid distance too far back". */
    static String withoutClassName(String message) {
        return message.replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_]*(?:Exception|Error): ", "");
    }

    /** An entry's SHA-256 and size, as read when the bundle was checked. */
    private record Hashed(String sha256, long size) {
    }

    /** The case file, the manifest and its signature and the letter are read whole; the rest is streamed. */
    private static boolean kept(String entry) {
        return entry.equals(PacketReader.CASE_FILE) || entry.equals(MANIFEST) || entry.equals(MANIFEST_SIGNATURE)
                || entry.startsWith("letter/");
    }

    /** The largest entry read whole: the case file, the manifest, the letter. */
    private static final long KEPT_MAX = 64L * 1024 * 1024;

    private static CaseFormatException tooLarge(String entry, long limit, boolean all, PacketLimits limits) {
        return new CaseFormatException(all
                ? "The bundle unpacks to more than " + (limits.maxUncompressedBytes() >> 20)
                        + " MB in all (at " + entry + "); refused"
                : "The bundle entry " + entry + " unpacks to more than " + (limit >> 20) + " MB; refused",
                (Throwable) null);
    }

    private static byte[] readCapped(InputStream in, String entry, long limit, boolean all, PacketLimits limits)
            throws IOException, CaseFormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > limit) {
                throw tooLarge(entry, limit, all, limits);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static Hashed hash(InputStream in, String entry, long limit, boolean all, PacketLimits limits)
            throws IOException, CaseFormatException {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0;) {
            total += n;
            if (total > limit) {
                throw tooLarge(entry, limit, all, limits);
            }
            md.update(buf, 0, n);
        }
        return new Hashed(HexFormat.of().formatHex(md.digest()), total);
    }

    /**
     * A record entry streamed again for storing, checked against what was read when the bundle was checked: a
     * bundle changed on disk meanwhile ends in an error at its end, inside the store's transaction, which then keeps
     * nothing.
     */
    private static InputStream reopen(Path bundle, char[] passwordOrNull, String entry, Hashed expected)
            throws IOException {
        ZipFile zip = passwordOrNull == null ? new ZipFile(bundle.toFile())
                : new ZipFile(bundle.toFile(), passwordOrNull);
        try {
            FileHeader h = zip.getFileHeader(entry);
            if (h == null) {
                throw new IOException("The bundle's " + entry + " is no longer in it: the bundle changed while it was "
                        + "imported");
            }
            InputStream in = zip.getInputStream(h);
            MessageDigest md = sha256();
            return new java.io.FilterInputStream(in) {
                private long count;
                private boolean checked;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        md.update(b, off, n);
                        count += n;
                        if (count > expected.size()) {
                            throw changed();
                        }
                    } else if (n < 0 && !checked) {
                        checked = true;
                        if (count != expected.size()
                                || !HexFormat.of().formatHex(md.digest()).equals(expected.sha256())) {
                            throw changed();
                        }
                    }
                    return n;
                }

                private IOException changed() {
                    return new IOException("The bundle's " + entry + " is not what was checked: the bundle changed "
                            + "while it was imported");
                }

                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                    // the store reads the size it was told and may not read on to the end: checked here then
                    if (!checked) {
                        checked = true;
                        if (count != expected.size()
                                || !HexFormat.of().formatHex(md.digest()).equals(expected.sha256())) {
                            throw changed();
                        }
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
