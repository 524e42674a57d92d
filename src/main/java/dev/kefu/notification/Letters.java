package dev.kefu.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

import dev.kefu.conversation.TranscriptCopies;

/**
 * The wording of the system's mail in the reader's language ({@code en} or {@code zh-CN}), as plain text and as the
 * same in simple HTML. Everything a customer or an agent wrote is escaped in the HTML, so it shows as written and
 * can carry no markup or link of its own.
 */
final class Letters {

	static final String ENGLISH = "en";
	static final String CHINESE = "zh-CN";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private Letters() {
	}

	/** Chinese when any of the texts has Chinese characters: what a customer writes in is what they read. */
	static String languageOf(List<String> texts) {
		return texts.stream()
			.anyMatch(text -> text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
				? CHINESE : ENGLISH;
	}

	static String supported(@Nullable String language) {
		return language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("zh") ? CHINESE : ENGLISH;
	}

	/** An agent's answer to a left message, with what the customer wrote below it. */
	static Letter answer(String language, String organization, @Nullable String customer, String agent, String subject,
			String answer, List<String> asked) {
		boolean zh = CHINESE.equals(language);
		String title = (zh ? "回复：" : "Re: ") + subject;
		String greeting = customer == null ? (zh ? "您好：" : "Hello,") : zh ? customer + "，您好：" : "Hello " + customer + ",";
		String intro = zh ? agent + " 回复了您在 " + organization + " 的留言：" : agent + " of " + organization
				+ " answered the message you left:";
		String yours = zh ? "您的留言：" : "Your message:";
		String after = zh ? "如需继续沟通，请打开我们网站上的在线客服：您的留言和回复都在那里。"
				: "To write back, open the chat on our website: your message and this answer are there.";
		String text = greeting + "\n\n" + intro + "\n\n" + answer + "\n\n" + yours + "\n"
				+ asked.stream().map(Letters::quoted).collect(Collectors.joining("\n\n")) + "\n\n" + after + "\n\n— "
				+ organization + "\n";
		String html = page(title, p(greeting) + p(intro) + block(answer) + p(yours)
				+ asked.stream().map(Letters::quote).collect(Collectors.joining()) + p(after)
				+ "<p style=\"color:#5f6368\">— " + esc(organization) + "</p>");
		return new Letter(title, text, html);
	}

	/** The chat as the transcript download writes it, and as a table. */
	static Letter transcript(String organization, TranscriptCopies.Copy copy) {
		boolean zh = CHINESE.equals(copy.language());
		ZoneId zone = copy.zone();
		String day = DAY.format(copy.conversation().createdAt().atZone(zone));
		String title = zh ? "您与 " + organization + " 的对话记录（" + day + "）"
				: "Your chat with " + organization + " on " + day;
		String intro = zh ? "以下是您要求发送的对话记录（时间为 " + zone.getId() + "）。"
				: "Here is the transcript of your chat that you asked for (times in " + zone.getId() + ").";
		String text = intro + "\n\n" + copy.text() + "\n— " + organization + "\n";
		String rows = copy.lines().stream()
			.map(line -> "<tr><td style=\"color:#5f6368;white-space:nowrap;vertical-align:top;padding:4px 8px\">"
					+ esc(time(line.at(), zone)) + "</td><td style=\"vertical-align:top;padding:4px 8px;font-weight:"
					+ (line.fromCustomer() ? "normal" : "bold") + "\">" + esc(line.author())
					+ "</td><td style=\"vertical-align:top;padding:4px 8px\">" + lines(line.text())
					+ line.files().stream().map(f -> " [" + esc(f) + "]").collect(Collectors.joining()) + "</td></tr>")
			.collect(Collectors.joining());
		String html = page(title, p(intro) + "<table style=\"border-collapse:collapse\">" + rows + "</table>"
				+ "<p style=\"color:#5f6368\">— " + esc(organization) + "</p>");
		return new Letter(title, text, html);
	}

	/** To agents: a message was left while nobody was online to chat. */
	static Letter alert(String language, String group, String subject, @Nullable String name, @Nullable String email,
			@Nullable String phone, String reason, String body, String deskUrl) {
		boolean zh = CHINESE.equals(language);
		String title = zh ? "【" + group + "】新留言：" + subject : "[" + group + "] New message left: " + subject;
		String why = why(reason, zh);
		String intro = zh ? "有客户在无人在线时留言（" + why + "），请尽快回复。"
				: "A customer left a message while nobody was online (" + why + "). Please answer it.";
		StringBuilder who = new StringBuilder();
		line(who, zh ? "姓名" : "Name", name);
		line(who, zh ? "邮箱" : "E-mail", email);
		line(who, zh ? "电话" : "Phone", phone);
		String message = zh ? "留言内容：" : "Message:";
		String answerIt = deskUrl.isBlank() ? (zh ? "请在客服工作台的“留言”中回复。" : "Answer it under \"Messages left\" in the desk.")
				: (zh ? "在客服工作台中回复：" : "Answer it in the desk: ") + deskUrl;
		String text = intro + "\n\n" + who + "\n" + message + "\n" + body + "\n\n" + answerIt + "\n";
		String html = page(title, p(intro) + p(who.toString().strip()) + p(message) + block(body)
				+ (deskUrl.isBlank() ? p(answerIt)
						: "<p>" + esc(zh ? "在客服工作台中回复：" : "Answer it in the desk: ") + "<a href=\"" + esc(deskUrl)
								+ "\">" + esc(deskUrl) + "</a></p>"));
		return new Letter(title, text, html);
	}

	private static String why(String reason, boolean zh) {
		return switch (reason) {
			case "OUTSIDE_BUSINESS_HOURS" -> zh ? "非工作时间" : "outside business hours";
			case "NO_AGENT_ONLINE" -> zh ? "无客服在线" : "no agent online";
			case "QUEUE_FULL" -> zh ? "排队已满" : "the queue was full";
			default -> zh ? "客户选择留言" : "the customer chose to leave a message";
		};
	}

	private static void line(StringBuilder who, String label, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			who.append(label).append(": ").append(value).append('\n');
		}
	}

	private static String time(Instant at, ZoneId zone) {
		return TIME.format(at.atZone(zone));
	}

	private static String quoted(String text) {
		return text.lines().map(l -> "> " + l).collect(Collectors.joining("\n"));
	}

	private static String page(String title, String body) {
		return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title></head>"
				+ "<body style=\"font-family:sans-serif;font-size:14px;line-height:1.5;color:#1f1f1f\">" + body
				+ "</body></html>";
	}

	private static String p(String text) {
		return "<p>" + lines(text) + "</p>";
	}

	private static String block(String text) {
		return "<div style=\"padding:8px 12px;background:#f6f8fc;border-radius:6px\">" + lines(text) + "</div>";
	}

	private static String quote(String text) {
		return "<blockquote style=\"margin:8px 0;padding-left:12px;border-left:3px solid #c4c7c5;color:#444\">"
				+ lines(text) + "</blockquote>";
	}

	private static String lines(String text) {
		return esc(text).replace("\r\n", "\n").replace("\n", "<br>");
	}

	static String esc(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}
}
