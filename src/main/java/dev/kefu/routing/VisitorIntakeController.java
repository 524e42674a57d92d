package dev.kefu.routing;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.conversation.ConversationAccess;
import dev.kefu.organization.IntakeLimits;
import dev.kefu.shared.VisitorCaller;

/**
 * A visitor asks for a chat. The answer is a conversation with its queue place (201 new, 200 resumed), or 200 with
 * {@code unavailable} saying why the customer should leave a message instead.
 */
@RestController
class VisitorIntakeController {

	private final Intake intake;
	private final Queues queues;
	private final ConversationAccess access;
	private final IntakeLimits limits;

	VisitorIntakeController(Intake intake, Queues queues, ConversationAccess access, IntakeLimits limits) {
		this.intake = intake;
		this.queues = queues;
		this.access = access;
		this.limits = limits;
	}

	record StartRequest(@Nullable UUID groupId, @Nullable String channel) {
	}

	@PostMapping("/api/v1/visitor/conversations")
	ResponseEntity<Intake.Started> start(@AuthenticationPrincipal VisitorCaller visitor,
			@RequestBody(required = false) @Nullable StartRequest request, HttpServletRequest http) {
		limits.admitNewConversation(visitor.organizationId(), http.getRemoteAddr());
		UUID groupId = request == null ? null : request.groupId();
		String channel = request == null || request.channel() == null ? "web" : request.channel();
		Intake.Started started = intake.start(visitor.organizationId(), visitor.contactId(), groupId, channel);
		boolean created = started.conversation() != null && !started.resumed();
		return ResponseEntity.status(created ? 201 : 200).body(started);
	}

	@GetMapping("/api/v1/visitor/conversations/{id}/queue")
	ResponseEntity<QueuePosition> position(@AuthenticationPrincipal VisitorCaller visitor, @PathVariable UUID id) {
		access.readable(visitor, id);
		return ResponseEntity.of(queues.position(visitor.organizationId(), id));
	}
}
