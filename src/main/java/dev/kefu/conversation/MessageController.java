package dev.kefu.conversation;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The HTTP side of the message path, used by visitors and agents alike: send (idempotent by client message id),
 * catch up after a sequence number, read receipts and attachments. This is also the fallback transport for networks
 * that block WebSocket, with the event stream for receiving.
 */
@RestController
class MessageController {

	private final ConversationAccess access;
	private final Messages messages;
	private final Attachments attachments;

	MessageController(ConversationAccess access, Messages messages, Attachments attachments) {
		this.access = access;
		this.messages = messages;
		this.attachments = attachments;
	}

	record SendMessage(@NotNull String clientMsgId, @Nullable String text, @Nullable List<UUID> attachments) {
	}

	record ReadReceipt(long read) {
	}

	@PostMapping("/api/v1/conversations/{id}/messages")
	ResponseEntity<Message> send(@AuthenticationPrincipal Object caller, @PathVariable UUID id,
			@Valid @RequestBody SendMessage send) {
		Messages.Appended appended = messages.append(ConversationAccess.organizationOf(caller), id,
				ConversationAccess.author(caller), send.clientMsgId(), send.text() == null ? "" : send.text(),
				send.attachments() == null ? List.of() : send.attachments());
		return ResponseEntity.status(appended.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(appended.message());
	}

	@GetMapping("/api/v1/conversations/{id}/messages")
	List<Message> after(@AuthenticationPrincipal Object caller, @PathVariable UUID id,
			@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
		Conversation conversation = access.readable(caller, id);
		return messages.after(conversation.organizationId(), id, after, limit);
	}

	@PostMapping("/api/v1/conversations/{id}/receipts")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void read(@AuthenticationPrincipal Object caller, @PathVariable UUID id, @RequestBody ReadReceipt receipt) {
		Conversation conversation = access.readable(caller, id);
		messages.markRead(conversation.organizationId(), id, ConversationAccess.sideOf(caller), receipt.read());
	}

	@PostMapping(path = "/api/v1/conversations/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	AttachmentRef upload(@AuthenticationPrincipal Object caller, @PathVariable UUID id,
			@RequestPart("file") MultipartFile file) throws IOException {
		Conversation conversation = access.readable(caller, id);
		if (!conversation.state().isOpen()) {
			throw new dev.kefu.shared.StateConflict("conversation-closed", "conversation " + id + " is closed");
		}
		String declared = file.getContentType() == null ? "" : file.getContentType();
		String name = file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
		return attachments.upload(conversation.organizationId(), id, ConversationAccess.author(caller), name, declared,
				file.getInputStream());
	}

	@GetMapping("/api/v1/attachments/{id}")
	ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @RequestParam long exp,
			@RequestParam String sig) throws IOException {
		Attachments.Download file = attachments.download(id, exp, sig);
		boolean inline = file.contentType().startsWith("image/");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					(inline ? ContentDisposition.inline() : ContentDisposition.attachment())
						.filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
			.body(new InputStreamResource(file.content()));
	}
}
