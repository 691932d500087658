package org.reviewdesk.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.reviewdesk.search.RecordIndex.PageKey;

/**
 * Writes an index as the code before pairs of common words wrote it (format 1: the fields id, case, doc,
 * key and text, no commit data), with plain Lucene calls, for the tests of the upgrade.
 */
public final class Format1Index {
    private Format1Index() {
    }

    /** The writer settings RecordIndex has (so that the benchmark compares the layouts only). */
    private static IndexWriterConfig config() {
        org.apache.lucene.index.ConcurrentMergeScheduler merges = new org.apache.lucene.index.ConcurrentMergeScheduler();
        merges.setMaxMergesAndThreads(2, 1);
        return new IndexWriterConfig(RecordIndex.ANALYZER).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(16).setMergeScheduler(merges);
    }

    public static void write(Path folder, byte[] key, Map<PageKey, String> pages) throws IOException {
        write(folder, key, pages, IndexWriterConfig.OpenMode.CREATE);
    }

    /** Adds pages as the code of format 1 would to an existing index (it keeps the index's commit data). */
    public static void append(Path folder, byte[] key, Map<PageKey, String> pages) throws IOException {
        write(folder, key, pages, IndexWriterConfig.OpenMode.APPEND);
    }

    /**
     * As the code of format 1 indexed an import: each page put by {@code updateDocument} (replacing its id),
     * a commit after each document (what the benchmark compares format 2 with).
     */
    public static void writeAsImported(Path folder, byte[] key, Map<PageKey, String> pages) throws IOException {
        write(folder, key, pages, IndexWriterConfig.OpenMode.CREATE, true);
    }

    private static void write(Path folder, byte[] key, Map<PageKey, String> pages, IndexWriterConfig.OpenMode mode)
            throws IOException {
        write(folder, key, pages, mode, false);
    }

    private static void write(Path folder, byte[] key, Map<PageKey, String> pages, IndexWriterConfig.OpenMode mode,
                              boolean asImported) throws IOException {
        String last = null;
        try (EncryptedDirectory dir = new EncryptedDirectory(folder, key);
             IndexWriter w = new IndexWriter(dir, config().setOpenMode(mode))) {
            for (Map.Entry<PageKey, String> e : pages.entrySet()) {
                PageKey k = e.getKey();
                String id = k.caseNumber() + '\u0001' + k.documentId() + '\u0001' + k.page();
                Document d = new Document();
                d.add(new StringField("id", id, Field.Store.NO));
                d.add(new StringField("case", k.caseNumber(), Field.Store.NO));
                d.add(new StringField("doc", k.caseNumber() + '\u0001' + k.documentId(), Field.Store.NO));
                d.add(new StoredField("key", id));
                d.add(new TextField("text", e.getValue(), Field.Store.NO));
                if (asImported) {
                    if (last != null && !last.equals(k.documentId())) {
                        w.commit();
                    }
                    last = k.documentId();
                    w.updateDocument(new org.apache.lucene.index.Term("id", id), d);
                } else {
                    w.addDocument(d);
                }
            }
            w.commit();
        }
    }
}
