package dev.kefu.conversation;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;
import dev.kefu.shared.VisitorCaller;

/**
 * The customer's visit: the widget reports it when a chat starts and as the customer moves between pages; the desk
 * reads it for the customer panel. A visitor reports only for their own open conversation; staff read their
 * organization's.
 */
@RestController
class VisitController {

	private final ConversationAccess access;
	private final Visits visits;

	VisitController(ConversationAccess access, Visits visits) {
		this.access = access;
		this.visits = visits;
	}

	@PutMapping("/api/v1/visitor/conversations/{id}/visit")
	Visit report(@AuthenticationPrincipal VisitorCaller visitor, @PathVariable UUID id,
			@RequestBody Visits.Report report, @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent) {
		Conversation conversation = access.readable(visitor, id);
		if (!conversation.state().isOpen()) {
			throw new StateConflict("conversation-closed", "the visit is kept only while the conversation is open");
		}
		return visits.save(conversation, report, userAgent);
	}

	/** 204 when the widget has not reported a visit (a chat from another channel, or an older widget). */
	@GetMapping("/api/v1/conversations/{id}/visit")
	ResponseEntity<Visit> visit(@AuthenticationPrincipal StaffCaller staff, @PathVariable UUID id) {
		Conversation conversation = access.readable(staff, id);
		return visits.find(conversation.organizationId(), id)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}
}
