package org.reviewdesk.bench;

import java.nio.file.Path;
import org.reviewdesk.service.Workbench;
import org.reviewdesk.store.StoreException;

/**
 * One multi-step swap for the kill -9 benchmark: {@code passwd} to the other of two passwords, or
 * {@code restore} of a backup. Args: mode data passwordA passwordB [backup]. Run with
 * -Dreviewdesk.crashtest.pause=MS so that each step waits and a kill can land between any two.
 */
public final class SwapCrashWorker {
    private SwapCrashWorker() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path data = Path.of(args[1]);
        char[] a = args[2].toCharArray();
        char[] b = args[3].toCharArray();
        char[] current = opens(data, a) ? a : b;
        char[] other = current == a ? b : a;
        if (mode.equals("passwd")) {
            Workbench.changePassword(data, current, other);
        } else {
            // the backup was written under password A
            Workbench.restore(Path.of(args[4]), data, a);
        }
        System.out.println("finished");
    }

    static boolean opens(Path data, char[] pw) throws StoreException {
        try (Workbench w = Workbench.open(data, pw)) {
            return true;
        } catch (StoreException.WrongPassword e) {
            return false;
        }
    }
}
