package org.reviewdesk.domain;

/** How to reach the SMTP server that sends letters; the password is kept inside the encrypted store. */
public record SmtpSettings(String host, int port, String user, char[] password, Security security, String from) {
    /** How the connection is protected. */
    public enum Security { STARTTLS, TLS, NONE }
}
