package org.opensync.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Every row of every table of a service's database as text, for tests that prove a secret is stored nowhere. */
public final class DatabaseText {
    private DatabaseText() {
    }

    public static String of(DataSource dataSource) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select t::text from \"" + table + "\" t")) {
                    while (rows.next()) {
                        text.append(table).append(": ").append(rows.getString(1)).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }
}
