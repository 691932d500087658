package org.reviewdesk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reviewdesk.service.Workbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "backup", description = "Write a backup of the whole store (still encrypted) into a folder.")
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    ReviewDeskCommand root;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the backup folder")
    Path out;

    @Option(names = "--keep", paramLabel = "N",
            defaultValue = "10", description = "keep the newest N backups there (default 10)")
    int keep;

    @Override
    public Integer call() throws Exception {
        try (Workbench w = root.open()) {
            System.out.println(w.backup(out, keep));
        }
        return 0;
    }
}
