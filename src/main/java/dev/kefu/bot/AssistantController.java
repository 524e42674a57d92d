package dev.kefu.bot;

import org.springframework.transaction.annotation.Transactional;
import dev.kefu.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.ConversationAccess;
import dev.kefu.knowledge.Knowledge;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.VisitorCaller;

import io.swagger.v3.oas.annotations.media.Schema;

/** Admins set up each group's assistant; customers rate its answers. */
@RestController
class AssistantController {

	/** Questions this close (cosine) count as the same gap. */
	private static final double SAME_GAP = 0.8;

	private final BotProfiles profiles;
	private final BotReplies replies;
	private final ConversationAccess access;
	private final Knowledge knowledge;
	private final Clock clock;
	private final AuditLog audit;

	AssistantController(BotProfiles profiles, BotReplies replies, ConversationAccess access, Knowledge knowledge,
			Clock clock, AuditLog audit) {
		this.audit = audit;
		this.profiles = profiles;
		this.replies = replies;
		this.access = access;
		this.knowledge = knowledge;
		this.clock = clock;
	}

	record ProfileRequest(@Nullable Boolean enabled, @Nullable String name, @Nullable String greeting,
			@Nullable Double threshold) {
	}

	@Schema(name = "AssistantAnswerRating")
	record Rating(boolean helpful) {
	}

	@GetMapping("/api/v1/admin/groups/{groupId}/assistant")
	BotProfile get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID groupId) {
		return profiles.configured(caller.organizationId(), groupId);
	}

	/** Fields left out keep their current value. */
	@PutMapping("/api/v1/admin/groups/{groupId}/assistant")
	@Transactional
	BotProfile put(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID groupId,
			@RequestBody ProfileRequest request) {
		BotProfile now = profiles.configured(caller.organizationId(), groupId);
		BotProfile after = profiles.save(caller.organizationId(), new BotProfile(groupId,
				request.enabled() == null ? now.enabled() : request.enabled(),
				request.name() == null ? now.name() : request.name(),
				request.greeting() == null ? now.greeting() : request.greeting(),
				request.threshold() == null ? now.threshold() : request.threshold()));
		audit.entry(caller, "assistant.changed").target("group:" + groupId).changed(now, after).record();
		return after;
	}

	/**
	 * Knowledge gaps: what the assistant could not answer in the last {@code days} days, grouped by meaning, the
	 * most asked first, for knowledge editors to write the missing entries.
	 */
	@GetMapping("/api/v1/assistant/gaps")
	List<Knowledge.Cluster> gaps(@AuthenticationPrincipal StaffCaller caller,
			@RequestParam(defaultValue = "30") int days) {
		if (days < 1 || days > 366) {
			throw new RequestRejected("invalid-days", "days must be 1 to 366");
		}
		List<String> asked = replies.unanswered(caller.organizationId(), clock.instant().minus(Duration.ofDays(days)), 2000);
		return knowledge.cluster(caller.organizationId(), asked, SAME_GAP);
	}

	/** The customer says whether an answer of the assistant (message {@code seq}) helped. */
	@PostMapping("/api/v1/visitor/conversations/{id}/assistant-answers/{seq}/rating")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void rate(@AuthenticationPrincipal VisitorCaller caller, @PathVariable UUID id, @PathVariable long seq,
			@RequestBody Rating rating) {
		Conversation conversation = access.readable(caller, id);
		replies.rate(conversation.organizationId(), id, seq, rating.helpful());
	}
}
