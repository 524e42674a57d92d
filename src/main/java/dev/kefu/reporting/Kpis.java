package dev.kefu.reporting;

import org.jspecify.annotations.Nullable;

/**
 * The sums the KPIs are made of, for any set of conversations, tickets and reviews. Every field adds up, so days
 * fold into weeks and months and rows into totals without losing exactness; the averages and shares are worked out
 * only at the end ({@link #figures}).
 */
record Kpis(long conversations, long offered, long answered, long abandoned, long effective, long transfers,
		long waits, long waitMs, long firstResponses, long firstResponseMs, long responses, long responseMs, long handled,
		long handleMs, long afterChatWorks, long afterChatWorkMs, long messages, long rated, long ratingSum,
		long satisfied, long assistantServed, long assistantResolved, long handedOver, long tickets,
		long ticketsAnswered, long ticketAnswerMs, long reviews, double scoreSum, Callbacks callbacks) {

	static final Kpis NONE = new Kpis(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
			Callbacks.NONE);

	/**
	 * The call-back requests among the tickets: how many, the calls made, and how many ended (so far) on each
	 * outcome of their latest call.
	 */
	record Callbacks(long requests, long attempts, long reached, long noAnswer, long wrongNumber, long cancelled) {

		static final Callbacks NONE = new Callbacks(0, 0, 0, 0, 0, 0);

		Callbacks plus(Callbacks o) {
			return new Callbacks(requests + o.requests, attempts + o.attempts, reached + o.reached,
					noAnswer + o.noAnswer, wrongNumber + o.wrongNumber, cancelled + o.cancelled);
		}
	}

	static Kpis ofTickets(long tickets, long answered, long answerMs, Callbacks callbacks) {
		return new Kpis(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, tickets, answered, answerMs,
				0, 0, callbacks);
	}

	static Kpis ofReviews(long reviews, double scoreSum) {
		return new Kpis(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, reviews, scoreSum,
				Callbacks.NONE);
	}

	Kpis plus(Kpis o) {
		return new Kpis(conversations + o.conversations, offered + o.offered, answered + o.answered,
				abandoned + o.abandoned, effective + o.effective, transfers + o.transfers, waits + o.waits,
				waitMs + o.waitMs, firstResponses + o.firstResponses, firstResponseMs + o.firstResponseMs,
				responses + o.responses, responseMs + o.responseMs, handled + o.handled, handleMs + o.handleMs,
				afterChatWorks + o.afterChatWorks, afterChatWorkMs + o.afterChatWorkMs, messages + o.messages,
				rated + o.rated, ratingSum + o.ratingSum, satisfied + o.satisfied, assistantServed + o.assistantServed,
				assistantResolved + o.assistantResolved, handedOver + o.handedOver, tickets + o.tickets,
				ticketsAnswered + o.ticketsAnswered, ticketAnswerMs + o.ticketAnswerMs, reviews + o.reviews,
				scoreSum + o.scoreSum, callbacks.plus(o.callbacks));
	}

	/**
	 * The KPIs as docs/metrics.md defines them. Averages are in seconds, shares from 0 to 1; a figure with nothing to
	 * average over is null, not zero.
	 */
	record Figures(long conversations, long offered, long answered, long abandoned, @Nullable Double answerRate,
			@Nullable Double abandonRate, @Nullable Double avgWaitSeconds, @Nullable Double avgFirstResponseSeconds,
			@Nullable Double avgResponseSeconds, @Nullable Double avgHandleSeconds,
			@Nullable Double avgAfterChatWorkSeconds, long effectiveSessions, @Nullable Double effectiveRate,
			@Nullable Double messagesPerChat, long transfers, long rated, @Nullable Double satisfaction,
			@Nullable Double avgRating, long assistantServed, long assistantResolved, long handedOver,
			@Nullable Double assistantResolutionRate, @Nullable Double handOverRate, long tickets, long ticketsAnswered,
			@Nullable Double avgTicketAnswerSeconds, long reviews, @Nullable Double qaScore, long callbacks,
			long callbackAttempts, long callbacksReached, long callbacksNoAnswer, long callbacksWrongNumber,
			long callbacksCancelled, @Nullable Double callbackReachRate) {
	}

	Figures figures() {
		return new Figures(conversations, offered, answered, abandoned, share(answered, offered),
				share(abandoned, offered), seconds(waitMs, waits), seconds(firstResponseMs, firstResponses),
				seconds(responseMs, responses), seconds(handleMs, handled), seconds(afterChatWorkMs, afterChatWorks),
				effective, share(effective, answered), ratio(messages, answered), transfers, rated,
				share(satisfied, rated), ratio(ratingSum, rated), assistantServed, assistantResolved, handedOver,
				share(assistantResolved, assistantServed), share(handedOver, assistantServed), tickets, ticketsAnswered,
				seconds(ticketAnswerMs, ticketsAnswered), reviews, reviews == 0 ? null : round(scoreSum / reviews, 1),
				callbacks.requests(), callbacks.attempts(), callbacks.reached(), callbacks.noAnswer(),
				callbacks.wrongNumber(), callbacks.cancelled(), share(callbacks.reached(), callbacks.requests()));
	}

	private static @Nullable Double share(long part, long whole) {
		return whole == 0 ? null : round((double) part / whole, 4);
	}

	private static @Nullable Double ratio(long sum, long count) {
		return count == 0 ? null : round((double) sum / count, 2);
	}

	private static @Nullable Double seconds(long millis, long count) {
		return count == 0 ? null : round(millis / 1000.0 / count, 1);
	}

	private static double round(double value, int digits) {
		double scale = Math.pow(10, digits);
		return Math.round(value * scale) / scale;
	}
}
