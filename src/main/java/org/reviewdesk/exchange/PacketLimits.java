package org.reviewdesk.exchange;

/** How much a packet may hold before it is refused as a ZIP bomb. */
public record PacketLimits(int maxEntries, long maxUncompressedBytes, long maxCaseFileBytes) {
    /** 10,000 entries, 2 GB uncompressed, 64 MB for case.json itself. */
    /**
     * The largest single record file a packet may carry: the same 1 GB the record import takes, so a file
     * the store would accept but cannot read back is refused before anything is written.
     */
    public static final long MAX_RECORD_BYTES = 1024L * 1024 * 1024;

    public static final PacketLimits DEFAULT = new PacketLimits(10_000, 2L * 1024 * 1024 * 1024, 64L * 1024 * 1024);
}
