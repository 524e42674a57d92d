package dev.kefu.channel.callback;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import dev.kefu.shared.RequestRejected;

/**
 * A callback's XML body ({@code <xml><ToUserName>…</ToUserName><Encrypt>…</Encrypt></xml>}, and the same shape
 * once decrypted) as the flat map of its root's child elements' texts, the first of each name. Read with the JDK's
 * parser with DOCTYPEs refused, so no entity is ever expanded or fetched: the body comes from the internet and is read
 * before its signature is checked (in WeChat's plaintext mode the signature does not cover it at all).
 */
public final class CallbackXml {

	public static final int MAX_LENGTH = 64 * 1024;

	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

	private CallbackXml() {
	}

	/** The fields of {@code xml}; anything else than such XML of at most 64 KB is {@code 400 malformed-request}. */
	public static Map<String, String> read(String xml) {
		if (xml.length() > MAX_LENGTH) {
			throw new RequestRejected("malformed-request", "a callback is at most 64 KB of XML");
		}
		try {
			Element root = parser().parse(new InputSource(new StringReader(xml))).getDocumentElement();
			Map<String, String> fields = new LinkedHashMap<>();
			for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child instanceof Element element) {
					String text = element.getTextContent().strip();
					// XML 1.1 lets character references write control characters that no message holds.
					if (CONTROL.matcher(text).find()) {
						throw new RequestRejected("malformed-request",
								"the callback's " + element.getTagName() + " holds a control character");
					}
					fields.putIfAbsent(element.getTagName(), text);
				}
			}
			return fields;
		}
		catch (SAXException | IOException e) {
			throw new RequestRejected("malformed-request", "the body is not callback XML: " + e.getMessage());
		}
	}

	/**
	 * A callback's body as text: UTF-8, which WeChat and WeCom always send. Bytes that are not UTF-8 (a lone
	 * surrogate's, say) are {@code 400 malformed-request}, not replaced with U+FFFD and taken in as if they had
	 * been text; an absent or blank body is refused the same way.
	 */
	public static String text(byte @Nullable [] body) {
		if (body == null || body.length == 0) {
			throw new RequestRejected("malformed-request", "the body is missing; a callback is XML");
		}
		if (body.length > 4 * MAX_LENGTH) {
			throw new RequestRejected("malformed-request", "a callback is at most 64 KB of XML");
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
			if (text.isBlank()) {
				throw new RequestRejected("malformed-request", "the body is missing; a callback is XML");
			}
			return text;
		}
		catch (CharacterCodingException e) {
			throw new RequestRejected("malformed-request", "the body is not UTF-8 text");
		}
	}

	/** An element's text, or null when absent or empty. */
	public static @Nullable String field(Map<String, String> fields, String name) {
		String value = fields.get(name);
		return value == null || value.isEmpty() ? null : value;
	}

	private static DocumentBuilder parser() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setNamespaceAware(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			// Not the JDK's default handler, which prints every refused body to stderr: a fatal error throws, quietly.
			builder.setErrorHandler(new DefaultHandler());
			return builder;
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
		}
	}
}
