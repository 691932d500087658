package org.reviewdesk.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The data folder's operation lock ({@code reviewdesk.oplock}, empty): held across every multi-step file
 * operation (password change, restore, backup inspection) and while leftovers are cleaned up, so one
 * process never cleans up what another is in the middle of. Reentrant for the thread holding it.
 */
final class OpLock implements AutoCloseable {
    static final String FILE = "reviewdesk.oplock";
    private static final Map<Path, OpLock> HELD = new HashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private final Thread owner;
    private int depth = 1;

    private OpLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
        this.owner = Thread.currentThread();
    }

    /** The lock, or null when another process or thread holds it (or the folder is read-only). */
    static OpLock tryAcquire(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        synchronized (HELD) {
            OpLock held = HELD.get(key);
            if (held != null) {
                if (held.owner == Thread.currentThread()) {
                    held.depth++;
                    return held;
                }
                return null;
            }
            if (!Files.isDirectory(key) || !Files.isWritable(key)) {
                return null;
            }
            FileChannel ch = null;
            try {
                ch = FileChannel.open(key.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                org.reviewdesk.files.PrivateFiles.restrictQuietly(key.resolve(FILE));
                FileLock l = ch.tryLock();
                if (l == null) {
                    ch.close();
                    return null;
                }
                OpLock o = new OpLock(key, ch, l);
                HELD.put(key, o);
                return o;
            } catch (IOException | OverlappingFileLockException e) {
                try {
                    if (ch != null) {
                        ch.close();
                    }
                } catch (IOException ignored) {
                    // nothing was locked
                }
                return null;
            }
        }
    }

    /** The lock, waiting up to a few seconds; refuses when another operation is running. */
    static OpLock acquire(Path dir) throws StoreException {
        if (!Files.exists(dir)) {
            throw new StoreException("The data folder " + dir + " does not exist.");
        }
        if (Files.isDirectory(dir) && !Files.isWritable(dir)) {
            throw new StoreException("The store in " + dir + " is on read-only media or in a read-only folder: "
                    + "nothing can be changed there (copy the data folder to a writable disk first).");
        }
        for (int i = 0; i < 50; i++) {
            OpLock l = tryAcquire(dir);
            if (l != null) {
                return l;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new StoreException("Another ReviewDesk operation (a restore or password change) is running on "
                + dir + "; wait for it to finish.");
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (--depth > 0) {
                return;
            }
            HELD.remove(key);
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // closing the channel releases the lock anyway
            }
        }
    }
}
