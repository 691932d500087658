package org.reviewdesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reviewdesk.service.Workbench;
import org.reviewdesk.store.Backups.BackupInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "restore", description = "Restore a backup: shows what it holds and how it differs, and asks first.")
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Parameters(paramLabel = "FILE", description = "a backup written by 'reviewdesk backup'")
    Path file;

    @Option(names = "--yes", description = "do not ask (for scripts); an older or smaller backup, or one of another store, still needs --force")
    boolean yes;

    @Option(names = "--force", description = "with --yes: restore even an older or smaller backup, or one of another store")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(file)) {
            throw new CliException("no such backup: " + file);
        }
        PlainFiles.requireRegular(file, "the backup");
        Path dir = root.dataDir();
        boolean newFolder = !Files.exists(dir);
        char[] password = root.passwords.store();
        BackupInfo backup = Workbench.inspectBackup(file, dir, password);
        BackupInfo current = null;
        if (Workbench.storeExists(dir)) {
            try (Workbench w = Workbench.open(dir, password)) {
                current = w.storeInfo();
            }
        }
        System.out.println("backup:  " + describe(backup));
        System.out.println("current: " + (current == null ? "no store" : describe(current)));
        boolean older = current != null && (backup.cases() < current.cases()
                || (backup.newestChange() != null && current.newestChange() != null
                && backup.newestChange().isBefore(current.newestChange())));
        boolean other = backup.otherStoreThan(current);
        if (other) {
            System.out.println("note: the backup was taken of ANOTHER store than the current one (a different first"
                    + " audit entry): restoring it replaces this store's cases, records and audit log with that one's");
        }
        if (!confirm(older, other)) {
            if (newFolder) {
                Workbench.removeEmptyDataFolder(dir);
            }
            System.out.println("nothing restored");
            return 1;
        }
        Workbench.restore(file, dir, password);
        System.out.println("restored " + file.getFileName() + " into " + dir);
        return 0;
    }

    private boolean confirm(boolean older, boolean other) {
        if (yes) {
            if (other && !force) {
                System.err.println("error: the backup was taken of another store than the current one; "
                        + "add --force to replace this store with it anyway");
                return false;
            }
            if (older && !force) {
                System.err.println("error: the backup is older or holds fewer cases than the current store; "
                        + "add --force to restore it anyway");
                return false;
            }
            return true;
        }
        java.io.Console console = System.console();
        if (console == null) {
            System.err.println("error: restore asks before replacing the store: run it in a terminal or add --yes");
            return false;
        }
        String a = console.readLine("Replace the current store with this backup? [y/N] ");
        if (a == null || !a.strip().equalsIgnoreCase("y")) {
            // exit 1 comes with its one error line, as every other failure (cli.md)
            System.err.println("error: not confirmed; the store is as it was");
            return false;
        }
        if (older || other) {
            String b = console.readLine("The backup is " + (other ? "of ANOTHER store" : "OLDER or holds FEWER cases")
                    + ". Type RESTORE to go on: ");
            if (!"RESTORE".equals(b == null ? null : b.strip())) {
                System.err.println("error: not confirmed; the store is as it was");
                return false;
            }
        }
        return true;
    }

    private static String describe(BackupInfo i) {
        return i.cases() + (i.cases() == 1 ? " case" : " cases") + ", newest change "
                + (i.newestChange() == null ? "-" : i.newestChange().toLocalDateTime().withNano(0)) + ", "
                + i.bytes() / 1024 + " KB";
    }
}
