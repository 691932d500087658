-- What a signed letter was made from: the SHA-256 of the case as it printed (content, credentials,
-- decision date), the logo and the signer. Finalize reuses the signed letter while it still matches.
ALTER TABLE letters ADD COLUMN case_sha256 CHAR(64);
