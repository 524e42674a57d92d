package dev.kefu.channel.wechat;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import dev.kefu.shared.RequestRejected;

/**
 * A callback's XML body ({@code <xml><ToUserName>…</ToUserName>…</xml>}) as the flat map of its elements' texts that
 * it is. Read with the JDK's parser with DOCTYPEs refused, so no entity is ever expanded or fetched: the body comes
 * from the internet, and in plaintext mode the signature does not cover it.
 */
final class CallbackXml {

	static final int MAX_LENGTH = 64 * 1024;

	private CallbackXml() {
	}

	static Map<String, String> read(String xml) {
		if (xml.length() > MAX_LENGTH) {
			throw new RequestRejected("malformed-request", "a WeChat callback is at most 64 KB of XML");
		}
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setNamespaceAware(false);
			var builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			Element root = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
			Map<String, String> fields = new LinkedHashMap<>();
			for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
				if (child instanceof Element element) {
					fields.putIfAbsent(element.getTagName(), element.getTextContent().strip());
				}
			}
			return fields;
		}
		catch (SAXException | IOException e) {
			throw new RequestRejected("malformed-request", "the body is not a WeChat XML message: " + e.getMessage());
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
		}
	}

	/** An element's text, or null when absent or empty. */
	static @Nullable String field(Map<String, String> fields, String name) {
		String value = fields.get(name);
		return value == null || value.isEmpty() ? null : value;
	}
}
