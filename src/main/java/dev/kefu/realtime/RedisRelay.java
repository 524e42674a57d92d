package dev.kefu.realtime;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import dev.kefu.shared.Ids;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * Relays frames through one Redis pub/sub channel per cluster. Each node hears every frame and delivers those of
 * topics it holds connections for; its own frames come back too and are dropped by node id. Lettuce reconnects and
 * resubscribes by itself; every resubscription after the first means frames may have been missed, so the local
 * clients are told to catch up.
 */
final class RedisRelay implements Relay, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RedisRelay.class);

	private final String nodeId = Ids.newId().toString();
	private final String channel;
	private final RedisClient client;
	private final StatefulRedisPubSubConnection<String, String> subscription;
	private final StatefulRedisConnection<String, String> publisher;
	private final AtomicInteger subscriptions = new AtomicInteger();
	private volatile Receiver receiver = NO_RECEIVER;

	RedisRelay(String redisUrl, String clusterName) {
		this.channel = "kefu:" + clusterName + ":live";
		this.client = RedisClient.create(redisUrl);
		// While Redis is away, publishing fails at once instead of piling up in memory; clients are resynced later.
		client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.build());
		this.subscription = client.connectPubSub();
		subscription.addListener(new Listener());
		subscription.sync().subscribe(channel);
		this.publisher = client.connect();
		log.info("Relaying live frames between nodes through Redis channel {} as node {}", channel, nodeId);
	}

	@Override
	public void broadcast(String topic, String frame) {
		publisher.async().publish(channel, nodeId + '\n' + topic + '\n' + frame).exceptionally(failed -> {
			log.debug("Frame for {} not relayed; other nodes' clients catch up after reconnect", topic, failed);
			return null;
		});
	}

	@Override
	public boolean clustered() {
		return true;
	}

	@Override
	public void receiveWith(Receiver receiver) {
		this.receiver = receiver;
	}

	@Override
	public void destroy() {
		subscription.close();
		publisher.close();
		client.shutdown();
	}

	private final class Listener extends RedisPubSubAdapter<String, String> {

		@Override
		public void message(String from, String payload) {
			int afterNode = payload.indexOf('\n');
			int afterTopic = payload.indexOf('\n', afterNode + 1);
			if (afterNode < 0 || afterTopic < 0 || payload.startsWith(nodeId + '\n')) {
				return;
			}
			receiver.deliver(payload.substring(afterNode + 1, afterTopic), payload.substring(afterTopic + 1));
		}

		@Override
		public void subscribed(String subscribedChannel, long count) {
			if (subscriptions.incrementAndGet() > 1) {
				log.info("Redis subscription restored; asking local clients to catch up");
				receiver.missedSome();
			}
		}
	}

	private static final Receiver NO_RECEIVER = new Receiver() {

		@Override
		public void deliver(String topic, String frame) {
		}

		@Override
		public void missedSome() {
		}
	};
}
