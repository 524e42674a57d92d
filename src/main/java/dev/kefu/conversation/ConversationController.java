package dev.kefu.conversation;

import dev.kefu.audit.AuditLog;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.contact.Contacts;
import dev.kefu.organization.Organizations;
import dev.kefu.organization.StaffRoles;
import dev.kefu.shared.Permission;
import dev.kefu.shared.AccessDenied;
import dev.kefu.shared.StaffCaller;

import io.swagger.v3.oas.annotations.media.Schema;

/** The agent's and supervisor's view of conversations. */
@RestController
class ConversationController {

	private final ConversationAccess access;
	private final StaffRoles staffRoles;
	private final Conversations conversations;
	private final Notes notes;
	private final Transcripts transcripts;
	private final Contacts contacts;
	private final Organizations organizations;

	private final AuditLog audit;

	ConversationController(Conversations conversations, Notes notes, Transcripts transcripts, Contacts contacts,
			Organizations organizations, AuditLog audit, StaffRoles staffRoles, ConversationAccess access) {
		this.access = access;
		this.staffRoles = staffRoles;
		this.audit = audit;
		this.conversations = conversations;
		this.notes = notes;
		this.transcripts = transcripts;
		this.contacts = contacts;
		this.organizations = organizations;
	}

	/** {@code dispositionId}: a disposition code from GET /api/v1/dispositions; required where the group says so. */
	@Schema(name = "ConversationCloseRequest")
	record CloseRequest(@Nullable @Size(max = 32) String reason, @Nullable @Size(max = 4000) String summary,
			@Nullable UUID dispositionId) {
	}

	record SummaryRequest(String summary) {
	}

	record NoteRequest(String text) {
	}

	/** My open chats, the customer waiting longest for a reply first. */
	@GetMapping("/api/v1/conversations/mine")
	List<Conversation> mine(@AuthenticationPrincipal StaffCaller caller) {
		return conversations.assignedTo(caller.organizationId(), caller.userId());
	}

	@GetMapping("/api/v1/conversations/{id}")
	Conversation get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return access.readable(caller, id);
	}

	@GetMapping("/api/v1/conversations")
	List<Conversation> search(@AuthenticationPrincipal StaffCaller caller, @RequestParam(required = false) UUID contactId,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "50") int limit) {
		return access.visible(caller,
				conversations.search(caller.organizationId(), contactId, q, Math.min(Math.max(limit, 1), 200)));
	}

	@GetMapping("/api/v1/contacts/{contactId}/conversations")
	List<Conversation> history(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID contactId) {
		contacts.require(caller.organizationId(), contactId);
		return access.visible(caller, conversations.ofContact(caller.organizationId(), contactId, 100));
	}

	@PostMapping("/api/v1/conversations/{id}/close")
	Conversation close(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@Valid @RequestBody(required = false) @Nullable CloseRequest request) {
		Conversation conversation = conversations.require(caller.organizationId(), id);
		requireHandler(caller, conversation);
		String reason = request == null || request.reason() == null ? "resolved" : request.reason();
		Conversation closed = conversations.close(caller.organizationId(), id,
				Participant.agent(caller.userId(), caller.displayName()), reason,
				request == null ? null : request.dispositionId());
		if (request != null && request.summary() != null && !request.summary().isBlank()) {
			closed = conversations.saveSummary(caller.organizationId(), id, caller.userId(), request.summary());
		}
		return closed;
	}

	@PutMapping("/api/v1/conversations/{id}/summary")
	Conversation summary(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody SummaryRequest request) {
		requireHandler(caller, conversations.require(caller.organizationId(), id));
		return conversations.saveSummary(caller.organizationId(), id, caller.userId(), request.summary());
	}

	@GetMapping("/api/v1/conversations/{id}/notes")
	List<Note> notes(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		access.readable(caller, id);
		return notes.of(caller.organizationId(), id);
	}

	@PostMapping("/api/v1/conversations/{id}/notes")
	ResponseEntity<Note> addNote(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestBody NoteRequest request) {
		return ResponseEntity.status(201)
			.body(notes.add(caller.organizationId(), id, caller.userId(), caller.displayName(), request.text()));
	}

	@GetMapping("/api/v1/conversations/{id}/transitions")
	List<Transition> transitions(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		access.readable(caller, id);
		return conversations.transitions(caller.organizationId(), id);
	}

	/** System lines in the reader's language: {@code lang} ({@code en}, {@code zh-CN}), else Accept-Language. */
	@GetMapping("/api/v1/conversations/{id}/transcript")
	ResponseEntity<?> transcript(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id,
			@RequestParam(defaultValue = "json") String format, @RequestParam(required = false) @Nullable String lang,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
		Conversation conversation = access.readable(caller, id);
		String language = SystemLines.language(lang, acceptLanguage);
		if ("text".equals(format)) {
			String label = contacts.require(caller.organizationId(), conversation.contactId()).label();
			String text = transcripts.asText(conversation, label,
					organizations.require(caller.organizationId()).timeZone(), language);
			return ResponseEntity.ok()
				.contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
				.header("Content-Disposition", "attachment; filename=\"conversation-" + id + ".txt\"")
				.body(exported(caller, conversation, text));
		}
		return ResponseEntity.ok(transcripts.of(conversation, language));
	}

	/** A transcript downloaded as a file may leave the desk: audited. Reading it on screen is not. */
	private String exported(StaffCaller caller, Conversation conversation, String text) {
		audit.record(caller, "conversation.exported", "conversation:" + conversation.id(), "transcript (text)");
		return text;
	}

	/** Only the assigned agent, or a supervisor of its group, closes or summarises a chat. */
	private void requireHandler(StaffCaller caller, Conversation conversation) {
		if (!caller.userId().equals(conversation.agentId())
				&& !staffRoles.reaches(caller, Permission.CONVERSATION_SUPERVISE, conversation.groupId())) {
			throw new AccessDenied("only the assigned agent or a supervisor may do this");
		}
	}
}
