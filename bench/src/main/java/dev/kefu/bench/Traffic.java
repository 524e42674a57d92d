package dev.kefu.bench;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;

import tools.jackson.databind.JsonNode;

/**
 * Every message the bench sent and every copy that came back, to check the delivery guarantee from the outside: each
 * acknowledged message reaches the other side exactly once, and each connection sees a conversation's seq without gap
 * or step back. Latency runs from the time the schedule said to send (not when the sender got round to it), so a
 * server that falls behind shows as latency rather than as a politely slower client.
 */
final class Traffic {

	/** One sent message. {@code measured}: inside the measuring window of its phase. */
	static final class Sent {

		final long intended;
		final boolean fromVisitor;
		final boolean measured;
		volatile boolean acked;
		volatile boolean refused;
		final AtomicInteger deliveries = new AtomicInteger();

		Sent(long intended, boolean fromVisitor, boolean measured) {
			this.intended = intended;
			this.fromVisitor = fromVisitor;
			this.measured = measured;
		}
	}

	final Map<String, Sent> sent = new ConcurrentHashMap<>();
	/** What each connection would display per conversation ("V:" visitor side, "A:" agent side). */
	private final Map<String, Timeline> timelines = new ConcurrentHashMap<>();
	/** Pushes that arrived after a later seq of the same conversation (the client reorders them by seq). */
	final AtomicLong outOfOrder = new AtomicLong();
	/** Pushes of a seq the connection already had. */
	final AtomicLong repeated = new AtomicLong();
	private final AtomicLong unmatchedErrors = new AtomicLong();
	final AtomicLong deliveredInWindow = new AtomicLong();
	volatile Recorder visitorToAgent = Latency.recorder();
	volatile Recorder agentToVisitor = Latency.recorder();
	volatile Recorder acks = Latency.recorder();

	void baseline(String side, String conversationId, long seq) {
		timelines.computeIfAbsent(side + conversationId, k -> new Timeline()).start(seq);
	}

	/** Seqs pushed but not displayable yet because an earlier one is missing: what a client would sync for. */
	long holes() {
		return timelines.values().stream().mapToLong(Timeline::waiting).sum();
	}

	void sending(String clientMsgId, long intended, boolean fromVisitor, boolean measured) {
		sent.put(clientMsgId, new Sent(intended, fromVisitor, measured));
	}

	void ack(JsonNode frame, long now) {
		Sent s = sent.get(frame.path("clientMsgId").asString());
		if (s != null) {
			s.acked = true;
			if (s.measured) {
				Latency.record(acks, now - s.intended);
			}
		}
	}

	void refused(JsonNode frame) {
		Sent s = sent.get(frame.path("id").asString());
		if (s != null) {
			s.refused = true;
		}
		else if (unmatchedErrors.incrementAndGet() <= 10) {
			// Mostly the per-connection frame limit, whose error carries no id; counted as unacked sends.
			System.err.println("error frame: " + frame);
		}
	}

	/** A {@code message} frame on the visitor's ({@code atVisitor}) or the agent's connection. */
	void message(boolean atVisitor, JsonNode frame, long now) {
		JsonNode m = frame.path("message");
		String conversationId = m.path("conversationId").asString();
		long seq = m.path("seq").asLong();
		switch (timelines.computeIfAbsent((atVisitor ? "V:" : "A:") + conversationId, k -> new Timeline()).add(seq)) {
			case LATE -> outOfOrder.incrementAndGet();
			case REPEATED -> repeated.incrementAndGet();
			case IN_ORDER -> {
			}
		}
		Sent s = sent.get(m.path("clientMsgId").asString());
		if (s == null || s.fromVisitor == atVisitor) {
			return; // a system line, or the sender's own copy
		}
		if (s.deliveries.incrementAndGet() == 1 && s.measured) {
			deliveredInWindow.incrementAndGet();
			Latency.record(s.fromVisitor ? visitorToAgent : agentToVisitor, now - s.intended);
		}
	}

	/** Messages acknowledged but not (yet) delivered to the other side. */
	long undelivered() {
		return sent.values().stream().filter(s -> s.acked && s.deliveries.get() == 0).count();
	}

	long duplicated() {
		return sent.values().stream().filter(s -> s.deliveries.get() > 1).count();
	}

	long unacked() {
		return sent.values().stream().filter(s -> !s.acked && !s.refused).count();
	}

	long refusals() {
		return sent.values().stream().filter(s -> s.refused).count();
	}

	/**
	 * One connection's view of a conversation, as protocol v1 asks clients to keep it: shown up to {@code shown}
	 * without gap; later seqs wait until the missing ones arrive (or a sync fetches them).
	 */
	static final class Timeline {

		enum Arrival {
			IN_ORDER, LATE, REPEATED
		}

		private long shown = -1;
		private long highest = -1;
		private final TreeSet<Long> waiting = new TreeSet<>();

		synchronized void start(long seq) {
			if (shown < 0) {
				shown = seq;
				highest = seq;
			}
		}

		synchronized Arrival add(long seq) {
			if (shown < 0) {
				shown = seq - 1;
			}
			if (seq <= shown || waiting.contains(seq)) {
				return Arrival.REPEATED;
			}
			Arrival arrival = seq < highest ? Arrival.LATE : Arrival.IN_ORDER;
			highest = Math.max(highest, seq);
			waiting.add(seq);
			while (!waiting.isEmpty() && waiting.first() == shown + 1) {
				shown = waiting.pollFirst();
			}
			return arrival;
		}

		synchronized long waiting() {
			return waiting.size();
		}
	}
}
