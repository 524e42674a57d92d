package dev.kefu.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.DisposableBean;

import dev.kefu.organization.SiteVisits.PageView;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Visitors online shared by every node of a cluster: per organization a sorted set of visit ids by last activity and a
 * hash of the visits, both expiring when the site goes quiet. Two nodes counting the same visit at once may lose a page
 * view; the list stays right.
 */
final class RedisVisitorsOnline implements VisitorsOnline, DisposableBean {

	/** Keep the visit, then drop the expired and the longest idle past the cap, in one step. */
	private static final String VIEWED = """
			redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
			redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
			local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[3]) - tonumber(ARGV[4]))
			local over = redis.call('ZCARD', KEYS[1]) - #gone - tonumber(ARGV[5])
			if over > 0 then
			  local idle = redis.call('ZRANGE', KEYS[1], #gone, #gone + over - 1)
			  for _, id in ipairs(idle) do table.insert(gone, id) end
			end
			for _, id in ipairs(gone) do
			  redis.call('ZREM', KEYS[1], id)
			  redis.call('HDEL', KEYS[2], id)
			end
			redis.call('PEXPIRE', KEYS[1], ARGV[4])
			redis.call('PEXPIRE', KEYS[2], ARGV[4])
			return #gone""";

	private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);

	private final RedisClient client;
	private final StatefulRedisConnection<String, String> connection;
	private final RedisCommands<String, String> redis;
	private final String prefix;
	private final Clock clock;

	RedisVisitorsOnline(String redisUrl, String clusterName, Clock clock) {
		this.client = RedisClient.create(redisUrl);
		// Asked on every widget settings request: a slow Redis must cost a page view a moment, not a minute.
		client.setDefaultTimeout(COMMAND_TIMEOUT);
		client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.build());
		this.connection = client.connect();
		this.redis = connection.sync();
		this.prefix = "kefu:" + clusterName + ":visitors:";
		this.clock = clock;
	}

	@Override
	public void viewed(UUID organizationId, PageView view, String device, String browser) {
		Instant now = clock.instant();
		String stored = redis.hget(visits(organizationId), view.visitId());
		Visitor before = stored == null ? null : Visitor.fromStored(stored);
		if (before != null && !before.lastSeen().isAfter(now.minus(EXPIRY))) {
			before = null;
		}
		Visitor after = Visitor.viewed(before, view, device, browser, now);
		redis.eval(VIEWED, ScriptOutputType.INTEGER, new String[] { order(organizationId), visits(organizationId) },
				view.visitId(), after.stored(), Long.toString(now.toEpochMilli()), Long.toString(EXPIRY.toMillis()),
				Integer.toString(CAP));
	}

	@Override
	public List<Visitor> online(UUID organizationId) {
		long since = clock.instant().minus(EXPIRY).toEpochMilli();
		List<String> ids = redis.zrevrangebyscore(order(organizationId), Range.create(since + 1, Long.MAX_VALUE));
		if (ids.isEmpty()) {
			return List.of();
		}
		return redis.hmget(visits(organizationId), ids.toArray(String[]::new))
			.stream()
			.filter(KeyValue::hasValue)
			.map(kv -> Visitor.fromStored(kv.getValue()))
			.toList();
	}

	private String order(UUID organizationId) {
		return prefix + organizationId + ":order";
	}

	private String visits(UUID organizationId) {
		return prefix + organizationId + ":visits";
	}

	@Override
	public void destroy() {
		connection.close();
		client.shutdown();
	}
}
