package org.reviewdesk.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Hands Flyway connections to the open store, passing the password as H2 expects it (a char array). */
final class H2DataSource implements DataSource {
    private final String url;
    private final char[] password;

    H2DataSource(String url, char[] password) {
        this.url = url;
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties p = new Properties();
        p.put("user", StoreKeys.USER);
        p.put("password", password.clone());
        return DriverManager.getConnection(url, p);
    }

    @Override
    public Connection getConnection(String user, String pass) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no logging: nothing from the store may reach a log
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // embedded database: no login wait
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
