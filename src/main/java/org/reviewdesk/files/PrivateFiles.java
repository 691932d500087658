package org.reviewdesk.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;

/**
 * Files that hold patient data or keys are the owner's alone: folders 0700 and files 0600 on POSIX,
 * an owner-only ACL on Windows where the JDK offers one. Also the atomic "write to a temporary name,
 * flush, rename" every multi-step write uses.
 */
public final class PrivateFiles {
    private PrivateFiles() {
    }

    /** Creates the folder (and parents) if needed and makes the folder itself owner-only. */
    public static Path privateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        restrict(dir, true);
        return dir;
    }

    /** Makes an existing file or folder owner-only (0600 / 0700); a no-op on file systems without modes. */
    public static void restrict(Path p, boolean directory) throws IOException {
        // Links are followed on purpose: the JDK sets modes of a non-followed path by opening the file,
        // and closing that descriptor drops every POSIX lock this process holds on it (H2's lock on the store).
        if (Files.isSymbolicLink(p)) {
            throw new java.nio.file.FileSystemException(p.toString(), null, "is a symbolic link; refused");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"));
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(p, AclFileAttributeView.class);
        if (acl != null) {
            UserPrincipal owner = Files.getOwner(p);
            acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
        }
    }

    /** Like {@link #restrict} but never fails (a file system that refuses modes is reported elsewhere). */
    public static void restrictQuietly(Path p) {
        try {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                restrict(p, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
            }
        } catch (IOException | UnsupportedOperationException | SecurityException ignored) {
            // read-only media or a file system without permissions: nothing to tighten
        }
    }

    /** Creates an empty owner-only file (mode set before any byte is written). */
    public static OutputStream newPrivateFile(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        try {
            restrict(file, false);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        return out;
    }

    /** Writes {@code bytes} to {@code target} atomically: owner-only temporary file, flushed, renamed. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // told about the path asked for: the JDK would name our temporary file ("/x/.letter.pdf.tmp") and no reason
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a folder; give the name of a file to write");
        }
        if (!Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(target.toString(), null, "the folder " + dir
                    + " does not exist");
        }
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            try (OutputStream out = newPrivateFile(tmp)) {
                out.write(bytes);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            moveAtomically(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Renames {@code from} over {@code to} in one step (both in the same folder); never a moment without {@code to}. */
    public static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new FileSystemException(to.toString(), null, "this file system cannot rename files atomically");
        }
        fsyncDirectory(to.toAbsolutePath().getParent());
    }

    /** Makes a rename durable (POSIX); ignored where folders cannot be opened (Windows). */
    public static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not supported on this platform
        }
    }

    /**
     * One line for a failed file operation: "the disk is full", "the folder is read-only", ... instead of
     * the JDK's or a library's multi-line text.
     */
    public static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("no space left") || m.contains("disk full") || m.contains("not enough space")) {
                return "the disk is full";
            }
            if (m.contains("read-only file system") || m.contains("read only") || m.contains("readonly")) {
                return "the disk or folder is read-only";
            }
            if (t instanceof java.nio.file.AccessDeniedException) {
                return "permission denied";
            }
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
