package dev.kefu.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A customer's mail as the desk shows it: plain text. HTML is reduced to its words and line breaks (no script, no
 * style, no image: nothing remote is ever loaded, and the desk escapes what it shows anyway), and the earlier thread
 * the customer's client quoted below their words is cut where it is recognisable, so agents read what is new.
 */
final class SafeText {

	/** Elements mail clients wrap the quoted thread in (Gmail, Thunderbird, Apple Mail, Outlook on the web). */
	private static final String QUOTES = "blockquote, .gmail_quote, .gmail_extra, .moz-cite-prefix, #appendonsend, "
			+ "#divRplyFwdMsg, #mail-editor-reference-message-container, .yahoo_quoted, [type=cite]";

	/** A line that opens the quoted thread: "On Tue, … wrote:", "在 …写道：", Outlook's headers, a forward line. */
	private static final List<Pattern> QUOTE_HEADERS = List.of(
			Pattern.compile("^On .{4,200}(wrote|schrieb|a écrit)\\s*:\\s*$", Pattern.CASE_INSENSITIVE),
			Pattern.compile("^在.{2,200}(写道|寫道)[:：]\\s*$"),
			Pattern.compile("^-{2,}\\s*(Original Message|原始邮件|原始郵件|Forwarded message|转发的邮件)\\s*-{2,}\\s*$",
					Pattern.CASE_INSENSITIVE),
			Pattern.compile("^_{10,}\\s*$"));

	/** Outlook's quoted thread opens with its headers: "From: …" followed by "Sent: …" (or "Date: …"). */
	private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\*?(From|发件人|寄件者)\\*?\\s*[:：].+$");
	private static final Pattern OUTLOOK_SENT = Pattern.compile("^\\*?(Sent|Date|发送时间|日期|寄件日期)\\*?\\s*[:：].+$");

	private SafeText() {
	}

	/** The words of an HTML mail, with paragraphs and line breaks kept and the quoted thread left out. */
	static String ofHtml(String html) {
		Document document = Jsoup.parse(html);
		document.select("script, style, head, title, img, svg, video, audio, iframe, object, embed, form").remove();
		document.select(QUOTES).remove();
		StringBuilder text = new StringBuilder();
		NodeTraversor.traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode t) {
					text.append(t.text());
				}
				else if (node instanceof Element e) {
					switch (e.normalName()) {
						case "br" -> text.append('\n');
						case "li" -> text.append("\n- ");
						case "p", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "pre", "hr" ->
							newline(text);
						default -> {
						}
					}
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element e) {
					switch (e.normalName()) {
						case "p", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "pre" ->
							newline(text);
						case "a" -> {
							String href = e.attr("href");
							if (href.startsWith("http") && !e.text().strip().equals(href)) {
								text.append(" (").append(href).append(')');
							}
						}
						case "td", "th" -> text.append(' ');
						default -> {
						}
					}
				}
			}
		}, document.body());
		return tidy(text.toString().replace('\u00a0', ' '));
	}

	/** A plain-text mail without the quoted thread below the customer's words. */
	static String ofPlain(String plain) {
		List<String> lines = new ArrayList<>(List.of(plain.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			boolean outlook = OUTLOOK_FROM.matcher(line).matches() && i + 1 < lines.size()
					&& OUTLOOK_SENT.matcher(lines.get(i + 1).strip()).matches();
			if (i > 0 && (outlook || QUOTE_HEADERS.stream().anyMatch(p -> p.matcher(line).matches()))) {
				lines = new ArrayList<>(lines.subList(0, i));
				break;
			}
		}
		// What is left of quoted lines at the end ("> ...") is the thread too; quoted lines between the customer's
		// own (an answer interleaved with the question) stay.
		int end = lines.size();
		while (end > 0 && (lines.get(end - 1).startsWith(">") || lines.get(end - 1).isBlank())) {
			end--;
		}
		return tidy(String.join("\n", lines.subList(0, end)));
	}

	/** No trailing spaces, at most one empty line in a row, none at either end. */
	static String tidy(String text) {
		String[] lines = text.split("\n", -1);
		StringBuilder out = new StringBuilder();
		int empty = 0;
		for (String raw : lines) {
			String line = raw.stripTrailing();
			if (line.isBlank()) {
				empty++;
				continue;
			}
			if (!out.isEmpty()) {
				out.append(empty > 0 ? "\n\n" : "\n");
			}
			empty = 0;
			out.append(line.startsWith(" ") && !line.startsWith("  ") ? line.substring(1) : line);
		}
		return out.toString();
	}

	private static void newline(StringBuilder text) {
		if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
			text.append('\n');
		}
	}
}
