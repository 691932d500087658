package org.reviewdesk.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An append-only log of what was done to the store, each event chained to the previous one by an
 * HMAC-SHA256 under a key derived from the store key (entries written before the chain was keyed carry
 * plain SHA-256 and may only come first). Details name actions and counts, never record text.
 *
 * <p>The chain alone cannot stop someone who has the password: they can derive the key and re-chain.
 * That is what the <em>anchors</em> are for: the head of the chain ({@link #head()}) is recorded in
 * every signed letter, backup and archive bundle, outside anyone's reach to edit unnoticed, and
 * {@link #verify(List)} compares the chain with them.
 */
public final class AuditLog {
    static final String GENESIS = "0".repeat(64);
    /** The key of each open store's connection: repositories append within their own transactions. */
    private static final Map<Connection, byte[]> KEYS = Collections.synchronizedMap(new WeakHashMap<>());

    private final Connection c;
    private final byte[] key;
    private final boolean readOnly;

    AuditLog(Connection c, byte[] key, boolean readOnly) {
        this.c = c;
        this.key = key;
        this.readOnly = readOnly;
        KEYS.put(c, key);
    }

    /** The chain's newest entry: its id and hash. Recorded in letters, backups and bundles. */
    public record Head(long id, String hash) {
        public static final Head EMPTY = new Head(0, GENESIS);

        /** "id:hash", the form kept in anchors. */
        public String text() {
            return id + ":" + hash;
        }

        /** Parses {@link #text()}; null when it is not in that form. */
        public static Head parse(String s) {
            if (s == null || !s.matches("\\d{1,18}:[0-9a-f]{64}")) {
                return null;
            }
            int i = s.indexOf(':');
            return new Head(Long.parseLong(s.substring(0, i)), s.substring(i + 1));
        }
    }

    /** A head recorded outside the store, and where it was found ("the signed letter of case X"). */
    public record Anchor(Head head, String source) {
    }

    public void append(String action, String caseNumber, String detail) throws StoreException {
        if (readOnly) {
            return;
        }
        synchronized (c) {
            try {
                append(c, key, action, caseNumber, detail);
            } catch (SQLException e) {
                throw new StoreException(notWritten(e), e);
            }
        }
    }

    /** Why an entry could not be written, and, for a full disk, why nothing happens without it and what to do. */
    static String notWritten(Throwable e) {
        String why = org.reviewdesk.files.PrivateFiles.describe(e);
        return "The audit log could not be written: " + why + (why.equals("the disk is full")
                ? ". ReviewDesk does nothing it cannot record in the store's audit log (opening the store included): "
                + "free some space on the disk that holds the data folder, then try again."
                : "");
    }

    /** Appends within the caller's transaction. */
    static void append(Connection c, String action, String caseNumber, String detail) throws SQLException {
        byte[] k = KEYS.get(c);
        if (k == null) {
            throw new SQLException("the audit key of this connection is not known");
        }
        append(c, k, action, caseNumber, detail);
    }

    static void append(Connection c, byte[] key, String action, String caseNumber, String detail)
            throws SQLException {
        KEYS.putIfAbsent(c, key);
        String prev = GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                prev = rs.getString(1);
            }
        }
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        String hash = mac(key, prev, at, action, caseNumber, detail);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events (at, action, case_number, detail, "
                + "prev_hash, hash, keyed) VALUES (?, ?, ?, ?, ?, ?, TRUE)")) {
            ps.setObject(1, at);
            ps.setString(2, action);
            ps.setString(3, caseNumber);
            ps.setString(4, detail);
            ps.setString(5, prev);
            ps.setString(6, hash);
            ps.executeUpdate();
        }
    }

    /** One entry of the log. */
    public record Entry(long id, OffsetDateTime at, String action, String caseNumber, String detail, String prevHash,
                        String hash, boolean keyed) {
    }

    /**
     * The result of checking the chain: how many entries, the first broken one (or null), and how many
     * anchors were compared.
     */
    public record Verification(int entries, Long firstBrokenId, String problem, int anchorsChecked) {
        public Verification(int entries, Long firstBrokenId, String problem) {
            this(entries, firstBrokenId, problem, 0);
        }

        public boolean intact() {
            return firstBrokenId == null && problem == null;
        }
    }

    public List<Entry> entries() throws StoreException {
        synchronized (c) {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at, action, case_number, detail, prev_hash, "
                    + "hash, keyed FROM audit_events ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8)));
                }
            } catch (SQLException e) {
                throw new StoreException("The audit log could not be read: " + e.getMessage(), e);
            }
            return out;
        }
    }

    /** The newest entry's id and hash ({@link Head#EMPTY} for an empty log). */
    public Head head() throws StoreException {
        synchronized (c) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : Head.EMPTY;
            } catch (SQLException e) {
                throw new StoreException("The audit log could not be read: " + e.getMessage(), e);
            }
        }
    }

    /** Recomputes every link: an entry changed, removed or inserted afterwards breaks the chain there. */
    public Verification verify() throws StoreException {
        return verify(List.of());
    }

    /**
     * Recomputes every link, then compares the chain with heads recorded outside the store: an anchored
     * entry that is missing or has another hash means the history up to it was rewritten (deleted,
     * reordered or re-chained entries), even by someone who had the password.
     */
    public Verification verify(List<Anchor> anchors) throws StoreException {
        String prev = GENESIS;
        List<Entry> all = entries();
        boolean keyedSeen = false;
        Map<Long, String> byId = new java.util.HashMap<>();
        for (Entry e : all) {
            if (!e.prevHash().equals(prev)) {
                return new Verification(all.size(), e.id(), "entry " + e.id() + " does not follow the entry before it "
                        + "(an entry was removed or inserted)");
            }
            if (keyedSeen && !e.keyed()) {
                return new Verification(all.size(), e.id(), "entry " + e.id() + " is not keyed although entries "
                        + "before it are (it was written by something other than ReviewDesk)");
            }
            keyedSeen |= e.keyed();
            OffsetDateTime at = e.at().withOffsetSameInstant(ZoneOffset.UTC);
            String expected = e.keyed() ? mac(key, prev, at, e.action(), e.caseNumber(), e.detail())
                    : sha256(prev, at, e.action(), e.caseNumber(), e.detail());
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    e.hash().getBytes(StandardCharsets.US_ASCII))) {
                return new Verification(all.size(), e.id(), "entry " + e.id() + " was changed after it was written");
            }
            prev = e.hash();
            byId.put(e.id(), e.hash());
        }
        long last = all.isEmpty() ? 0 : all.get(all.size() - 1).id();
        for (Anchor a : anchors) {
            Head h = a.head();
            if (h.id() == 0) {
                continue;
            }
            String found = byId.get(h.id());
            if (found == null) {
                return new Verification(all.size(), h.id(), "entry " + h.id() + ", recorded in " + a.source()
                        + ", is missing" + (h.id() > last ? " (the log was cut short after entry " + last + ")"
                        : " (entries were deleted)") + ": the history diverges at or before entry " + h.id(),
                        anchors.size());
            }
            if (!found.equals(h.hash())) {
                return new Verification(all.size(), h.id(), "the history up to entry " + h.id()
                        + " differs from what " + a.source() + " recorded (entries were changed, removed, "
                        + "reordered or re-chained at or before entry " + h.id() + ")", anchors.size());
            }
        }
        return new Verification(all.size(), null, null, anchors.size());
    }

    static String mac(byte[] key, String prev, OffsetDateTime at, String action, String caseNumber, String detail) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(line(prev, at, action, caseNumber, detail)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The unkeyed hash of entries written before the chain was keyed. */
    static String sha256(String prev, OffsetDateTime at, String action, String caseNumber, String detail) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(line(prev, at, action, caseNumber, detail)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] line(String prev, OffsetDateTime at, String action, String caseNumber, String detail) {
        return (prev + "\n" + at + "\n" + action + "\n" + (caseNumber == null ? "" : caseNumber) + "\n"
                + (detail == null ? "" : detail)).getBytes(StandardCharsets.UTF_8);
    }
}
