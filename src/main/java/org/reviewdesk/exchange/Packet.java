package org.reviewdesk.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import org.reviewdesk.domain.RecordContent;
import org.reviewdesk.domain.CaseFile;

/** A checked case file with the record files it names, keyed by document id. Close it when stored. */
public final class Packet implements Closeable {
    private final CaseFile caseFile;
    private final Map<String, RecordContent> records;
    private final Closeable resource;

    Packet(CaseFile caseFile, Map<String, RecordContent> records, Closeable resource) {
        this.caseFile = caseFile;
        this.records = Map.copyOf(records);
        this.resource = resource;
    }

    public CaseFile caseFile() {
        return caseFile;
    }

    public Map<String, RecordContent> records() {
        return records;
    }

    @Override
    public void close() throws IOException {
        if (resource != null) {
            resource.close();
        }
    }
}
