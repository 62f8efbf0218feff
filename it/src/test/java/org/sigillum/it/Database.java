package org.sigillum.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The server's PostgreSQL database, opened directly: to inspect and to tamper, as an attacker with SQL would. */
final class Database {

    private Database() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(Sigillum.env("SIGILLUM_IT_DB_URL"), Sigillum.env("SIGILLUM_IT_DB_USER"),
                Sigillum.env("SIGILLUM_IT_DB_PASSWORD"));
    }
}
