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

    /** Writes the bundle (to a temporary file first, then moved into place). */
    public static void write(CaseFile c, PacketWriter.RecordSource records, byte[] letter, Path out,
                             char[] passwordOrNull, String auditHead, ManifestSigner signer) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PacketReader.CASE_FILE, CaseJson.write(c));
        for (RecordDocument d : c.documentList()) {
            try (InputStream in = records.open(d.id())) {
                files.put(d.file(), in.readAllBytes());
            }
        }
        files.put(letterPath(c.caseNumber()), letter);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("caseNumber", c.caseNumber());
        manifest.put("letterSha256", sha256(letter));
        manifest.put("auditHead", auditHead);
        ArrayNode list = manifest.putArray("files");
        files.forEach((path, bytes) -> list.addObject().put("path", path).put("sha256", sha256(bytes))
                .put("size", bytes.length));
        byte[] manifestBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        files.put(MANIFEST, manifestBytes);
        files.put(MANIFEST_SIGNATURE, signer.sign(manifestBytes));

        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".reviewdesk-bundle", ".part");
        try {
            try (OutputStream os = Files.newOutputStream(tmp);
                 ZipOutputStream zip = passwordOrNull == null ? new ZipOutputStream(os)
                         : new ZipOutputStream(os, passwordOrNull)) {
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    ZipParameters p = new ZipParameters();
                    p.setFileNameInZip(f.getKey());
                    if (passwordOrNull != null) {
                        p.setEncryptFiles(true);
                        p.setEncryptionMethod(EncryptionMethod.AES);
                        p.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
                    }
                    zip.putNextEntry(p);
                    zip.write(f.getValue());
                    zip.closeEntry();
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
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
        String name = p.getFileName().toString();
        try (ZipFile zip = passwordOrNull == null ? new ZipFile(p.toFile()) : new ZipFile(p.toFile(), passwordOrNull)) {
            if (!zip.isValidZipFile()) {
                throw new CaseFormatException(name + " is not a readable ZIP archive", (Throwable) null);
            }
            if (zip.isEncrypted() && passwordOrNull == null) {
                throw new CaseFormatException(name + " is encrypted: give its password", (Throwable) null);
            }
            List<FileHeader> headers = zip.getFileHeaders();
            if (headers.size() > PacketLimits.DEFAULT.maxEntries()) {
                throw new CaseFormatException(name + " has more than 10,000 entries", (Throwable) null);
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
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
                if (files.containsKey(h.getFileName())) {
                    throw new CaseFormatException("The bundle holds two entries named \"" + h.getFileName()
                            + "\"; refused (which one is meant cannot be told)", (Throwable) null);
                }
                try (InputStream in = zip.getInputStream(h)) {
                    files.put(h.getFileName(), readCapped(in, h.getFileName()));
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
                byte[] bytes = files.get(path);
                if (bytes == null) {
                    throw new CaseFormatException("The bundle lacks " + path + ", which its manifest lists",
                            (Throwable) null);
                }
                if (bytes.length != f.path("size").asLong() || !sha256(bytes).equals(f.path("sha256").asText())) {
                    throw new CaseFormatException("The bundle's " + path + " does not match its manifest (SHA-256 "
                            + "or size): the bundle was damaged or altered", (Throwable) null);
                }
            }
            if (manifest.path("files").size() != files.size() - 2) {
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
                byte[] bytes = files.get(d.file());
                if (bytes != null && bytes.length > PacketLimits.MAX_RECORD_BYTES) {
                    throw new CaseFormatException("documents[" + i + "].file", "\"" + d.file() + "\" is larger "
                            + "than 1 GB, the largest record file ReviewDesk reads");
                }
                if (bytes == null) {
                    throw new CaseFormatException("documents[" + i + "].file", "\"" + d.file() + "\" is not in the bundle");
                }
                records.put(d.id(), new RecordContent(d.id(), bytes.length, sha256(bytes),
                        () -> new java.io.ByteArrayInputStream(bytes)));
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

    private static byte[] readCapped(InputStream in, String entry) throws IOException, CaseFormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > MAX_ENTRY) {
                throw new CaseFormatException("The bundle entry " + entry + " unpacks to more than 2 GB",
                        (Throwable) null);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
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
