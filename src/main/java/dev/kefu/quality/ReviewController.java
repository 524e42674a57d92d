package dev.kefu.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.quality.FindingController.FindingView;
import dev.kefu.shared.StaffCaller;

/**
 * Completed reviews. Agents see their own (another agent's is not found) and appeal one once; supervisors decide
 * appeals; inspectors see all.
 */
@RestController
class ReviewController {

	private final QualityDesk desk;

	ReviewController(QualityDesk desk) {
		this.desk = desk;
	}

	record ReviewView(UUID id, UUID conversationId, UUID agentId, UUID reviewerId, UUID rubricId, String rubricName,
			@Nullable String summary, BigDecimal originalScore, BigDecimal score, Instant completedAt,
			List<Review.Points> items, List<Review.Comment> comments, Review.@Nullable Appeal appeal,
			List<FindingView> findings) {

		static ReviewView of(Review review, List<Finding> findings) {
			return new ReviewView(review.id(), review.conversationId(), review.agentId(), review.reviewerId(),
					review.rubricId(), review.rubricName(), review.summary(), review.originalScore(), review.score(),
					review.completedAt(), review.items(), review.comments(), review.appeal(), FindingView.of(findings));
		}
	}

	record AppealBody(@Nullable String reason) {
	}

	/** {@code scores} (one per item of the review) only with {@code REVISED}. */
	record DecisionBody(Review.@Nullable Decision decision, @Nullable String comment,
			@Nullable List<ScoredItem.Given> scores) {
	}

	/** The newest first; {@code appeal=open} lists those waiting for a decision. */
	@GetMapping("/api/v1/quality/reviews")
	List<ReviewView> list(@AuthenticationPrincipal StaffCaller caller, @RequestParam(required = false) UUID agentId,
			@RequestParam(required = false) String appeal, @RequestParam(defaultValue = "50") int limit) {
		return desk.reviews(caller, agentId, "open".equals(appeal), Math.min(Math.max(limit, 1), 200))
			.stream()
			.map(review -> ReviewView.of(review, List.of()))
			.toList();
	}

	@GetMapping("/api/v1/quality/reviews/{id}")
	ReviewView get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		Review review = desk.visible(caller, id);
		return ReviewView.of(review, desk.findingsOf(caller.organizationId(), review.conversationId()));
	}

	@PostMapping("/api/v1/quality/reviews/{id}/appeal")
	ReviewView appeal(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody AppealBody body) {
		Review review = desk.appeal(caller, id, body.reason());
		return ReviewView.of(review, desk.findingsOf(caller.organizationId(), review.conversationId()));
	}

	@PostMapping("/api/v1/quality/reviews/{id}/decision")
	ReviewView decide(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody DecisionBody body) {
		Review review = desk.decide(caller, id, body.decision(), body.comment(), body.scores());
		return ReviewView.of(review, desk.findingsOf(caller.organizationId(), review.conversationId()));
	}
}
