package org.sigillum.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

@ApplicationScoped
public class DatabaseProbe implements Probe {

    private static final int VALIDATION_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/SigillumDS")
    private DataSource dataSource;

    @Override
    public Result check() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(VALIDATION_SECONDS);
            return new Result("database", valid, valid ? "connection valid" : "connection invalid");
        } catch (SQLException e) {
            return new Result("database", false, e.getClass().getSimpleName());
        }
    }
}
