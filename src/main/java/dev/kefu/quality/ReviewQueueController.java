package dev.kefu.quality;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.quality.FindingController.FindingView;
import dev.kefu.shared.StaffCaller;

/**
 * The QA queue for inspectors: the conversations waiting for review, one with its findings (its transcript comes from
 * the conversation API), and scoring it.
 */
@RestController
class ReviewQueueController {

	private final QualityDesk desk;

	ReviewQueueController(QualityDesk desk) {
		this.desk = desk;
	}

	record TaskView(UUID id, UUID conversationId, UUID agentId, UUID groupId, ReviewTask.State state,
			Set<ReviewTask.Reason> reasons, Instant createdAt) {

		static TaskView of(ReviewTask task) {
			return new TaskView(task.id(), task.conversationId(), task.agentId(), task.groupId(), task.state(),
					task.reasons(), task.createdAt());
		}
	}

	/** {@code channel}: what the chat came through ({@code web}, {@code api}, ...), as reports split by it. */
	record TaskDetail(TaskView task, List<FindingView> findings, String channel) {
	}

	/** The oldest first. */
	@GetMapping("/api/v1/quality/queue")
	List<TaskView> queue(@AuthenticationPrincipal StaffCaller caller, @RequestParam(defaultValue = "100") int limit) {
		return desk.queue(caller, Math.min(Math.max(limit, 1), 500)).stream().map(TaskView::of).toList();
	}

	@GetMapping("/api/v1/quality/tasks/{id}")
	TaskDetail task(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		ReviewTask task = desk.task(caller, id);
		return new TaskDetail(TaskView.of(task),
				FindingView.of(desk.findingsOf(caller.organizationId(), task.conversationId())),
				desk.channelOf(caller.organizationId(), task.conversationId()));
	}

	/** Scores every item of a rubric and remarks on messages by seq; the task leaves the queue. */
	@PostMapping("/api/v1/quality/tasks/{id}/review")
	@ResponseStatus(HttpStatus.CREATED)
	ReviewController.ReviewView review(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody QualityDesk.Submission submission) {
		Review review = desk.review(caller, id, submission);
		return ReviewController.ReviewView.of(review,
				desk.findingsOf(caller.organizationId(), review.conversationId()));
	}
}
