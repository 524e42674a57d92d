package dev.kefu.conversation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a file is from its first bytes, never from its name or the type the client claims: an executable
 * renamed to {@code photo.png} is refused.
 */
final class ContentSniffer {

	static final Set<String> OFFICE_EXTENSIONS = Set.of("docx", "xlsx", "pptx");

	private ContentSniffer() {
	}

	/** The content type of an allowed kind of file, or empty when the kind is not allowed. */
	static Optional<String> sniff(byte[] head, int length, String fileName) {
		byte[] h = Arrays.copyOf(head, length);
		if (starts(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (starts(h, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (starts(h, 'G', 'I', 'F', '8')) {
			return Optional.of("image/gif");
		}
		if (starts(h, 'R', 'I', 'F', 'F') && h.length >= 12 && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') {
			return Optional.of("image/webp");
		}
		if (starts(h, '%', 'P', 'D', 'F', '-')) {
			return Optional.of("application/pdf");
		}
		if (starts(h, 'P', 'K', 3, 4)) {
			String extension = extension(fileName);
			return Optional.of(switch (extension) {
				case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
				case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
				case "pptx" -> "application/vnd.openxmlformats-officedocument.presentationml.presentation";
				default -> "application/zip";
			});
		}
		if (isPlainText(h) && !Set.of("svg", "html", "htm", "js", "xml").contains(extension(fileName))) {
			return Optional.of("text/plain");
		}
		return Optional.empty();
	}

	/** Whether what the client declared is compatible with what the bytes are. */
	static boolean matches(String declared, String sniffed) {
		String d = declared.toLowerCase(Locale.ROOT).split(";")[0].strip();
		if (d.isEmpty() || d.equals("application/octet-stream") || d.equals(sniffed)) {
			return true;
		}
		if (d.equals("image/jpg") && sniffed.equals("image/jpeg")) {
			return true;
		}
		if (sniffed.startsWith("application/vnd.openxmlformats") && d.equals("application/zip")) {
			return true;
		}
		return sniffed.equals("text/plain") && (d.startsWith("text/") && !d.equals("text/html"));
	}

	private static boolean isPlainText(byte[] h) {
		if (h.length == 0) {
			return false;
		}
		for (byte b : h) {
			if (b == 0) {
				return false;
			}
		}
		try {
			// A multi-byte character cut at the end of the sniffed window is fine.
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(h, 0, Math.max(0, h.length - 3)));
			return true;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}

	private static boolean starts(byte[] h, int... prefix) {
		if (h.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((h[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}
}
