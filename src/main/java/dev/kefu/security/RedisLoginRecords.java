package dev.kefu.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.beans.factory.DisposableBean;

import dev.kefu.security.LoginRule.Failures;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Login records shared by every node of a cluster, in Redis with expiry. If Redis is away, logins fail with an error
 * rather than go unprotected.
 */
final class RedisLoginRecords implements LoginRecords, DisposableBean {

	/** Count and time in one step, so two nodes counting at once lose neither failure. */
	private static final String FAIL = """
			redis.call('HINCRBY', KEYS[1], 'n', 1)
			redis.call('HSET', KEYS[1], 't', ARGV[1])
			redis.call('PEXPIRE', KEYS[1], ARGV[2])
			return 1""";

	private final RedisClient client;
	private final StatefulRedisConnection<String, String> connection;
	private final RedisCommands<String, String> redis;
	private final String prefix;

	RedisLoginRecords(String redisUrl, String clusterName) {
		this.client = RedisClient.create(redisUrl);
		client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.build());
		this.connection = client.connect();
		this.redis = connection.sync();
		this.prefix = "kefu:" + clusterName + ":login:";
	}

	@Override
	public Failures failures(String key) {
		Map<String, String> fields = redis.hgetall(prefix + "fail:" + key);
		if (fields.get("n") == null || fields.get("t") == null) {
			return Failures.NONE;
		}
		return new Failures(Integer.parseInt(fields.get("n")), Instant.ofEpochMilli(Long.parseLong(fields.get("t"))));
	}

	@Override
	public void fail(String key, Instant now, Duration forgetAfter) {
		redis.eval(FAIL, ScriptOutputType.INTEGER, new String[] { prefix + "fail:" + key },
				Long.toString(now.toEpochMilli()), Long.toString(forgetAfter.toMillis()));
	}

	@Override
	public void forget(String key) {
		redis.del(prefix + "fail:" + key);
	}

	@Override
	public boolean known(String account, String address) {
		return redis.exists(prefix + "known:" + account + '|' + address) > 0;
	}

	@Override
	public void remember(String account, String address, Duration forHowLong) {
		redis.psetex(prefix + "known:" + account + '|' + address, forHowLong.toMillis(), "1");
	}

	@Override
	public void destroy() {
		connection.close();
		client.shutdown();
	}
}
