package org.reviewdesk.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.RecordDocument;

/** Writes a case file alone, or a packet {@code .zip} with its record files. */
public final class PacketWriter {
    /** Supplies the stored bytes of a record document. */
    @FunctionalInterface
    public interface RecordSource {
        InputStream open(String documentId) throws IOException;
    }

    /** Writes {@code .zip} targets as packets, anything else as a bare case file; atomically. */
    public void write(CaseFile c, RecordSource records, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".reviewdesk-export", ".part");
        try {
            if (out.getFileName().toString().toLowerCase().endsWith(".zip")) {
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    writeZip(c, records, os);
                }
            } else {
                Files.write(tmp, CaseJson.write(c));
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public void writeZip(CaseFile c, RecordSource records, OutputStream os) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(os);
        zip.putNextEntry(new ZipEntry(PacketReader.CASE_FILE));
        zip.write(CaseJson.write(c));
        zip.closeEntry();
        for (RecordDocument d : c.documentList()) {
            zip.putNextEntry(new ZipEntry(d.file()));
            try (InputStream in = records.open(d.id())) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        zip.finish();
    }
}
