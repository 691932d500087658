package org.reviewdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;

/**
 * The key stretching started before the command line is parsed (issue 13): the store opens with it only
 * when folder, password and the header's parameters all match; anything else is ignored and the store
 * behaves exactly as without it (a wrong password is still refused, the right one still opens).
 */
class EarlyKeyTest {
    @TempDir
    Path tmp;

    @AfterEach
    void drop() {
        EarlyKey.clear();
    }

    private Path store(String name) throws Exception {
        Path d = tmp.resolve(name);
        Store.create(d, TestData.PASSWORD).close();
        return d;
    }

    @Test
    void theStoreOpensWithTheKeyDerivedEarlyAndTakesItOnce() throws Exception {
        Path d = store("s");
        Store.startKeyDerivation(d, TestData.PASSWORD);
        assertTrue(EarlyKey.pendingFor(d));
        try (Store s = Store.open(d, TestData.PASSWORD)) {
            assertFalse(s.readOnly());
        }
        assertFalse(EarlyKey.pendingFor(d), "the early key was taken by the open");
        // a second open derives its own key
        Store.open(d, TestData.PASSWORD).close();
    }

    @Test
    void aKeyDerivedEarlyFromAnotherPasswordIsNotUsed() throws Exception {
        Path d = store("s");
        Store.startKeyDerivation(d, "not the password at all".toCharArray());
        Store.open(d, TestData.PASSWORD).close();
        assertTrue(EarlyKey.pendingFor(d), "a key for another password is left alone");
    }

    @Test
    void aWrongPasswordIsRefusedAlsoWhenTheRightKeyWasDerivedEarly() throws Exception {
        Path d = store("s");
        Store.startKeyDerivation(d, TestData.PASSWORD);
        assertThrows(StoreException.WrongPassword.class, () -> Store.open(d, "wrong password 123".toCharArray()));
        Store.open(d, TestData.PASSWORD).close();
    }

    @Test
    void aKeyDerivedEarlyForAnotherFolderIsNotUsed() throws Exception {
        Path a = store("a");
        Path b = store("b");
        Store.startKeyDerivation(a, TestData.PASSWORD);
        Store.open(b, TestData.PASSWORD).close();
        assertTrue(EarlyKey.pendingFor(a));
        assertFalse(EarlyKey.pendingFor(b));
    }

    @Test
    void aHeaderChangedSinceTheStartIsNotOpenedWithTheOldKey() throws Exception {
        Path d = store("s");
        Store.startKeyDerivation(d, TestData.PASSWORD);
        EarlyKey.awaitPending();
        // the header now asks for another iteration count: the key derived early under the old one (which
        // would open the database) must not be used; the key the header asks for does not open it
        StoreKeys.Kdf k = StoreKeys.readHeader(d).current();
        StoreKeys.writeHeader(d, new StoreKeys.Header(new StoreKeys.Kdf(k.algorithm(), k.salt(), k.memoryKiB(),
                k.iterations() + 1, k.parallelism(), k.wrappedSecret()), List.of()));
        assertThrows(StoreException.WrongPassword.class, () -> Store.open(d, TestData.PASSWORD));
        assertTrue(EarlyKey.pendingFor(d), "the key of the old header was not taken");
        // with the header as it was, the store opens
        StoreKeys.writeHeader(d, new StoreKeys.Header(k, List.of()));
        Store.open(d, TestData.PASSWORD).close();
    }

    @Test
    void noStoreNoDerivation() {
        Store.startKeyDerivation(tmp.resolve("nothing"), TestData.PASSWORD);
        assertFalse(EarlyKey.pendingFor(tmp.resolve("nothing")));
    }
}
