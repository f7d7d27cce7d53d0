// A JDBC client for tests/proxy_mysql.rs, run as `java -cp mariadb-java-client.jar
// ProxyMysqlJdbc.java JDBC_URL` with the local password in DBIAM_PROXY_PASSWORD (never
// on the command line). It prints who it is connected as, the database, whether the
// server leg is TLS, and how long a `SELECT SLEEP(30)` lasted when cancelled after one
// second with Statement.cancel() (the driver sends KILL QUERY <thread id> on a second
// connection, so the thread id the proxy announced must be the server's).
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

public class ProxyMysqlJdbc {
    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.setProperty("password", System.getenv("DBIAM_PROXY_PASSWORD"));
        try (Connection c = DriverManager.getConnection(args[0], props)) {
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery(
                     "select current_user(), database(), (select variable_value from "
                     + "information_schema.session_status where variable_name = 'Ssl_cipher') <> ''")) {
                r.next();
                System.out.println("user=" + r.getString(1));
                System.out.println("database=" + r.getString(2));
                System.out.println("tls=" + r.getBoolean(3));
            }
            Statement sleeper = c.createStatement();
            Thread canceller = new Thread(() -> {
                try {
                    Thread.sleep(1000);
                    sleeper.cancel();
                } catch (Exception e) {
                    System.out.println("cancel failed: " + e);
                }
            });
            long start = System.nanoTime();
            canceller.start();
            try (ResultSet r = sleeper.executeQuery("select sleep(30)")) {
                r.next();
                System.out.println("sleep returned " + r.getInt(1));
            } catch (SQLException e) {
                System.out.println("sleep interrupted: " + e.getErrorCode());
            }
            canceller.join();
            System.out.println("cancelled_after_ms=" + (System.nanoTime() - start) / 1_000_000);
            // The connection is still usable after the cancelled statement.
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select 40 + 2")) {
                r.next();
                System.out.println("after=" + r.getInt(1));
            }
        } catch (SQLException e) {
            System.out.println("error " + e.getErrorCode() + " " + e.getSQLState() + ": " + e.getMessage());
            System.exit(3);
        }
    }
}
