package org.opensync.provisioner.cds;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * One SQL statement on the service's datasource: autocommitted, or part of the caller's transaction when one is
 * active (the datasource enlists its connections). Used where a statement runs once per provisioned object: an ORM
 * session and a transaction of its own per call cost more than the statement (measured: 40% of the provisioner's CPU
 * in an initial cycle).
 */
final class Jdbc {
    interface Binder {
        void bind(Statement statement) throws SQLException;
    }

    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** A prepared statement that binds text arrays as well. */
    record Statement(Connection connection, PreparedStatement prepared) {
        void set(int index, String value) throws SQLException {
            prepared.setString(index, value);
        }

        void set(int index, long value) throws SQLException {
            prepared.setLong(index, value);
        }

        void set(int index, boolean value) throws SQLException {
            prepared.setBoolean(index, value);
        }

        void set(int index, Collection<String> values) throws SQLException {
            Array array = connection.createArrayOf("text", values.toArray());
            prepared.setArray(index, array);
        }
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement prepared = connection.prepareStatement(sql)) {
            binder.bind(new Statement(connection, prepared));
            List<T> rows = new ArrayList<>();
            try (ResultSet row = prepared.executeQuery()) {
                while (row.next()) {
                    rows.add(reader.read(row));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    int update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement prepared = connection.prepareStatement(sql)) {
            binder.bind(new Statement(connection, prepared));
            return prepared.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("the connector data store is unavailable: " + e.getMessage(), e);
    }
}
