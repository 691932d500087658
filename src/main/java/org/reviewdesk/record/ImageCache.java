package org.reviewdesk.record;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** A least-recently-used cache of page images, bounded by the memory their pixels take. Thread-safe. */
final class ImageCache {
    /** Which page of which record, at which resolution. */
    record Key(String recordId, int pageNumber, float dpi) {
    }

    private final long maxBytes;
    private final LinkedHashMap<Key, BufferedImage> images = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    ImageCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized BufferedImage get(Key key) {
        return images.get(key);
    }

    /** Keeps the image, evicting the least recently used ones; an image larger than the whole cache is not kept. */
    synchronized void put(Key key, BufferedImage image) {
        long size = sizeOf(image);
        if (size > maxBytes) {
            return;
        }
        BufferedImage old = images.put(key, image);
        if (old != null) {
            bytes -= sizeOf(old);
        }
        bytes += size;
        Iterator<BufferedImage> eldest = images.values().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= sizeOf(eldest.next());
            eldest.remove();
        }
    }

    synchronized void removeRecord(String recordId) {
        Iterator<Map.Entry<Key, BufferedImage>> it = images.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, BufferedImage> e = it.next();
            if (e.getKey().recordId().equals(recordId)) {
                bytes -= sizeOf(e.getValue());
                it.remove();
            }
        }
    }

    synchronized void clear() {
        images.clear();
        bytes = 0;
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return images.size();
    }

    static long sizeOf(BufferedImage image) {
        DataBuffer b = image.getRaster().getDataBuffer();
        return (long) b.getSize() * b.getNumBanks() * DataBuffer.getDataTypeSize(b.getDataType()) / 8;
    }
}
