package dev.kefu.quality;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.Conversations;
import dev.kefu.organization.StaffRoles;
import dev.kefu.shared.PermissionMissing;
import dev.kefu.shared.Permission;
import dev.kefu.shared.AccessDenied;
import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;

/**
 * The inspectors' and agents' side of quality: review a queued conversation with a rubric, see reviews, appeal one
 * and decide an appeal. Each completed or revised review is published as {@link ReviewCompleted}.
 */
@Service
class QualityDesk {

	static final int MAX_TEXT = 2000;
	static final int MAX_COMMENTS = 200;

	private final StaffRoles staffRoles;
	private final ReviewQueue queue;
	private final Reviews reviews;
	private final Rubrics rubrics;
	private final Findings findings;
	private final Conversations conversations;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;

	QualityDesk(ReviewQueue queue, Reviews reviews, Rubrics rubrics, Findings findings, Conversations conversations,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock, StaffRoles staffRoles) {
		this.staffRoles = staffRoles;
		this.queue = queue;
		this.reviews = reviews;
		this.rubrics = rubrics;
		this.findings = findings;
		this.conversations = conversations;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What an inspector sends to complete a review. */
	record Submission(@Nullable UUID rubricId, @Nullable List<ScoredItem.Given> scores,
			@Nullable List<Remark> comments, @Nullable String summary) {
	}

	/** A remark on the message with this seq. */
	record Remark(@Nullable Long seq, @Nullable String text) {
	}

	/** The open tasks of the groups the caller's qa.review reaches (an inspector of one center: its groups'). */
	List<ReviewTask> queue(StaffCaller caller, int limit) {
		QualityRoles.requireInspector(caller);
		return queue.open(caller.organizationId(), staffRoles.groupsReached(caller, Permission.QA_REVIEW), limit);
	}

	ReviewTask task(StaffCaller caller, UUID taskId) {
		QualityRoles.requireInspector(caller);
		ReviewTask task = queue.require(caller.organizationId(), taskId);
		if (!staffRoles.reaches(caller, Permission.QA_REVIEW, task.groupId())) {
			throw new PermissionMissing(Permission.QA_REVIEW);
		}
		return task;
	}

	/** The channel a conversation came through ({@code web}, {@code api}, ...): an inspector judges a chat by it. */
	String channelOf(UUID organizationId, UUID conversationId) {
		return conversations.find(organizationId, conversationId).map(Conversation::channel).orElse("web");
	}

	List<Finding> findingsOf(UUID organizationId, UUID conversationId) {
		return findings.ofConversation(organizationId, conversationId);
	}

	/** Scores a queued conversation; the task leaves the queue. Nobody reviews their own conversations. */
	Review review(StaffCaller caller, UUID taskId, Submission submission) {
		ReviewTask task = task(caller, taskId);
		if (task.agentId().equals(caller.userId())) {
			throw new AccessDenied("nobody reviews their own conversations");
		}
		if (task.state() == ReviewTask.State.REVIEWED) {
			throw new StateConflict("task-reviewed", "this conversation has been reviewed already");
		}
		if (submission.rubricId() == null) {
			throw new RequestRejected("invalid-review", "rubricId is required");
		}
		Rubric rubric = rubrics.find(caller.organizationId(), submission.rubricId())
			.orElseThrow(() -> new RequestRejected("unknown-rubric", "no rubric " + submission.rubricId()));
		List<ScoredItem> scored = ScoredItem.match(rubric.items(), submission.scores());
		Conversation conversation = conversations.require(caller.organizationId(), task.conversationId());
		Instant now = clock.instant();
		List<Review.Comment> comments = comments(submission.comments(), conversation, caller.userId(), now);
		BigDecimal score = ScoredItem.total(scored);
		Review review = new Review(Ids.newId(), caller.organizationId(), task.id(), task.conversationId(),
				task.agentId(), caller.userId(), rubric.id(), rubric.name(),
				optionalText(submission.summary(), "summary"), score, score, now,
				scored.stream()
					.map(s -> new Review.Points(s.item().id(), s.item().name(), s.item().weight(), s.item().maxPoints(),
							s.points(), null))
					.toList(),
				comments, null);
		transactions.executeWithoutResult(status -> {
			if (!queue.complete(caller.organizationId(), task.id())) {
				throw new StateConflict("task-reviewed", "this conversation has been reviewed already");
			}
			reviews.insert(review);
			events.publishEvent(new ReviewCompleted(review.organizationId(), review.conversationId(), review.id(),
					review.agentId(), score.doubleValue(), now));
		});
		return reviews.require(caller.organizationId(), review.id());
	}

	/** A review the caller may see: any of the organization's for inspectors, an agent's own otherwise. */
	Review visible(StaffCaller caller, UUID reviewId) {
		Review review = reviews.require(caller.organizationId(), reviewId);
		if (!QualityRoles.inspects(caller) && !review.agentId().equals(caller.userId())) {
			// As for another organization's: its existence is none of this agent's business.
			throw new ResourceNotFound("review", reviewId);
		}
		return review;
	}

	List<Review> reviews(StaffCaller caller, @Nullable UUID agentId, boolean openAppealsOnly, int limit) {
		return reviews.search(caller.organizationId(),
				new Reviews.Filter(ownUnlessInspector(caller, agentId), openAppealsOnly, limit));
	}

	List<Finding> findings(StaffCaller caller, @Nullable UUID agentId, @Nullable String rule, int limit) {
		return findings.search(caller.organizationId(), ownUnlessInspector(caller, agentId), rule, limit);
	}

	/** The reviewed agent disputes the review, once. */
	Review appeal(StaffCaller caller, UUID reviewId, @Nullable String reason) {
		Review review = visible(caller, reviewId);
		if (!review.agentId().equals(caller.userId())) {
			throw new AccessDenied("only the reviewed agent may appeal a review");
		}
		String why = requiredText(reason, "reason");
		if (!reviews.appeal(caller.organizationId(), reviewId, why, clock.instant())) {
			throw new StateConflict("already-appealed", "a review can be appealed once");
		}
		return reviews.require(caller.organizationId(), reviewId);
	}

	/**
	 * A supervisor decides an appeal: the score stands ({@code UPHELD}) or new points per item give a new one
	 * ({@code REVISED}, published again).
	 */
	Review decide(StaffCaller caller, UUID reviewId, Review.@Nullable Decision decision, @Nullable String comment,
			@Nullable List<ScoredItem.Given> scores) {
		QualityRoles.requireAppealJudge(caller);
		Review review = reviews.require(caller.organizationId(), reviewId);
		if (review.agentId().equals(caller.userId())) {
			throw new AccessDenied("nobody decides their own appeal");
		}
		if (review.appeal() == null) {
			throw new StateConflict("not-appealed", "the review has not been appealed");
		}
		if (review.appeal().decision() != null) {
			throw new StateConflict("appeal-decided", "the appeal has been decided already");
		}
		if (decision == null) {
			throw new RequestRejected("invalid-decision", "decision must be UPHELD or REVISED");
		}
		String why = requiredText(comment, "comment");
		List<ScoredItem> revised = decision == Review.Decision.REVISED
				? ScoredItem.match(review.items().stream().map(Review.Points::item).toList(), scores) : List.of();
		if (decision == Review.Decision.UPHELD && scores != null && !scores.isEmpty()) {
			throw new RequestRejected("invalid-decision", "an upheld review keeps its scores; send none");
		}
		BigDecimal score = decision == Review.Decision.REVISED ? ScoredItem.total(revised) : review.score();
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> {
			if (!reviews.decide(caller.organizationId(), reviewId, decision, why, caller.userId(), score, now)) {
				throw new StateConflict("appeal-decided", "the appeal has been decided already");
			}
			if (decision == Review.Decision.REVISED) {
				reviews.revise(reviewId, revised);
				events.publishEvent(new ReviewCompleted(review.organizationId(), review.conversationId(), reviewId,
						review.agentId(), score.doubleValue(), now));
			}
		});
		return reviews.require(caller.organizationId(), reviewId);
	}

	/** Inspectors see anyone's (or everyone's); agents only their own. */
	private static @Nullable UUID ownUnlessInspector(StaffCaller caller, @Nullable UUID agentId) {
		if (QualityRoles.inspects(caller)) {
			return agentId;
		}
		if (agentId != null && !agentId.equals(caller.userId())) {
			throw new AccessDenied("agents see their own reviews and findings only");
		}
		return caller.userId();
	}

	private static List<Review.Comment> comments(@Nullable List<Remark> remarks, Conversation conversation,
			UUID authorId, Instant now) {
		if (remarks == null) {
			return List.of();
		}
		if (remarks.size() > MAX_COMMENTS) {
			throw new RequestRejected("invalid-comments", "at most " + MAX_COMMENTS + " comments");
		}
		return remarks.stream().map(remark -> {
			if (remark == null || remark.seq() == null || remark.seq() < 1 || remark.seq() > conversation.lastSeq()) {
				throw new RequestRejected("invalid-comments",
						"each comment needs the seq of a message of the conversation (1 to " + conversation.lastSeq()
								+ ")");
			}
			return new Review.Comment(Ids.newId(), remark.seq(), requiredText(remark.text(), "comment text"), authorId,
					now);
		}).toList();
	}

	private static String requiredText(@Nullable String text, String what) {
		String given = optionalText(text, what);
		if (given == null) {
			throw new RequestRejected("invalid-" + what.replace(' ', '-'), what + " is required");
		}
		return given;
	}

	private static @Nullable String optionalText(@Nullable String text, String what) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.strip().length() > MAX_TEXT) {
			throw new RequestRejected("invalid-" + what.replace(' ', '-'),
					what + " must be at most " + MAX_TEXT + " characters");
		}
		return text.strip();
	}
}
