package org.reviewdesk.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The key stretching of a short command started before the command line is parsed: the launcher knows
 * the data folder and the password from the environment at once, and Argon2id (the longest single step
 * of {@code list}) runs on its own thread while picocli, Jackson and H2 load on the main thread.
 * {@link Store#open} takes the key only when the folder, the password and the header's parameters are
 * exactly the ones it would use itself; anything else (a changed header, another password, another
 * folder) and it derives the key as before. Nothing is written anywhere: the key lives in this process's
 * memory only, as it would a moment later anyway, and the copy of the password is wiped when taken.
 */
final class EarlyKey {
    private static final AtomicReference<EarlyKey> PENDING = new AtomicReference<>();

    private final Path dir;
    private final char[] password;
    private final CompletableFuture<Derived> derived;

    private record Derived(StoreKeys.Kdf kdf, byte[] key) {
    }

    private EarlyKey(Path dir, char[] password) {
        this.dir = dir;
        this.password = password;
        this.derived = new CompletableFuture<>();
    }

    /** Starts deriving the key of the store in {@code dir} on a daemon thread; no-op without a store. */
    static void start(Path dir, char[] password) {
        if (dir == null || password == null || password.length == 0 || !Store.exists(dir)) {
            return;
        }
        EarlyKey early = new EarlyKey(dir.toAbsolutePath().normalize(), password.clone());
        if (!PENDING.compareAndSet(null, early)) {
            Arrays.fill(early.password, '\0');
            return;
        }
        Thread t = new Thread(() -> {
            try {
                StoreKeys.Kdf kdf = StoreKeys.readHeader(early.dir).current();
                early.derived.complete(new Derived(kdf, StoreKeys.storeKey(early.password, kdf)));
            } catch (Throwable e) {
                early.derived.completeExceptionally(e);
            }
        }, "reviewdesk-early-key");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The key derived early for {@code dir}, {@code password} and {@code kdf}, or null (none started, or
     * for something else, or it failed). Taken once: a second open derives its key itself.
     */
    static byte[] take(Path dir, char[] password, StoreKeys.Kdf kdf) {
        EarlyKey early = PENDING.get();
        if (early == null || !early.dir.equals(dir.toAbsolutePath().normalize())
                || !Arrays.equals(early.password, password)) {
            return null;
        }
        Derived d;
        try {
            d = early.derived.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            clear();
            return null;
        }
        // another candidate of the header (an interrupted password change) is tried with its own key
        if (!d.kdf().equals(kdf) || !PENDING.compareAndSet(early, null)) {
            return null;
        }
        Arrays.fill(early.password, '\0');
        return d.key().clone();
    }

    /** Whether a derivation for {@code dir} was started and not yet taken (for tests). */
    static boolean pendingFor(Path dir) {
        EarlyKey early = PENDING.get();
        return early != null && early.dir.equals(dir.toAbsolutePath().normalize());
    }

    /** Waits until the pending derivation (if any) has finished (for tests). */
    static void awaitPending() {
        EarlyKey early = PENDING.get();
        if (early != null) {
            early.derived.handle((d, e) -> null).join();
        }
    }

    /** Drops a derivation nobody took (tests, or a command that did not open the store). */
    static void clear() {
        EarlyKey early = PENDING.getAndSet(null);
        if (early != null) {
            early.derived.whenComplete((d, e) -> Arrays.fill(early.password, '\0'));
        }
    }
}
