package dev.kefu.supervision;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.Note;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.StaffCaller;

/**
 * The supervisor's live view and moves. Watching a chat read-only is the realtime {@code watch} frame (audited
 * there); whispering and taking over are here.
 */
@RestController
class SupervisionController {

	private final LiveOverview overview;
	private final Supervision supervision;
	private final AuditTrail audit;
	private final SupervisedGroups supervised;
	private final SiteVisitors visitors;

	SupervisionController(LiveOverview overview, Supervision supervision, AuditTrail audit,
			SupervisedGroups supervised, SiteVisitors visitors) {
		this.overview = overview;
		this.supervision = supervision;
		this.audit = audit;
		this.supervised = supervised;
		this.visitors = visitors;
	}

	record WhisperRequest(@Nullable String text) {
	}

	record TakeOverRequest(@Nullable String note) {
	}

	@GetMapping("/api/v1/supervision/overview")
	LiveOverview.Overview overview(@AuthenticationPrincipal StaffCaller caller) {
		return overview.now(caller);
	}

	@GetMapping("/api/v1/supervision/groups/{groupId}/conversations")
	List<LiveOverview.LiveChat> chats(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID groupId) {
		return overview.chats(caller, groupId);
	}

	/** The visits on the organization's site just now, most recently active first. */
	@GetMapping("/api/v1/supervision/visitors")
	List<Visitor> visitors(@AuthenticationPrincipal StaffCaller caller) {
		return visitors.online(caller);
	}

	@PostMapping("/api/v1/supervision/conversations/{id}/whisper")
	ResponseEntity<Note> whisper(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody WhisperRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(supervision.whisper(caller, id, request.text()));
	}

	@PostMapping("/api/v1/supervision/conversations/{id}/take-over")
	Conversation takeOver(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody(required = false) @Nullable TakeOverRequest request) {
		return supervision.takeOver(caller, id, request == null ? null : request.note());
	}

	@GetMapping("/api/v1/supervision/audit")
	List<AuditTrail.Entry> audit(@AuthenticationPrincipal StaffCaller caller,
			@RequestParam(required = false) @Nullable UUID conversationId, @RequestParam(defaultValue = "100") int limit) {
		supervised.of(caller);
		if (limit < 1 || limit > 500) {
			throw new RequestRejected("invalid-limit", "limit must be 1 to 500");
		}
		return audit.latest(caller.organizationId(), conversationId, limit);
	}
}
