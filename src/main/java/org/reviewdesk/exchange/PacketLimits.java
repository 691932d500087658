package org.reviewdesk.exchange;

/** How much a packet may hold before it is refused as a ZIP bomb. */
public record PacketLimits(int maxEntries, long maxUncompressedBytes, long maxCaseFileBytes) {
    /** 10,000 entries, 2 GB uncompressed, 64 MB for case.json itself. */
    public static final PacketLimits DEFAULT = new PacketLimits(10_000, 2L * 1024 * 1024 * 1024, 64L * 1024 * 1024);
}
