package dev.kefu.testing;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips, with a reason that Surefire reports, the PostgreSQL run of a test on a machine without a reachable
 * PostgreSQL server; the H2 run is never skipped.
 */
class PostgresAvailable implements ExecutionCondition {

	private static volatile String unreachable;

	private static volatile boolean checked;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!TestDatabase.onPostgres()) {
			return ConditionEvaluationResult.enabled("runs on H2");
		}
		String reason = unreachableReason();
		if (reason == null) {
			return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + TestDatabase.POSTGRES_URL);
		}
		String message = "SKIPPED on PostgreSQL: " + reason;
		System.err.println(message);
		return ConditionEvaluationResult.disabled(message);
	}

	private static synchronized String unreachableReason() {
		if (!checked) {
			checked = true;
			try (Connection connection = TestDatabase.administration()) {
				connection.createStatement().execute("SELECT 1");
			}
			catch (SQLException e) {
				unreachable = "no PostgreSQL at " + TestDatabase.POSTGRES_URL + " (" + e.getMessage()
						+ "); set KEFU_TEST_POSTGRES_URL/_USER/_PASSWORD to point at one";
			}
		}
		return unreachable;
	}
}
