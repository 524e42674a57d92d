package dev.kefu.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/** Skips, with a reason Surefire reports, tests that need Redis on a machine without a reachable server. */
public class RedisAvailable implements ExecutionCondition {

	public static final String URL = System.getenv().getOrDefault("KEFU_TEST_REDIS_URL", "redis://127.0.0.1:6379");

	private static volatile String unreachable;

	private static volatile boolean checked;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String reason = unreachableReason();
		if (reason == null) {
			return ConditionEvaluationResult.enabled("Redis reachable at " + URL);
		}
		System.err.println("SKIPPED: " + reason);
		return ConditionEvaluationResult.disabled("SKIPPED: " + reason);
	}

	private static synchronized String unreachableReason() {
		if (!checked) {
			checked = true;
			RedisClient client = RedisClient.create(URL);
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				connection.sync().ping();
			}
			catch (RuntimeException e) {
				unreachable = "no Redis at " + URL + " (" + e.getMessage() + "); set KEFU_TEST_REDIS_URL to point at one";
			}
			finally {
				client.shutdown();
			}
		}
		return unreachable;
	}
}
